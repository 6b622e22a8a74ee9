import type * as v from 'valibot';
import { pageCache, type RequestCache } from './cache.js';
import { PaperOSError, isPaperOSError } from './errors.js';
import { DEFAULT_BASE_URL, DEFAULT_RETRY, scrubbed, send, type HttpResponse, type TransportOptions } from './http.js';
import {
  CreateRecordSchema,
  OrgListSchema,
  OrgSchema,
  RecordSchema,
  RecordUpdateSchema,
  StartWorkflowSchema,
  TokenDebugSchema,
  WorkflowSchema,
  WorkflowTemplateSchema,
  parseDocuments,
  parseItems,
  parseOne,
} from './schemas.js';
import { TokenSource } from './token.js';
import type {
  CallOptions,
  CreateOrgInput,
  CreateRecordInput,
  FetchLike,
  FetchToken,
  ListDocumentsQuery,
  ListRecordsQuery,
  Logger,
  Org,
  OrgList,
  PaperOSDocument,
  PaperOSRecord,
  RecordUpdateResult,
  RetryOptions,
  StartWorkflowInput,
  StartedWorkflow,
  TokenDebug,
  Workflow,
  WorkflowTemplate,
} from './types.js';

export { DEFAULT_BASE_URL };

export interface PaperOSClientOptions {
  /** PaperOS base URL (default `https://app.paperos.com`). */
  baseUrl?: string;
  token?: string;
  /** Called with `{reason: 'initial' | 'expiring' | 'rejected'}`; a zero-argument callback works as well. */
  fetchToken?: FetchToken;
  /** The host backend's token endpoint; POSTed `{"reason": ...}` as JSON. */
  tokenUrl?: string;
  /** Wins over token / fetchToken / tokenUrl. Without any, requests carry no Authorization (BFF proxy mode). */
  tokenSource?: TokenSource;
  /** Default: `globalThis.fetch`, looked up at call time. */
  fetch?: FetchLike;
  /** Per-attempt timeout, ms (default 15000). */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Page-wide sharing of GETs (default `pageCache`); `false` turns it off. */
  cache?: RequestCache | false;
  /** Where warnings about skipped malformed items go (default `console`). */
  logger?: Logger;
  /** Test seams. */
  sleep?: TransportOptions['sleep'];
  random?: () => number;
  now?: () => number;
}

type Query = Record<string, string | number | undefined>;

interface Call {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  query?: Query;
  body?: unknown;
  options?: CallOptions;
}

/** Remembered validators for conditional GETs: the last ETag and body per request. */
const MAX_VALIDATORS = 64;

/**
 * A typed client for the PaperOS API, for browsers and Node alike. One method
 * per endpoint; every call takes an `AbortSignal`; failures are `PaperOSError`s.
 */
export class PaperOSClient {
  readonly baseUrl: string;
  readonly tokenSource: TokenSource | undefined;
  readonly #options: PaperOSClientOptions;
  readonly #cache: RequestCache | undefined;
  readonly #logger: Logger;
  readonly #validators = new Map<string, { etag: string; body: unknown }>();
  /** Each GET body's parsed value, by the body object (see #parseOnce). */
  readonly #parsed = new WeakMap<object, { url: string; value: unknown }>();

