import { decodeJwt } from 'jose';
import { DEFAULT_BASE_URL, send } from '../client/http.js';
import type { FetchLike } from '../client/types.js';
import { MemoryTokenStore, type MintedToken, type TokenStore } from './token-store.js';

export type { MintedToken } from './token-store.js';

export interface IntegrationOptions {
  /** PaperOS base URL (default `https://app.paperos.com`). */
  baseUrl?: string;
  clientId: string;
  clientSecret: string;
  fetch?: FetchLike;
  /** Where minted access tokens are kept (default: a `MemoryTokenStore` of 10,000 tokens). */
  store?: TokenStore;
  /** Mint a new access token this long before the cached one expires (default 60 s). */
  refreshAheadMs?: number;
  /** Per-request timeout towards PaperOS, ms (default 15000). */
  timeoutMs?: number;
  /**
   * At most one forced mint (`renewAccessToken`) per subject and org in this window, ms
   * (default 10 000), shared by every instance using the store: a page cannot make the
   * backend mint in a loop.
   */
  renewIntervalMs?: number;
  now?: () => number;
}

/** Who the token is for: the subject (by your id for them, or PaperOS's `sub`) and the organization. */
export interface SubjectRef {
  externalId?: string;
  sub?: string;
}

export interface SubjectInput {
  external_id?: string;
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
  zoneinfo?: string;
  locale?: string;
}

type MintOptions = { expiresInSec?: number; amr?: string[] };

/**
 * RFC 6749 section 2.3.1: client id and secret are form-urlencoded before
 * being joined and Base64-encoded, so `:` or non-ASCII in a secret survive.
 */
export function clientCredentialsHeader(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`, 'utf8').toString('base64')}`;
}

/** The store key of one subject's token for one org; a subject's keys share the prefix. */
function keyOf(subject: SubjectRef, orgId?: string): string {
  const prefix = JSON.stringify([subject.sub ?? '', subject.externalId ?? '']).slice(0, -1);
  return orgId === undefined ? `${prefix},` : `${prefix},${JSON.stringify(orgId)}]`;
}

/**
 * The partner backend's side of PaperOS: client credentials (HTTP Basic) on the
 * integration endpoints. Access tokens are kept in the store per subject and org
 * until shortly before they expire, with one mint in flight per key (across
 * instances when the store is shared).
 */
export class PaperOSIntegration {
  readonly baseUrl: string;
  /** Where this integration keeps its access tokens. */
  readonly store: TokenStore;
  readonly #options: IntegrationOptions;
  readonly #minting = new Map<string, Promise<MintedToken>>();
  readonly #renewing = new Map<string, Promise<MintedToken>>();

  constructor(options: IntegrationOptions) {
    if (!options.clientId || !options.clientSecret) throw new TypeError('clientId and clientSecret are required.');
    this.#options = options;
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.store = options.store ?? new MemoryTokenStore({ now: options.now });
  }

  /** `POST /api/v1/integrations/users`. */
  async createSubject(input: SubjectInput): Promise<Record<string, unknown> & { sub: string }> {
    const body = (await this.#call('POST', '/api/v1/integrations/users', input)) as { subject: { sub: string } };
    return body.subject;
  }

  /** `PATCH /api/v1/integrations/users/:sub` (204). */
  async updateSubject(sub: string, input: Pick<SubjectInput, 'external_id' | 'locale' | 'zoneinfo'>): Promise<void> {
    await this.#call('PATCH', `/api/v1/integrations/users/${encodeURIComponent(sub)}`, input);
  }

  /** `GET /api/v1/integrations/users`. */
  async listSubjects(): Promise<Array<Record<string, unknown>>> {
    const body = (await this.#call('GET', '/api/v1/integrations/users')) as {
      subjects: Array<Record<string, unknown>>;
    };
    return body.subjects;
  }

  /** `POST /api/v1/oidc/clients` (with a user's Bearer token, as the doc describes). */
  async registerClient(userToken: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    return (await this.#call('POST', '/api/v1/oidc/clients', input, userToken)) as Record<string, unknown>;
  }

  /** `GET /api/v1/oidc/clients`. */
  async listClients(userToken: string): Promise<Array<Record<string, unknown>>> {
    const body = (await this.#call('GET', '/api/v1/oidc/clients', undefined, userToken)) as {
      oidc_clients: Array<Record<string, unknown>>;
    };
    return body.oidc_clients;
  }

  /** `POST /api/v1/integrations/id-token`: a token for the subject (can create orgs). */
  async idToken(subject: SubjectRef, options: MintOptions = {}): Promise<MintedToken> {
    const body = (await this.#call('POST', '/api/v1/integrations/id-token', {
      claims: this.#claims(subject, undefined, options),
    })) as { id_token: string };
    return this.#minted(body.id_token);
  }

