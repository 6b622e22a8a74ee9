import { decodeJwt } from 'jose';
import { PaperOSError, codeForStatus } from '../client/errors.js';
import type { FetchLike } from '../client/types.js';

export interface IntegrationOptions {
  /** PaperOS base URL (default `https://app.paperos.com`). */
  baseUrl?: string;
  clientId: string;
  clientSecret: string;
  fetch?: FetchLike;
  /** Mint a new access token this long before the cached one expires (default 60 s). */
  refreshAheadMs?: number;
  /** Per-request timeout towards PaperOS, ms (default 15000). */
  timeoutMs?: number;
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

export interface MintedToken {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/**
 * RFC 6749 section 2.3.1: client id and secret are form-urlencoded before
 * being joined and Base64-encoded, so `:` or non-ASCII in a secret survive.
 */
export function clientCredentialsHeader(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`, 'utf8').toString('base64')}`;
}

/**
 * The partner backend's side of PaperOS: client credentials (HTTP Basic) on the
 * integration endpoints. Access tokens are cached per subject and org until
 * shortly before they expire, with one mint in flight per key.
 */
export class PaperOSIntegration {
  readonly baseUrl: string;
  readonly #options: IntegrationOptions;
  readonly #tokens = new Map<string, MintedToken>();
  readonly #minting = new Map<string, Promise<MintedToken>>();

  constructor(options: IntegrationOptions) {
    if (!options.clientId || !options.clientSecret) throw new TypeError('clientId and clientSecret are required.');
    this.#options = options;
    this.baseUrl = (options.baseUrl ?? 'https://app.paperos.com').replace(/\/+$/, '');
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
    return (await this.#call('POST', '/api/v1/oidc/clients', input, `Bearer ${userToken}`)) as Record<string, unknown>;
  }

  /** `GET /api/v1/oidc/clients`. */
  async listClients(userToken: string): Promise<Array<Record<string, unknown>>> {
    const body = (await this.#call('GET', '/api/v1/oidc/clients', undefined, `Bearer ${userToken}`)) as {
      oidc_clients: Array<Record<string, unknown>>;
    };
    return body.oidc_clients;
  }

  /** `POST /api/v1/integrations/id-token`: a token for the subject (can create orgs). */
  async idToken(subject: SubjectRef, options: { expiresInSec?: number; amr?: string[] } = {}): Promise<MintedToken> {
    const body = (await this.#call('POST', '/api/v1/integrations/id-token', {
      claims: this.#claims(subject, undefined, options),
    })) as { id_token: string };
    return this.#minted(body.id_token);
  }

  /**
   * An org-scoped access token for the subject, from the cache while it has
   * more than `refreshAheadMs` to live; concurrent callers share one mint.
   */
  async accessToken(
    subject: SubjectRef,
    orgId: string,
    options: { expiresInSec?: number; amr?: string[] } = {},
  ): Promise<MintedToken> {
    const key = `${subject.sub ?? ''}|${subject.externalId ?? ''}|${orgId}`;
    const cached = this.#tokens.get(key);
    const now = (this.#options.now ?? Date.now)();
    if (cached && cached.expiresAt - (this.#options.refreshAheadMs ?? 60_000) > now) return cached;
    let pending = this.#minting.get(key);
    if (!pending) {
      pending = this.#call('POST', '/api/v1/integrations/access-token', {
        claims: this.#claims(subject, orgId, options),
      })
        .then((body) => {
          const minted = this.#minted((body as { access_token: string }).access_token);
          this.#tokens.set(key, minted);
          return minted;
        })
        .finally(() => this.#minting.delete(key));
      this.#minting.set(key, pending);
    }
    return pending;
  }

  /** Forgets cached tokens: all, one subject's, or one subject's for one org. */
  forget(subject?: SubjectRef, orgId?: string): void {
    if (!subject) return this.#tokens.clear();
    const prefix = `${subject.sub ?? ''}|${subject.externalId ?? ''}|`;
    for (const key of this.#tokens.keys()) {
      if (orgId === undefined ? key.startsWith(prefix) : key === `${prefix}${orgId}`) this.#tokens.delete(key);
    }
  }

  #claims(subject: SubjectRef, orgId: string | undefined, options: { expiresInSec?: number; amr?: string[] }) {
    if (!subject.externalId && !subject.sub) throw new TypeError('A subject needs an externalId or a sub.');
    const now = Math.floor((this.#options.now ?? Date.now)() / 1000);
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
    const now = (this.#options.now ?? Date.now)();
    return { token, expiresAt: exp ? exp * 1000 : now + 5 * 60_000 };
  }

  async #call(method: string, path: string, body?: unknown, authorization?: string): Promise<unknown> {
    const fetchImpl = this.#options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          authorization: authorization ?? clientCredentialsHeader(this.#options.clientId, this.#options.clientSecret),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.#options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      const timedOut = (error as { name?: string }).name === 'TimeoutError';
      throw new PaperOSError({ status: 0, code: timedOut ? 'timeout' : 'network', cause: error });
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      const message = (parsed as { message?: unknown } | undefined)?.message;
      throw new PaperOSError({
        status: response.status,
        code: codeForStatus(response.status),
        message: typeof message === 'string' ? message : undefined,
      });
    }
    if (text && parsed === undefined) throw new PaperOSError({ status: response.status, code: 'invalid_response' });
    return parsed;
  }
}
