import { LRUCache } from 'lru-cache';

export interface MintedToken {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/**
 * Where `PaperOSIntegration` keeps the access tokens it minted, one per subject
 * and organization. The default (`MemoryTokenStore`) is one process's memory;
 * a shared store (`RedisTokenStore`) lets every backend instance use one token
 * per key, one mint at a time, and drop a refused token for all of them.
 */
export interface TokenStore {
  /** The token kept for `key`, if any (an expired one counts as none). */
  get(key: string): Promise<MintedToken | undefined>;
  /** Keeps `token` for `key` until it expires. */
  set(key: string, token: MintedToken): Promise<void>;
  /** Drops the token kept for `key`; with `only`, just while it is still that token. */
  delete(key: string, only?: string): Promise<void>;
  /** Drops every token whose key starts with `prefix` (`''`: all of them). */
  deletePrefix(prefix: string): Promise<void>;
  /**
   * Mints for `key` once among everyone sharing this store: the caller that
   * gets to mint calls `mint` and keeps its token; the others wait for it and
   * get the first kept token that `usable` accepts.
   */
  mintOnce(
    key: string,
    mint: () => Promise<MintedToken>,
    usable: (token: MintedToken) => boolean,
  ): Promise<MintedToken>;
  /**
   * A window of `ms` for `key`, shared by everyone using this store: `undefined`
   * for the first caller, who leaves `value` with it; later callers in the
   * window get that value back.
   */
  claim(key: string, ms: number, value: string): Promise<string | undefined>;
}

export interface MemoryTokenStoreOptions {
  /** Tokens kept at most; the least recently used go first (default 10,000). */
  max?: number;
  now?: () => number;
}

/**
 * One process's tokens, bounded: at most `max` entries (least recently used
 * evicted first), each dropped when it expires.
 */
export class MemoryTokenStore implements TokenStore {
  readonly #tokens: LRUCache<string, MintedToken>;
  readonly #claims: LRUCache<string, string>;
  readonly #now: () => number;

  constructor(options: MemoryTokenStoreOptions = {}) {
    const max = options.max ?? 10_000;
    if (!Number.isInteger(max) || max < 1) throw new TypeError('max must be a positive integer.');
    this.#now = options.now ?? Date.now;
    // lru-cache's own clock is performance.now(); expiry is checked here against the token's exp
    this.#tokens = new LRUCache({ max });
    // claim windows follow the store's clock, as token expiry does
    const now = this.#now;
    this.#claims = new LRUCache({ max, ttlAutopurge: false, ttl: 1, ttlResolution: 0, perf: { now: () => now() } });
  }

  /** Tokens held now (expired ones included until they are next looked at or evicted). */
  get size(): number {
    return this.#tokens.size;
  }

  async get(key: string): Promise<MintedToken | undefined> {
    const token = this.#tokens.get(key);
    if (token && token.expiresAt <= this.#now()) {
      this.#tokens.delete(key);
      return undefined;
    }
    return token;
  }

  async set(key: string, token: MintedToken): Promise<void> {
    if (token.expiresAt > this.#now()) this.#tokens.set(key, token);
  }

  async delete(key: string, only?: string): Promise<void> {
    if (only === undefined || this.#tokens.peek(key)?.token === only) this.#tokens.delete(key);
  }

  async deletePrefix(prefix: string): Promise<void> {
    if (!prefix) return this.#tokens.clear();
    for (const key of [...this.#tokens.keys()]) if (key.startsWith(prefix)) this.#tokens.delete(key);
  }

  /** One process: `PaperOSIntegration` already shares one mint per key among its callers. */
  async mintOnce(
    key: string,
    mint: () => Promise<MintedToken>,
    usable: (token: MintedToken) => boolean,
  ): Promise<MintedToken> {
    const kept = await this.get(key);
    if (kept && usable(kept)) return kept;
    const token = await mint();
    await this.set(key, token);
    return token;
  }

  async claim(key: string, ms: number, value: string): Promise<string | undefined> {
    const taken = this.#claims.get(key);
    if (taken !== undefined) return taken;
    this.#claims.set(key, value, { ttl: ms });
    return undefined;
  }
}
