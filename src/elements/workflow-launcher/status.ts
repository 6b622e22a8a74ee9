/** A started workflow's status in words, and its age ("2 minutes ago"), in the element's language. */
import { msg } from '@lit/localize';
import { perLocale } from '../base/format.js';

/** The statuses PaperOS is known to send, by kind (the chip's colour). */
export type StatusKind = 'open' | 'progress' | 'done' | 'cancelled' | 'other';

/** `"In Progress"`, `"in-progress"` and `"in_progress"` are one status. */
const kindOf = (status: string): StatusKind => {
  switch (
    status
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_')
  ) {
    case 'open':
    case 'new':
      return 'open';
    case 'in_progress':
    case 'started':
    case 'active':
      return 'progress';
    case 'completed':
    case 'complete':
    case 'done':
      return 'done';
    case 'cancelled':
    case 'canceled':
      return 'cancelled';
    default:
      return 'other';
  }
};

/** The status as words for the chip: a known one translated, any other value shown as it came. */
export function statusWord(status: unknown): { kind: StatusKind; text: string } {
  const raw = typeof status === 'string' ? status : status == null ? '' : String(status);
  const kind = kindOf(raw);
  const text =
    kind === 'open'
      ? msg('Open')
      : kind === 'progress'
        ? msg('In progress')
        : kind === 'done'
          ? msg('Completed')
          : kind === 'cancelled'
            ? msg('Cancelled')
            : raw || msg('Unknown');
  return { kind, text };
}

const relativeFormat = perLocale((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * How long ago a time was ("2 minutes ago", "vor 2 Minuten"); "now" under a
 * minute (a little ahead of the clock too: a server's clock may be), the raw
 * text when unparsable.
 */
export function timeAgo(value: string | number | null | undefined, now: number, locale: string): string {
  if (value === undefined || value === null || value === '') return '';
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return String(value);
  const seconds = (time - now) / 1000;
  const format = relativeFormat(locale);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}
