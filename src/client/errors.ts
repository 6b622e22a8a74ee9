/** Stable codes for every failure the client reports. */
export type PaperOSErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'payment_required'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'not_acceptable'
  | 'rate_limited'
  | 'unprocessable'
  | 'server_error'
  | 'not_implemented'
  | 'bad_gateway'
  | 'service_unavailable'
  | 'http_error'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'invalid_response'
  | 'token_unavailable';

const STATUS_CODES: Record<number, PaperOSErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  402: 'payment_required',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  420: 'rate_limited',
  422: 'unprocessable',
  429: 'rate_limited',
  500: 'server_error',
  501: 'not_implemented',
  502: 'bad_gateway',
  503: 'service_unavailable',
};

/** Plain-words defaults, after the API documentation's error table. */
const DEFAULT_MESSAGES: Record<PaperOSErrorCode, string> = {
  bad_request: 'Some of the query parameters or body properties were missing or invalid.',
  unauthorized: 'The access token is invalid or expired.',
  payment_required: 'The account must be upgraded to use this feature.',
  forbidden: 'This token does not have access to that organization or resource.',
  not_found: 'The requested data was not found.',
  method_not_allowed: 'The request method is not allowed here.',
  not_acceptable: 'The data was not in an acceptable format.',
  rate_limited: 'Too many requests; slow down and try again.',
  unprocessable: 'The request was well-formed but its data was not accepted.',
  server_error: 'PaperOS had an internal error.',
  not_implemented: 'This feature is not available yet.',
  bad_gateway: 'PaperOS may be restarting.',
  service_unavailable: 'PaperOS is temporarily unavailable.',
  http_error: 'PaperOS answered with an unexpected status.',
  network: 'PaperOS could not be reached.',
  timeout: 'PaperOS did not answer in time.',
  aborted: 'The request was cancelled.',
  invalid_response: 'PaperOS sent a response that could not be read.',
  token_unavailable: 'No access token could be obtained.',
};

export function codeForStatus(status: number): PaperOSErrorCode {
  return STATUS_CODES[status] ?? (status >= 500 ? 'server_error' : 'http_error');
}

export interface PaperOSErrorInit {
  status: number;
  code: PaperOSErrorCode;
  message?: string;
  retryAfter?: number;
  cause?: unknown;
}

/**
 * The one error type the client throws. `status` is 0 when no response arrived
 * (network, timeout, abort, token). Its message never contains a token.
 */
export class PaperOSError extends Error {
  override readonly name = 'PaperOSError';
  readonly status: number;
  readonly code: PaperOSErrorCode;
  /** Seconds the server asked to wait, when it said so. */
  readonly retryAfter?: number;

  constructor(init: PaperOSErrorInit) {
    super(init.message || DEFAULT_MESSAGES[init.code], init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    if (init.retryAfter !== undefined) this.retryAfter = init.retryAfter;
  }

  /** Whether trying again later may succeed. */
  get retryable(): boolean {
    return this.code === 'network' || this.code === 'timeout' || this.code === 'rate_limited' || this.status >= 500;
  }

  static fromStatus(status: number, message?: string, retryAfter?: number): PaperOSError {
    return new PaperOSError({ status, code: codeForStatus(status), message, retryAfter });
  }
}

export function isPaperOSError(error: unknown): error is PaperOSError {
  return error instanceof PaperOSError || (error instanceof Error && error.name === 'PaperOSError' && 'code' in error);
}