  /**
   * An org-scoped access token for the subject, from the store while it has
   * more than `refreshAheadMs` to live; concurrent callers share one mint.
   */
  async accessToken(subject: SubjectRef, orgId: string, options: MintOptions = {}): Promise<MintedToken> {
    const key = keyOf(subject, orgId);
    const kept = await this.store.get(key);
    if (kept && this.#fresh(kept)) return kept;
    return this.#mint(key, subject, orgId, options, (token) => this.#fresh(token));
  }

  /**
   * A new token after PaperOS refused `refused` (a rotated key, a revoked
   * session): drops it from the store, for every instance sharing it, and mints
   * once. Callers that come later, or whose refused token was already replaced,
   * get the replacement and cause no mint.
   */
  async renewToken(
    subject: SubjectRef,
    orgId: string,
    refused: string,
    options: MintOptions = {},
  ): Promise<MintedToken> {
    const key = keyOf(subject, orgId);
    await this.store.delete(key, refused);
    const kept = await this.store.get(key);
    if (kept && kept.token !== refused && this.#fresh(kept)) return kept;
    return this.#mint(key, subject, orgId, options, (token) => token.token !== refused && this.#fresh(token));
  }

  /**
   * A new token because one was refused: the token endpoint's `{"reason": "rejected"}`
   * (the browser's token is not known here, so the kept one counts as refused) or the
   * proxy's 401 (`refused` given). At most one such forced mint per subject and org per
   * `renewIntervalMs` (default 10 s, a window shared through the store); later calls in
   * the window, and calls whose refused token was already replaced, get the newest token
   * and cause no mint, so a page cannot make the backend mint in a loop.
   */
  async renewAccessToken(
    subject: SubjectRef,
    orgId: string,
    refused?: string,
    options: MintOptions = {},
  ): Promise<MintedToken> {
    const key = keyOf(subject, orgId);
    // callers in this process share one renewal, so none sees the refused token before it is dropped
    let renewal = this.#renewing.get(key);
    if (!renewal) {
      renewal = (async () => {
        const kept = await this.store.get(key);
        if (refused !== undefined && kept && kept.token !== refused && this.#fresh(kept)) return kept;
        if (!kept) return this.accessToken(subject, orgId, options);
        const window = this.#options.renewIntervalMs ?? 10_000;
        const replacing = await this.store.claim(`renew:${key}`, window, refused ?? kept.token);
        if (replacing === undefined) return this.renewToken(subject, orgId, refused ?? kept.token, options);
        // another caller (maybe another instance) holds the window; while it replaces the very token
        // read here, wait for its replacement instead of handing out the refused one
        if (replacing === kept.token) {
          return this.#mint(key, subject, orgId, options, (token) => token.token !== replacing && this.#fresh(token));
        }
        return this.accessToken(subject, orgId, options);
      })().finally(() => this.#renewing.delete(key));
      this.#renewing.set(key, renewal);
    }
    return renewal;
  }

  /** Drops one kept token (for every instance sharing the store); with `only`, just while it is still that token. */
  async dropToken(subject: SubjectRef, orgId: string, only?: string): Promise<void> {
    await this.store.delete(keyOf(subject, orgId), only);
  }

  /** Forgets kept tokens: all, one subject's, or one subject's for one org. */
  async forget(subject?: SubjectRef, orgId?: string): Promise<void> {
    if (!subject) return this.store.deletePrefix('');
    if (orgId !== undefined) return this.store.delete(keyOf(subject, orgId));
    return this.store.deletePrefix(keyOf(subject));
  }

  #fresh(token: MintedToken): boolean {
    return token.expiresAt - (this.#options.refreshAheadMs ?? 60_000) > this.#now();
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  #mint(
    key: string,
    subject: SubjectRef,
    orgId: string,
    options: MintOptions,
    usable: (token: MintedToken) => boolean,
  ): Promise<MintedToken> {
    let pending = this.#minting.get(key);
    if (!pending) {
      const claims = this.#claims(subject, orgId, options);
      pending = this.store
        .mintOnce(
          key,
          async () => {
            const body = await this.#call('POST', '/api/v1/integrations/access-token', { claims });
            return this.#minted((body as { access_token: string }).access_token);
          },
          usable,
        )
        .finally(() => this.#minting.delete(key));
      this.#minting.set(key, pending);
    }
    return pending;
  }

  #claims(subject: SubjectRef, orgId: string | undefined, options: MintOptions) {
    if (!subject.externalId && !subject.sub) throw new TypeError('A subject needs an externalId or a sub.');
    const now = Math.floor(this.#now() / 1000);
    const claims: Record<string, unknown> = {
      auth_time: { value: now },
      exp: { value: now + (options.expiresInSec ?? 3600) },
      amr: { values: options.amr ?? ['pwd'] },
    };
    if (subject.externalId) claims.external_id = { value: subject.externalId };
    if (subject.sub) claims.sub = { value: subject.sub };
    if (orgId) claims.org_id = { value: orgId };
    return claims;
  }

  #minted(token: string): MintedToken {
    let exp: number | undefined;
    try {
      exp = decodeJwt(token).exp;
    } catch {
      exp = undefined;
    }
    return { token, expiresAt: exp ? exp * 1000 : this.#now() + 5 * 60_000 };
  }

  /** Through the client's transport (timeout, error mapping, secrets kept out of messages); sent once. */
  async #call(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, userToken?: string): Promise<unknown> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: userToken
        ? `Bearer ${userToken}`
        : clientCredentialsHeader(this.#options.clientId, this.#options.clientSecret),
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await send(
      {
        method,
        url: `${this.baseUrl}${path}`,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        secrets: [this.#options.clientSecret, ...(userToken ? [userToken] : [])],
      },
      {
        fetch: this.#options.fetch,
        timeoutMs: this.#options.timeoutMs ?? 15_000,
        retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
      },
    );
    return response.body;
  }
}
