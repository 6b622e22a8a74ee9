import { msg } from '@lit/localize';
import { RECORD_TYPES } from '../../client/record-types.js';

export { RECORD_TYPES };

/**
 * The slug for a slug or a code (`indv` -> `individual`), case-insensitive;
 * `*` and empty mean every type; an unknown value is passed on as given.
 */
export function normalizeRecordType(slugOrCode: string | undefined | null): string {
  const value = (slugOrCode ?? '').trim().toLowerCase();
  if (!value || value === '*') return '*';
  return RECORD_TYPES.find((t) => t.slug === value || t.code === value)?.slug ?? value;
}

/**
 * `resource_type_id`s seen in the documentation's examples (1: an individual,
 * 2: an organization). Other ids are shown as a number.
 */
const TYPE_BY_RESOURCE_ID: Record<number, string> = { 1: 'individual', 2: 'org' };

/**
 * The slug of a record's type: its own `type` field when the API sends one,
 * else the type that was asked for (every record of a `type=` query is of that
 * type), else a guess from `resource_type_id`.
 */
export function recordTypeOf(
  record: { resource_type_id?: number; type?: unknown },
  requested?: string,
): string | undefined {
  if (typeof record.type === 'string' && record.type) return normalizeRecordType(record.type);
  if (requested && requested !== '*') return requested;
  return record.resource_type_id !== undefined ? TYPE_BY_RESOURCE_ID[record.resource_type_id] : undefined;
}

/** The workflow role a record of this type usually fills. */
export function defaultRoleFor(slug: string | undefined): string {
  if (slug === 'org') return 'company';
  return slug && slug !== '*' ? slug : 'record';
}

/** `signatory_name` -> `Signatory name`; `isBoardDirector` -> `Is board director`. */
export function readableFieldName(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : name;
}

/**
 * A record type's name in the current language: the API's table (slug) as
 * words a person reads; a type outside the table keeps its readable slug.
 */
export function recordTypeName(slug: string): string {
  switch (slug) {
    case 'activity':
      return msg('Activity');
    case 'annual_report':
      return msg('Annual report');
    case 'contract':
      return msg('Contract');
    case 'doc':
      return msg('Document');
    case 'equity':
      return msg('Equity');
    case 'equity_class':
      return msg('Equity class');
    case 'financing':
      return msg('Financing');
    case 'individual':
      return msg('Individual');
    case 'investment':
      return msg('Investment');
    case 'ip':
      return msg('Intellectual property');
    case 'legal_audit':
      return msg('Legal audit');
    case 'org':
      return msg('Organization');
    case 'pii':
      return msg('Personal data');
    case 'questionnaire':
      return msg('Questionnaire');
    case 'state':
      return msg('State');
    case 'task':
      return msg('Task');
    case 'tax_filing':
      return msg('Tax filing');
    case 'tos':
      return msg('Terms of service');
    default:
      return readableFieldName(slug);
  }
}

/**
 * A field's label in the current language: the fields PaperOS's own records
 * carry (the documentation's examples) are translated; an organization's own
 * field names are its data and are shown as readable words.
 */
export function fieldLabel(key: string): string {
  switch (key) {
    case 'name':
      return msg('Name');
    case 'first_name':
      return msg('First name');
    case 'middle_name':
      return msg('Middle name');
    case 'last_name':
      return msg('Last name');
    case 'signatory_name':
      return msg('Signatory name');
    case 'title':
      return msg('Title');
    case 'email':
      return msg('Email');
    case 'phone':
      return msg('Phone');
    case 'address':
      return msg('Address');
    case 'business_type':
      return msg('Business type');
    case 'state':
      return msg('State');
    default:
      return readableFieldName(key);
  }
}
