import { msg, str } from '@lit/localize';
import type { PaperOSError } from '../../client/errors.js';

/**
 * A failure in plain words for the error state. The summary says what happened
 * and what to do; the detail is the server's own message, shown as text only.
 */
export function describeError(error: Pick<PaperOSError, 'code' | 'message' | 'retryAfter'>): {
  summary: string;
  detail?: string;
} {
  const summary = summaryFor(error);
  const detail = error.message && error.message !== summary ? error.message : undefined;
  return { summary, detail };
}

function summaryFor(error: Pick<PaperOSError, 'code' | 'retryAfter'>): string {
  switch (error.code) {
    case 'unauthorized':
    case 'token_unavailable':
      return msg('Your PaperOS session has expired or could not be started. Sign in again, then retry.');
    case 'forbidden':
      return msg('You do not have access to this organization in PaperOS.');
    case 'payment_required':
      return msg('This PaperOS feature needs an upgraded account.');
    case 'not_found':
      return msg('PaperOS could not find what was asked for.');
    case 'rate_limited': {
      const seconds = Math.ceil(error.retryAfter ?? 0);
      return seconds > 1
        ? msg(str`PaperOS is busy. Try again in ${seconds} seconds.`)
        : seconds
          ? msg('PaperOS is busy. Try again in a second.')
          : msg('PaperOS is busy. Try again in a moment.');
    }
    case 'network':
      return msg('PaperOS could not be reached. Check the connection, then retry.');
    case 'timeout':
      return msg('PaperOS took too long to answer. Retry in a moment.');
    case 'invalid_response':
      return msg('PaperOS sent an answer this page could not read.');
    case 'bad_request':
    case 'unprocessable':
      return msg('PaperOS could not accept this request.');
    case 'server_error':
    case 'bad_gateway':
    case 'service_unavailable':
    case 'not_implemented':
      return msg('PaperOS had a problem. Retry in a moment.');
    default:
      return msg('Something went wrong with PaperOS.');
  }
}
