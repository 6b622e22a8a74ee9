import { randomUUID } from 'node:crypto';
import { PaperOSError } from '../client/errors.js';
import { abortableSleep } from '../client/http.js';
import type { MintedToken, TokenStore } from './token-store.js';

/**
 * What the store needs of a Redis connection: one raw command at a time.
 * node-redis's client (`createClient()`, connected) has this method as is;
 * for ioredis pass `{ sendCommand: ([name, ...args]) => redis.call(name, ...args) }`.
 */
export interface RedisCommands {
  sendCommand(args: string[]): Promise<unknown>;
}

export interface RedisTokenStoreOptions {
  client: RedisCommands;
  /** Prepended to every key this store writes (default `paperos:`). */
  namespace?: string;
  /** How long one instance may hold a key's mint before another may take over, ms (default 10000). */
  lockMs?: number;
  /** How often an instance waiting for another's mint looks for its token, ms (default 20). */
  pollMs?: number;
  now?: () => number;
}

// Both delete only what the caller saw, so a slow instance never drops a newer token or another's lock.
const DELETE_TOKEN_IF =
  "local v = redis.call('GET', KEYS[1]) if v and cjson.decode(v).token == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
const UNLOCK_IF = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/**
 * Tokens shared by every backend instance through Redis: one token per subject
 * and organization, kept until it expires (Redis's own `PX` expiry); one mint
 * at a time across instances (a short `SET NX PX` lock, the others poll for its
 * token); a token dropped by one instance is gone for all.
 */
export class RedisTokenStore implements TokenStore {
  readonly #redis: RedisCommands;
  readonly #ns: string;
  readonly #lockMs: number;
  readonly #pollMs: number;
  readonly #now: () => number;

  constructor(options: RedisTokenStoreOptions) {
    if (typeof options.client?.sendCommand !== 'function') throw new TypeError('RedisTokenStore needs a client.');
    this.#redis = options.client;
    this.#ns = options.namespace ?? 'paperos:';
    this.#lockMs = options.lockMs ?? 10_000;
    this.#pollMs = options.pollMs ?? 20;
    this.#now = options.now ?? Date.now;
  }

  async get(key: string): Promise<MintedToken | undefined> {
    const value = await this.#redis.sendCommand(['GET', this.#tokenKey(key)]);
    if (typeof value !== 'string') return undefined;
    try {
      const parsed = JSON.parse(value) as MintedToken;
      if (typeof parsed.token === 'string' && parsed.expiresAt > this.#now()) return parsed;
    } catch {
      // not ours: as good as absent
    }
    return undefined;
  }

  async set(key: string, token: MintedToken): Promise<void> {
    const ttl = Math.floor(token.expiresAt - this.#now());
    if (ttl <= 0) return;
    const value = JSON.stringify({ token: token.token, expiresAt: token.expiresAt });
    await this.#redis.sendCommand(['SET', this.#tokenKey(key), value, 'PX', String(ttl)]);
  }

  async delete(key: string, only?: string): Promise<void> {
    if (only === undefined) await this.#redis.sendCommand(['DEL', this.#tokenKey(key)]);
    else await this.#redis.sendCommand(['EVAL', DELETE_TOKEN_IF, '1', this.#tokenKey(key), only]);
  }

  async deletePrefix(prefix: string): Promise<void> {
    const pattern = `${globEscape(this.#tokenKey(prefix))}*`;
    let cursor = '0';
    do {
      const [next, keys] = (await this.#redis.sendCommand(['SCAN', cursor, 'MATCH', pattern, 'COUNT', '500'])) as [
        string,
        string[],
      ];
      if (keys.length > 0) await this.#redis.sendCommand(['DEL', ...keys]);
      cursor = next;
    } while (cursor !== '0');
  }

  async mintOnce(
    key: string,
    mint: () => Promise<MintedToken>,
    usable: (token: MintedToken) => boolean,
  ): Promise<MintedToken> {
    const lock = `${this.#ns}lock:${key}`;
    // a holder that crashed frees its lock after lockMs; waiting twice that long is the most anyone waits
    const deadline = this.#now() + 2 * this.#lockMs;
    for (;;) {
      const id = randomUUID();
      if ((await this.#redis.sendCommand(['SET', lock, id, 'NX', 'PX', String(this.#lockMs)])) === 'OK') {
        try {
          // another instance may have finished between the caller's look and this lock
          const kept = await this.get(key);
          if (kept && usable(kept)) return kept;
          const minted = await mint();
          await this.set(key, minted);
          return minted;
        } finally {
          await this.#redis.sendCommand(['EVAL', UNLOCK_IF, '1', lock, id]).catch(() => undefined);
        }
      }
      await abortableSleep(this.#pollMs);
      const kept = await this.get(key);
      if (kept && usable(kept)) return kept;
      if (this.#now() > deadline) {
        throw new PaperOSError({
          status: 0,
          code: 'timeout',
          message: 'Another instance held the token mint for too long.',
        });
      }
    }
  }

  async claim(key: string, ms: number, value: string): Promise<string | undefined> {
    // SET NX GET (Redis 7): sets when absent, and answers what was there either way
    const taken = await this.#redis.sendCommand([
      'SET',
      `${this.#ns}claim:${key}`,
      value,
      'NX',
      'GET',
      'PX',
      String(ms),
    ]);
    return typeof taken === 'string' ? taken : undefined;
  }

  #tokenKey(key: string): string {
    return `${this.#ns}token:${key}`;
  }
}

function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