  constructor(options: PaperOSClientOptions = {}) {
    this.#options = options;
    this.baseUrl = (options.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.tokenSource =
      options.tokenSource ??
      (options.token !== undefined || options.fetchToken || options.tokenUrl
        ? new TokenSource({
            token: options.token,
            fetchToken: options.fetchToken,
            tokenUrl: options.tokenUrl,
            fetch: options.fetch,
            now: options.now,
          })
        : undefined);
    this.#cache = options.cache === false ? undefined : (options.cache ?? pageCache);
    this.#logger = options.logger ?? console;
  }

  /** The `org_id` claim of the current token (fetching it if needed); undefined for opaque tokens or none. */
  async defaultOrgId(options: CallOptions = {}): Promise<string | undefined> {
    if (!this.tokenSource) return undefined;
    await this.#token(options.signal, false);
    const orgId = this.tokenSource.claims?.org_id;
    return typeof orgId === 'string' && orgId ? orgId : undefined;
  }

  /** `GET /api/user/debug`: what the token says about its user. */
  async debugUser(options?: CallOptions): Promise<TokenDebug> {
    return this.#request({ method: 'GET', path: '/api/user/debug', options }, (body) => {
      return this.#parse(TokenDebugSchema, body, 'token debug') as TokenDebug;
    });
  }

  /** `GET /api/v1/org/debug?account_id=`: the token's account details. */
  async debugOrg(query: { accountId?: string | number } = {}, options?: CallOptions): Promise<TokenDebug> {
    return this.#request(
      {
        method: 'GET',
        path: '/api/v1/org/debug',
        query: { account_id: query.accountId },
        options,
      },
      (body) => {
        return this.#parse(TokenDebugSchema, body, 'org debug') as TokenDebug;
      },
    );
  }

  /** `GET /api/v1/orgs?updated_since=`: the user's organizations. */
  async listOrgs(query: { updatedSince?: number | string } = {}, options?: CallOptions): Promise<OrgList> {
    return this.#request(
      {
        method: 'GET',
        path: '/api/v1/orgs',
        query: { updated_since: query.updatedSince ?? 0 },
        options,
      },
      (body) => {
        const list = this.#parse(OrgListSchema, body, 'organization list');
        return {
          updated_at: list.updated_at,
          orgs: parseItems(OrgSchema, list.orgs, 'organization', this.#logger) as Org[],
        };
      },
    );
  }

  /** `POST /api/v1/orgs`: create an organization. */
  async createOrg(input: CreateOrgInput, options?: CallOptions): Promise<Org> {
    const body = await this.#request({ method: 'POST', path: '/api/v1/orgs', body: input, options });
    this.#cache?.invalidate(`${this.#cachePrefix('/api/v1/orgs')}|`);
    return this.#parse(OrgSchema, body, 'organization') as Org;
  }

  /** `POST /api/v1/orgs/:org/records`: create a record; resolves to its id. */
  async createRecord(orgId: string, input: CreateRecordInput, options?: CallOptions): Promise<{ recId: string }> {
    const path = `${orgPath(orgId)}/records`;
    const body = await this.#request({ method: 'POST', path, body: input, options });
    this.#cache?.invalidate(this.#cachePrefix(path));
    return { recId: String(this.#parse(CreateRecordSchema, body, 'created record').rec_id) };
  }

  /** `GET /api/v1/orgs/:org/records?type=&rec_id=&rec_ids=&since=&limit=`. */
  async listRecords(orgId: string, query: ListRecordsQuery = {}, options?: CallOptions): Promise<PaperOSRecord[]> {
    return this.#request(
      {
        method: 'GET',
        path: `${orgPath(orgId)}/records`,
        query: {
          type: query.type,
          rec_id: query.recId,
          rec_ids: query.recIds?.join(','),
          since: query.since,
          limit: query.limit,
        },
        options,
      },
      (body) => {
        const items = Array.isArray(body) ? body : (body as { records?: unknown } | undefined)?.records;
        if (!Array.isArray(items)) throw invalid('record list');
        return parseItems(RecordSchema, items, 'record', this.#logger) as PaperOSRecord[];
      },
    );
  }

  /** `GET /api/v1/orgs/:org/records/:id`. */
  async getRecord(orgId: string, recId: string | number, options?: CallOptions): Promise<PaperOSRecord> {
    return this.#request({ method: 'GET', path: `${orgPath(orgId)}/records/${segment(recId)}`, options }, (body) => {
      const record = (body as { record?: unknown } | undefined)?.record ?? body;
      return this.#parse(RecordSchema, record, 'record') as PaperOSRecord;
    });
  }

  /** `PATCH /api/v1/orgs/:org/records/:id` with only the given fields; resolves to the changed field names. */
  async updateRecord(
    orgId: string,
    recId: string | number,
    input: { fields: Record<string, unknown> },
    options?: CallOptions,
  ): Promise<RecordUpdateResult> {
    const path = `${orgPath(orgId)}/records`;
    const body = await this.#request({ method: 'PATCH', path: `${path}/${segment(recId)}`, body: input, options });
    this.#cache?.invalidate(this.#cachePrefix(path));
    const result = this.#parse(RecordUpdateSchema, body, 'record update');
    return {
      changes: result.changes,
      total: result.total ?? result.changes.length,
      count: result.count ?? result.changes.length,
    };
  }

  /** `GET /api/v1/orgs/:org/workflow-templates`. */
  async listWorkflowTemplates(orgId: string, options?: CallOptions): Promise<WorkflowTemplate[]> {
    return this.#request({ method: 'GET', path: `${orgPath(orgId)}/workflow-templates`, options }, (body) => {
      return parseItems(
        WorkflowTemplateSchema,
        this.#list(body, 'workflow_templates'),
        'workflow template',
        this.#logger,
      ) as WorkflowTemplate[];
    });
  }

  /** `GET /api/v1/orgs/:org/workflows`: the workflows already started. */
  async listWorkflows(orgId: string, options?: CallOptions): Promise<Workflow[]> {
    return this.#request({ method: 'GET', path: `${orgPath(orgId)}/workflows`, options }, (body) => {
      return parseItems(WorkflowSchema, this.#list(body, 'workflows'), 'workflow', this.#logger) as Workflow[];
    });
  }

  /** `POST /api/v1/orgs/:org/workflows`: start a workflow, optionally prefilled with records. Sent once, never retried. */
  async startWorkflow(orgId: string, input: StartWorkflowInput, options?: CallOptions): Promise<StartedWorkflow> {
    const path = `${orgPath(orgId)}/workflows`;
    const payload: Record<string, unknown> = { flow_id: input.flowId };
    if (input.records !== undefined) payload.records = input.records.map(({ role, id }) => ({ role, id }));
    if (input.autoSubmit !== undefined) payload.auto_submit = input.autoSubmit ? 1 : 0;
    const body = await this.#request({ method: 'POST', path, body: payload, options });
    this.#cache?.invalidate(this.#cachePrefix(path));
    return { workflowId: this.#parse(StartWorkflowSchema, body, 'started workflow').workflow_id };
  }

  /** `GET /api/v1/orgs/:org/documents?email=`: the organization's documents, or one recipient's. */
  async listDocuments(
    orgId: string,
    query: ListDocumentsQuery = {},
    options?: CallOptions,
  ): Promise<PaperOSDocument[]> {
    return this.#request(
      {
        method: 'GET',
        path: `${orgPath(orgId)}/documents`,
        query: { email: query.email },
        options,
      },
      (body) => {
        return this.#documents(body);
      },
    );
  }

  /** `GET /api/v1/org/documents?account_id=&email=`: the same list by account id. */
  async listDocumentsByAccount(
    accountId: string | number,
    query: ListDocumentsQuery = {},
    options?: CallOptions,
  ): Promise<PaperOSDocument[]> {
    return this.#request(
      {
        method: 'GET',
        path: '/api/v1/org/documents',
        query: { account_id: accountId, email: query.email },
        options,
      },
      (body) => {
        return this.#documents(body);
      },
    );
  }

  #documents(body: unknown): PaperOSDocument[] {
    return parseDocuments(this.#list(body, 'documents'), this.#logger);
  }

  #list(body: unknown, key: string): unknown[] {
    const items = (body as Record<string, unknown> | undefined)?.[key];
    if (!Array.isArray(items)) throw invalid(key.replace(/_/g, ' '));
    return items;
  }

  #parse<T extends v.GenericSchema>(schema: T, body: unknown, what: string): v.InferOutput<T> {
    try {
      return parseOne(schema, body, what);
    } catch (error) {
      throw new PaperOSError({
        status: 200,
        code: 'invalid_response',
        message: `PaperOS sent an unreadable ${what}.`,
        cause: error,
      });
    }
  }

  /**
   * Cache keys are `<base>|GET|<path>|<query>|<scope>`: a mutation clears a path (and what is
   * below it) for every subject, while each subject and org claim keeps its own entries.
   */
  #cachePrefix(path: string): string {
    return `${this.baseUrl}|GET|${path}`;
  }

  /** Whose view a response is: the token's subject (never the token) and the org it is scoped to. */
  #scope(): string {
    const orgId = this.tokenSource?.claims?.org_id;
    return `${this.tokenSource?.identity ?? 'anonymous'}${typeof orgId === 'string' ? `@${orgId}` : ''}`;
  }

  async #token(signal: AbortSignal | undefined, forceRefresh: boolean, staleToken?: string) {
    if (!this.tokenSource) return undefined;
    try {
      return await this.tokenSource.getToken({ signal, forceRefresh, staleToken });
    } catch (error) {
      if (isPaperOSError(error)) throw error;
      throw new PaperOSError({ status: 0, code: 'token_unavailable', cause: error });
    }
  }

  /**
   * Sends a call and parses its body. For GETs the parsing happens inside the
   * shared cache entry, so callers share one parsed value and an unreadable
   * response is never kept.
   */
  async #request<T = unknown>(call: Call, parse: (body: unknown) => T = (body) => body as T): Promise<T> {
    const options = call.options ?? {};
    const url = this.#url(call.path, call.query);
    if (call.method !== 'GET') return parse(await this.#authorized(call, url, options.signal));
    if (!this.#cache || options.cache === false) {
      return this.#parseOnce(url, await this.#authorized(call, url, options.signal), parse);
    }
    // Resolve the token first so the cache key carries the subject's identity.
    await this.#token(options.signal, false);
    const key = `${this.#cachePrefix(call.path)}|${url.slice(this.baseUrl.length + call.path.length)}|${this.#scope()}`;
    const load = async (signal: AbortSignal) => this.#parseOnce(url, await this.#authorized(call, url, signal), parse);
    return this.#cache.get(key, load, {
      signal: options.signal,
      reload: options.cache === 'reload',
    });
  }

  /**
   * Parses a GET's body, or hands back what the same body parsed to before:
   * a 304 answers with the body remembered from the 200, and its caller gets
   * the very value it had, so an element can tell that nothing changed.
   */
  #parseOnce<T>(url: string, body: unknown, parse: (body: unknown) => T): T {
    if (typeof body !== 'object' || body === null) return parse(body);
    const known = this.#parsed.get(body);
    if (known?.url === url) return known.value as T;
    const value = parse(body);
    this.#parsed.set(body, { url, value });
    return value;
  }

  /**
   * Sends with the current token; on a 401, one forced refresh (reason `rejected`) and one more
   * send, even when the token came back unchanged: a 401 may pass a moment later (one server's
   * hiccup, a key rotation still spreading). A second 401 is the error; never a third send.
   */
  async #authorized(call: Call, url: string, signal: AbortSignal | undefined): Promise<unknown> {
    const token = await this.#token(signal, false);
    try {
      return await this.#exchange(call, url, token, signal);
    } catch (error) {
      if (!isPaperOSError(error) || error.status !== 401 || !this.tokenSource?.refreshable) throw error;
      const fresh = await this.#token(signal, true, token);
      return this.#exchange(call, url, fresh, signal);
    }
  }

  async #exchange(
    call: Call,
    url: string,
    token: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const validatorKey = `${this.#scope()}|${url}`;
    const validator = call.method === 'GET' ? this.#validators.get(validatorKey) : undefined;
    if (validator) headers['if-none-match'] = validator.etag;
    const secrets = token ? [token] : [];
    let response: HttpResponse;
    try {
      response = await send(
        {
          method: call.method,
          url,
          headers,
          body: call.body === undefined ? undefined : JSON.stringify(call.body),
          signal,
          timeoutMs: call.options?.timeoutMs,
          secrets,
        },
        {
          fetch: this.#options.fetch,
          timeoutMs: this.#options.timeoutMs ?? 15_000,
          retry: { ...DEFAULT_RETRY, ...this.#options.retry },
          sleep: this.#options.sleep,
          random: this.#options.random,
          now: this.#options.now,
        },
      );
    } catch (error) {
      throw isPaperOSError(error) ? scrubbed(error, secrets) : error;
    }
    if (response.status === 304 && validator) return validator.body;
    const etag = response.headers.get('etag');
    if (call.method === 'GET' && etag) {
      this.#validators.delete(validatorKey);
      this.#validators.set(validatorKey, { etag, body: response.body });
      if (this.#validators.size > MAX_VALIDATORS) this.#validators.delete(this.#validators.keys().next().value!);
    }
    return response.body;
  }

  #url(path: string, query?: Query): string {
    let url = `${this.baseUrl}${path}`;
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const search = params.toString();
    if (search) url += `?${search}`;
    return url;
  }
}

function segment(value: string | number): string {
  return encodeURIComponent(String(value));
}

function orgPath(orgId: string): string {
  if (!orgId) throw new PaperOSError({ status: 0, code: 'bad_request', message: 'An organization id is required.' });
  return `/api/v1/orgs/${segment(orgId)}`;
}

function invalid(what: string): PaperOSError {
  return new PaperOSError({ status: 200, code: 'invalid_response', message: `PaperOS sent an unreadable ${what}.` });
}
