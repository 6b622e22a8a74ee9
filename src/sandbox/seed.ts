/**
 * The sandbox's starting data: the API documentation's examples (its client,
 * subject, orgs, six workflow templates, workflow, records and documents),
 * templates generated up to the doc's count of 71, and an optional large
 * organization with thousands of documents.
 */
import { RECORD_TYPES as DOC_RECORD_TYPES } from '../client/record-types.js';

export const DEMO_CLIENT_ID = 'oidc_zdcw93k7h4w4zb2m';
export const DEMO_CLIENT_SECRET = '9ba82b72-38eb-4a6d-bc57-bace7a0d5bd1';
export const DEMO_SUBJECT = 'sub_d0255a8r3hknnzsh';
export const DEMO_EXTERNAL_ID = 'john_doe-101';
export const DEMO_EMAIL = 'john.doe+101@example.com';
export const DEMO_ORG_ID = 'org_ew421jr4pmnhs02z';
export const OTHER_ORG_ID = 'org_01ewdxxpvgg2y19pbtbyddtvv8';
export const LARGE_ORG_ID = 'org_large00000000000';

export interface SandboxClient {
  client_id: string;
  client_secret: string;
  rp_id: string;
  client_name: string;
  redirect_uris: string[];
  org_id: string | null;
  client_id_issued_at: number;
  [key: string]: unknown;
}

export interface SandboxSubject {
  sub: string;
  oidc_client_id: string;
  external_id: string | null;
  email: string | null;
  given_name: string | null;
  family_name: string | null;
  phone: string | null;
  zoneinfo: string | null;
  locale: string | null;
  granted_scopes: string[];
  orgs: string[];
  created_at: string;
  updated_at: string;
}

export interface SandboxOrg {
  id: string;
  name: string;
  brand_id: string;
  account_id: number;
  created_at: string;
  updated_at: string;
}

export interface SandboxRecipient {
  id: string;
  name: string;
  email: string;
  status: 'pending' | 'signed' | 'declined';
}

export interface SandboxDocument {
  pub_id: string;
  file: string;
  path: string;
  filename: string;
  recipients: SandboxRecipient[];
}

export interface SandboxRecord {
  id: number | string;
  type: string;
  name: string;
  resource_type_id: number;
  account_id: number;
  created_at: string;
  updated_at: string;
  finalized: number;
  archived: number;
  is_draft: number;
  features: Record<string, unknown>;
}

export interface SandboxWorkflow {
  id: string;
  label: string;
  template_id: string;
  status: string;
  records: Array<{ role: string; id: string }>;
  auto_submit: number;
  created_at: string;
  updated_at: string;
}

