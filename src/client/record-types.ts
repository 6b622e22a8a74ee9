/**
 * The record types of the API documentation's table (slug and code), in its
 * order: the one table the record list and the sandbox both read.
 */
export const RECORD_TYPES: ReadonlyArray<{ slug: string; code: string }> = [
  { slug: 'activity', code: 'acty' },
  { slug: 'annual_report', code: 'ann_rpt' },
  { slug: 'contract', code: 'k' },
  { slug: 'doc', code: 'doc' },
  { slug: 'equity', code: 'eq' },
  { slug: 'equity_class', code: 'eq_cl' },
  { slug: 'financing', code: 'fin' },
  { slug: 'individual', code: 'indv' },
  { slug: 'investment', code: 'invt' },
  { slug: 'ip', code: 'ip' },
  { slug: 'legal_audit', code: 'lgl_adt' },
  { slug: 'org', code: 'org' },
  { slug: 'pii', code: 'pii' },
  { slug: 'questionnaire', code: 'qre' },
  { slug: 'state', code: 'st' },
  { slug: 'task', code: 'task' },
  { slug: 'tax_filing', code: 'tax' },
  { slug: 'tos', code: 'tos' },
];
