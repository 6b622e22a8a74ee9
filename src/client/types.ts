/**
 * The public shapes of the PaperOS API client. Response types mirror the JSON
 * in the API documentation (snake_case, as the server sends it); list methods
 * unwrap the envelope and return the items.
 */

/** What a `fetchToken` callback may resolve to. `expiresAt` is epoch milliseconds. */
export type TokenResult = string | { token: string; expiresAt?: number };

/**
 * Why a token is asked for: `initial` (none yet), `expiring` (the current one is
 * near its `exp`) or `rejected` (PaperOS answered 401 to it; a host backend that
 * caches tokens should mint a new one rather than hand back the refused one).
 */
export type TokenRequestReason = 'initial' | 'expiring' | 'rejected';

/** What a `fetchToken` callback is called with; a `token-url` POST sends the same as JSON. */
export interface TokenRequestContext {
  reason: TokenRequestReason;
}

/** A `fetchToken` callback. One that takes no argument works as well. */
export type FetchToken = (context: TokenRequestContext) => Promise<TokenResult>;

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Options every client call accepts. */
export interface CallOptions {
  /** Aborts the call (and its retries); rejects with a PaperOSError of code `aborted`. */
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds; overrides the client's `timeoutMs`. */
  timeoutMs?: number;
  /** GETs only: `false` skips the page-wide cache, `'reload'` bypasses a cached value but still shares in-flight requests. */
  cache?: boolean | 'reload';
}

export interface RetryOptions {
  /** Total attempts for a GET, first one included (default 3). */
  attempts?: number;
  /** Backoff base for 5xx and network errors, ms (default 300). */
  baseDelayMs?: number;
  /** Backoff cap, ms (default 5000). */
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured, ms (default 30000); a longer one fails at once with `retryAfter` set. */
  maxRetryAfterMs?: number;
}

export interface Logger {
  warn(message: string, detail?: unknown): void;
}

export interface TokenDebugUser {
  account_id: number | string | null;
  partner_id: number | string | null;
  auth_time: string | null;
  iat: string | null;
  exp: string | null;
  api_token: boolean;
  email: string | null;
}

export interface TokenDebug {
  user: TokenDebugUser;
  method: string;
  originalUrl: string;
}

export interface Org {
  id: string;
  name: string;
  brand_id?: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrgList {
  updated_at: number;
  orgs: Org[];
}

export interface CreateOrgInput {
  name: string;
  fields?: { business_type?: 'for_profit' | 'investment_vehicle' | 'professional_services' | 'other' } & Record<
    string,
    unknown
  >;
}

/** A record as the list and get endpoints return it; `features` holds its fields. */
export interface PaperOSRecord {
  id: number | string;
  name: string;
  resource_type_id: number;
  account_id: number | string;
  created_at: string;
  updated_at: string;
  finalized: number;
  archived: number;
  is_draft: number;
  features: Record<string, unknown>;
}

export interface CreateRecordInput {
  /** A record type slug or code (see RECORD_TYPES). */
  type: string;
  name: string;
  fields?: Record<string, unknown>;
}

export interface ListRecordsQuery {
  /** Record type slug or code, or `*` for any. */
  type?: string;
  recId?: string;
  recIds?: string[];
  /** ISO timestamp (second resolution). */
  since?: string;
  limit?: number;
}

export interface RecordUpdateResult {
  changes: string[];
  total: number;
  count: number;
}

export interface WorkflowTemplate {
  id: string;
  label: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface Workflow {
  id: string;
  label: string;
  template_id: string;
  status: string;
  created_at: string;
  updated_at: string;
}

/** A record handed to a new workflow to prefill its forms. */
export interface WorkflowRecordRef {
  role: string;
  id: string;
}

export interface StartWorkflowInput {
  flowId: string;
  records?: WorkflowRecordRef[];
  autoSubmit?: boolean;
}

export interface StartedWorkflow {
  workflowId: string;
}

/** A signing recipient; see docs/api-notes.md for the shape chosen and the shapes tolerated. */
export interface DocumentRecipient {
  name: string;
  email: string | null;
  /** `pending`, `signed`, `declined`, ... as sent; unknown values are kept. */
  status: string;
  /** Signing link; absent when this recipient cannot sign (or already did). */
  sign_url: string | null;
}

export interface PaperOSDocument {
  pub_id: string;
  path: string;
  filename: string;
  url: string;
  recipients: DocumentRecipient[];
}

export interface ListDocumentsQuery {
  /** Only documents that have this recipient. */
  email?: string;
}