export interface SandboxTemplate {
  id: string;
  label: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface SandboxState {
  clients: SandboxClient[];
  subjects: SandboxSubject[];
  orgs: SandboxOrg[];
  templates: SandboxTemplate[];
  workflows: Record<string, SandboxWorkflow[]>;
  records: Record<string, SandboxRecord[]>;
  documents: Record<string, SandboxDocument[]>;
  /** Bumped by every change; ETags and persistence follow it. */
  version: number;
}

/** A small deterministic PRNG (mulberry32), so seeded data and ids repeat. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export function makeId(random: () => number, prefix: string, length = 16): string {
  let id = '';
  for (let i = 0; i < length; i++) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return `${prefix}_${id}`;
}

/**
 * The doc's record types with a `resource_type_id` each: the doc's examples
 * give individual 1 and org 2; the rest are numbered in the table's order after them.
 */
export const RECORD_TYPES: ReadonlyArray<{ slug: string; code: string; resourceTypeId: number }> = [
  ...DOC_RECORD_TYPES.filter((t) => t.slug === 'individual'),
  ...DOC_RECORD_TYPES.filter((t) => t.slug === 'org'),
  ...DOC_RECORD_TYPES.filter((t) => t.slug !== 'individual' && t.slug !== 'org'),
].map((type, index) => ({ ...type, resourceTypeId: index + 1 }));

/** The slug for a record type given as slug or code; undefined when unknown. */
export function recordTypeSlug(typeOrCode: string): string | undefined {
  const wanted = typeOrCode.trim().toLowerCase();
  return RECORD_TYPES.find((t) => t.slug === wanted || t.code === wanted)?.slug;
}

export const resourceTypeId = (slug: string): number => RECORD_TYPES.find((t) => t.slug === slug)?.resourceTypeId ?? 0;

const DOC_TEMPLATES: SandboxTemplate[] = [
  [
    'flow_extg0vcffk3h9085',
    'Entity Setup',
    'Form a new entity, or upload your documentation for an existing entity.',
    '2025-05-08T22:07:38.000Z',
  ],
  [
    'flow_extg0yj9vywzabwy',
    'Fundraising Diligence Portal',
    'Share pitch materials with prospective investors for initial screening. Set up custom Diligence Rooms to respond to requests & share relevant Data Room documentation.',
    '2025-05-08T22:03:20.000Z',
  ],
  [
    'flow_extg0g5yjfrtfk3e',
    'Onboard Employees',
    "Onboard employees and generate appropriate documents. Or upload the documents that you've already executed.",
    '2025-05-08T22:07:44.000Z',
  ],
  [
    'flow_extg0z7hs83avjbt',
    'Annual Report (State Renewal)',
    'Complete the annual report required by each state in which your company is registered.',
    '2024-11-20T18:21:08.000Z',
  ],
  [
    'flow_extg0h07e96b2etx',
    'Data Room Setup',
    'Set up a custom data room that you can manage and share with relevant parties.',
    '2023-12-02T00:33:47.000Z',
  ],
  ['flow_extg0v4ndq47rnwk', 'Doc Send & Sign', 'Send and Sign Custom Documents.', '2024-10-31T00:05:52.000Z'],
].map(([id, label, description, updated_at]) => ({
  id,
  label,
  description,
  created_at: '2023-12-29T18:56:00.000Z',
  updated_at,
}));

const MORE_TEMPLATES = [
  'Issue Stock Options',
  'Convertible Note',
  'SAFE Financing',
  'Series Seed Financing',
  'Board Consent',
  'Stockholder Consent',
  'Hire a Contractor',
  'Offer Letter',
  'Terminate an Employee',
  'IP Assignment',
  'NDA',
  'Advisor Agreement',
  'Foreign Qualification',
  '83(b) Election',
  'Cap Table Setup',
  'Equity Plan Setup',
  'Registered Agent Change',
  'Officer Appointment',
  'Director Appointment',
  'Bylaws Amendment',
  'Charter Amendment',
  'Annual Board Meeting',
  'Annual Stockholder Meeting',
  'Dissolution',
  'Trademark Filing',
  'Privacy Policy',
  'Terms of Service',
  'Customer Contract',
  'Vendor Contract',
  'Lease Review',
  'Loan Agreement',
  'Bank Account Opening',
  'EIN Application',
  'Beneficial Ownership Report',
  'Franchise Tax Filing',
  'Sales Tax Registration',
  'Payroll Setup',
  'Benefits Setup',
  'Equity Grant',
  'Option Exercise',
  'Stock Repurchase',
  'Share Transfer',
  'Investor Update',
  'Data Room Refresh',
  'Legal Audit',
  'Compliance Calendar',
  'Insurance Review',
  'Policy Acknowledgement',
  'Employee Handbook',
  'Remote Work Agreement',
  'Independent Contractor Audit',
  'Secondary Sale',
  'Warrant Issuance',
  'Side Letter',
  'Pro Rata Rights',
  'Information Rights',
  'Board Observer',
  'Spin-out',
  'Merger Review',
  'Asset Purchase',
  'Letter of Intent',
  'Closing Checklist',
  'Post-Closing Filings',
  'State Registration',
  'Annual Report Filing',
];

export function seedTemplates(): SandboxTemplate[] {
  const random = rng(71);
  const generated = MORE_TEMPLATES.slice(0, 71 - DOC_TEMPLATES.length).map((label) => ({
    id: makeId(random, 'flow'),
    label,
    description: `${label} for your company, with the documents it needs.`,
    created_at: '2023-12-29T18:56:00.000Z',
    updated_at: '2025-01-15T12:00:00.000Z',
  }));
  return [...DOC_TEMPLATES, ...generated];
}

const FOLDERS = [
  '/Archived Documentation/Historical Financials',
  '/Corporate/Formation',
  '/Corporate/Board Consents',
  '/Equity/Option Grants',
  '/Employees/Offer Letters',
  '/Financing/Seed Round',
];

const SIGNERS: Array<[string, string]> = [
  ['John Doe', DEMO_EMAIL],
  ['Jane Roe', 'jane.roe@example.com'],
  ['Bob the Builder', 'bob@bobbuild.bob'],
];

function demoDocuments(): SandboxDocument[] {
  const docs: SandboxDocument[] = [
    {
      pub_id: 'doc_0000000000p6a290bsjjqmkfk1',
      file: '820701358552',
      path: FOLDERS[0],
      filename: '2017 - 2020 Balance Sheet.xlsx',
      recipients: [],
    },
    {
      pub_id: 'doc_00000000000b4j5gfbg8hb0sp6',
      file: '820688814651',
      path: FOLDERS[0],
      filename: '2017 - 2020 PnL.xlsx',
      recipients: [],
    },
    {
      pub_id: 'doc_0000000000y62e1skpa27jywhv',
      file: '820700190254',
      path: FOLDERS[0],
      filename: '2017 - 2020 Statement of Cash Flows.xlsx',
      recipients: [],
    },
    {
      pub_id: 'doc_0000000001formation0001',
      file: '820700000001',
      path: FOLDERS[1],
      filename: 'Certificate of Incorporation.pdf',
      recipients: [{ id: 'rcp_0001', name: SIGNERS[0][0], email: SIGNERS[0][1], status: 'signed' }],
    },
    {
      pub_id: 'doc_0000000001formation0002',
      file: '820700000002',
      path: FOLDERS[1],
      filename: 'Bylaws.pdf',
      recipients: [],
    },
    {
      pub_id: 'doc_0000000001boardcons0001',
      file: '820700000003',
      path: FOLDERS[2],
      filename: 'Initial Board Consent.pdf',
      recipients: [
        { id: 'rcp_0002', name: SIGNERS[0][0], email: SIGNERS[0][1], status: 'pending' },
        { id: 'rcp_0003', name: SIGNERS[1][0], email: SIGNERS[1][1], status: 'signed' },
      ],
    },
    {
      pub_id: 'doc_0000000001optgrant0001',
      file: '820700000004',
      path: FOLDERS[3],
      filename: 'Option Grant - Bob the Builder.docx',
      recipients: [{ id: 'rcp_0004', name: SIGNERS[2][0], email: SIGNERS[2][1], status: 'pending' }],
    },
    {
      pub_id: 'doc_0000000001offerlet0001',
      file: '820700000005',
      path: FOLDERS[4],
      filename: 'Offer Letter - Jane Roe.pdf',
      recipients: [{ id: 'rcp_0005', name: SIGNERS[1][0], email: SIGNERS[1][1], status: 'declined' }],
    },
    {
      pub_id: 'doc_0000000001seedround001',
      file: '820700000006',
      path: FOLDERS[5],
      filename: 'SAFE - Example Ventures.pdf',
      recipients: [
        { id: 'rcp_0006', name: SIGNERS[0][0], email: SIGNERS[0][1], status: 'pending' },
        { id: 'rcp_0007', name: 'Example Ventures', email: 'partners@example.vc', status: 'pending' },
      ],
    },
  ];
  return docs;
}

/** `count` documents spread over nested folders, some awaiting signatures. */
export function generateDocuments(count: number, seed = 1): SandboxDocument[] {
  const random = rng(seed);
  const areas = ['Corporate', 'Equity', 'Employees', 'Financing', 'Tax', 'Contracts', 'Board', 'IP'];
  const kinds = ['Agreement', 'Consent', 'Certificate', 'Letter', 'Report', 'Invoice', 'Policy', 'Schedule'];
  const exts = ['pdf', 'docx', 'xlsx', 'pdf', 'pdf'];
  const docs: SandboxDocument[] = [];
  for (let i = 0; i < count; i++) {
    const area = areas[i % areas.length];
    const year = 2015 + (Math.floor(i / areas.length) % 10);
    const kind = kinds[Math.floor(random() * kinds.length)];
    const signer = SIGNERS[i % SIGNERS.length];
    docs.push({
      pub_id: `doc_${String(i).padStart(24, '0')}`,
      file: String(900000000000 + i),
      path: `/${area}/${year}`,
      filename: `${kind} ${String(i).padStart(6, '0')}.${exts[i % exts.length]}`,
      recipients:
        i % 7 === 0
          ? [{ id: `rcp_g${i}`, name: signer[0], email: signer[1], status: i % 14 === 0 ? 'signed' : 'pending' }]
          : [],
    });
  }
  return docs;
}

export function seedState(options: { documents?: number; seed?: number; now?: () => number } = {}): SandboxState {
  const now = new Date((options.now ?? Date.now)()).toISOString();
  const orgs: SandboxOrg[] = [
    {
      id: DEMO_ORG_ID,
      name: 'My For Profit OIDC Client Test Co',
      brand_id: 'brand_00000000000000000000000000',
      account_id: 97,
      created_at: '2021-01-19T18:18:46.000Z',
      updated_at: '2023-02-21T17:27:49.000Z',
    },
    {
      id: OTHER_ORG_ID,
      name: 'Test 1',
      brand_id: 'brand_00000000000000000000000000',
      account_id: 98,
      created_at: '2021-01-19T18:18:46.000Z',
      updated_at: '2023-02-21T17:27:49.000Z',
    },
  ];
  const documents: Record<string, SandboxDocument[]> = { [DEMO_ORG_ID]: demoDocuments(), [OTHER_ORG_ID]: [] };
  if (options.documents && options.documents > 0) {
    orgs.push({
      id: LARGE_ORG_ID,
      name: 'Large Example Holdings',
      brand_id: 'brand_00000000000000000000000000',
      account_id: 99,
      created_at: now,
      updated_at: now,
    });
    documents[LARGE_ORG_ID] = generateDocuments(options.documents, options.seed ?? 1);
  }
  const record = (
    id: number | string,
    name: string,
    type: string,
    features: Record<string, unknown>,
    date: string,
  ): SandboxRecord => ({
    id,
    type,
    name,
    resource_type_id: resourceTypeId(type),
    account_id: 97,
    created_at: date,
    updated_at: date,
    finalized: 0,
    archived: 0,
    is_draft: 0,
    features,
  });
  return {
    clients: [
      {
        client_id: DEMO_CLIENT_ID,
        client_secret: DEMO_CLIENT_SECRET,
        rp_id: 'ocrp_zdcw9paqtecqby8c',
        client_name: 'Example App',
        redirect_uris: ['https://app.example.com/callback', 'https://app.example.com/return'],
        org_id: 'org_01he3t2sjcs6zybd2cemyvn7qn',
        client_id_issued_at: 1745455434,
        contacts: ['devops@example.com'],
        logo_uri: 'https://app.example.com/logo.png',
        client_uri: 'https://app.example.com',
        policy_uri: 'https://app.example.com/privacy',
        tos_uri: 'https://app.example.com/terms',
        initiate_login_uri: 'https://app.example.com/oidc/start',
      },
    ],
    subjects: [
      {
        sub: DEMO_SUBJECT,
        oidc_client_id: DEMO_CLIENT_ID,
        external_id: DEMO_EXTERNAL_ID,
        email: DEMO_EMAIL,
        given_name: 'John',
        family_name: 'Doe',
        phone: null,
        zoneinfo: 'America/Denver',
        locale: 'en-US',
        granted_scopes: ['profile', 'impersonation'],
        orgs: orgs.filter((o) => o.id !== OTHER_ORG_ID).map((o) => o.id),
        created_at: '2025-04-25T08:31:23Z',
        updated_at: '2025-04-25T08:31:23Z',
      },
    ],
    orgs,
    templates: seedTemplates(),
    workflows: {
      [DEMO_ORG_ID]: [
        {
          id: 'work_q0yjdgdr77rdnedc',
          label: 'Entity Setup',
          template_id: 'flow_extg0vcffk3h9085',
          status: 'open',
          records: [],
          auto_submit: 0,
          created_at: '2025-10-22T19:41:06.000Z',
          updated_at: '2025-10-22T19:50:07.000Z',
        },
      ],
    },
    records: {
      [DEMO_ORG_ID]: [
        record(5617, 'Test 1', 'org', { name: 'Test 1' }, '2021-01-19T18:18:49.000Z'),
        // the record the doc's "prepopulated data" workflow example hands over as the company
        record(
          'rec_kp9fh3354dqt255m',
          'My For Profit OIDC Client Test Co',
          'org',
          { name: 'My For Profit OIDC Client Test Co', business_type: 'for_profit', state: 'DE' },
          '2023-10-03T04:10:49.000Z',
        ),
        record(
          17413,
          'Bob the Builder',
          'individual',
          {
            name: 'Bob the Builder',
            signatory_name: 'Bob the Builder',
            first_name: 'Bob',
            last_name: 'Builder',
            middle_name: 'the',
            title: 'master builder',
            email: 'bob@bobbuild.bob',
            employee_documents_list: 'All of the above',
            upload_or_generate: 'Generate',
          },
          '2023-09-22T19:50:13.000Z',
        ),
      ],
    },
    documents,
    version: 1,
  };
}
