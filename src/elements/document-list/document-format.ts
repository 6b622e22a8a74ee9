import { msg, str } from '@lit/localize';
import { signedUrlExpiry } from '../../client/url-policy.js';
import { formatCount } from '../base/format.js';

/** A signed link expiring within this many milliseconds counts as expired. */
export const EXPIRY_MARGIN_MS = 5000;

/** Whether a signed link has expired, or is about to. */
export function expiresSoon(url: string): boolean {
  const exp = signedUrlExpiry(url);
  return exp !== undefined && exp * 1000 - Date.now() < EXPIRY_MARGIN_MS;
}

/** "1 document", "10,000 documents". */
export function documentCount(count: number, locale: string): string {
  return count === 1 ? msg('1 document') : msg(str`${formatCount(count, locale)} documents`);
}

/** A recipient's signing status in words, and the tone it is shown in. */
export function statusOf(status: string): { label: string; tone: 'done' | 'waiting' | 'declined' | 'other' } {
  switch (status.trim().toLowerCase()) {
    case 'signed':
    case 'completed':
    case 'complete':
      return { label: msg('Signed'), tone: 'done' };
    case 'pending':
    case 'sent':
    case 'waiting':
    case 'awaiting':
    case 'awaiting_signature':
    case 'unsigned':
      return { label: msg('Awaiting signature'), tone: 'waiting' };
    case 'viewed':
    case 'opened':
      return { label: msg('Viewed'), tone: 'waiting' };
    case 'declined':
    case 'rejected':
      return { label: msg('Declined'), tone: 'declined' };
    case '':
      return { label: msg('Status unknown'), tone: 'other' };
    default:
      // An unknown status is shown as sent, as text.
      return { label: status, tone: 'other' };
  }
}
