/**
 * The data every candidate renders, built in the page before the clock starts:
 * the documents come from the tests' own generator (test/fixtures/documents.ts).
 */
import { EXAMPLE_ORG_ID, makeJwt, workflowTemplatesResponse } from '../../test/fixtures/api-examples.js';
import { documentsEnvelope, listEnvelope, manyDocs, type ListedDocument } from '../../test/fixtures/documents.js';

export { manyDocs };
export const envelope = documentsEnvelope;
export type BenchDoc = ListedDocument;

export const ORG = EXAMPLE_ORG_ID;
export const BASE = 'https://paperos.test';
export const DOCS_PATH = `/api/v1/orgs/${ORG}/documents`;
export const TEMPLATES_PATH = `/api/v1/orgs/${ORG}/workflow-templates`;

export interface BenchTemplate {
  id: string;
  label: string;
  description: string;
  created_at: string;
  updated_at: string;
}

/**
 * The refetched list: the same documents with every tenth one renamed
 * ("Document 000010 rev 2.pdf"), which keeps the sort order. 10% of the rows change.
 */
export function refetchedDocs(docs: readonly BenchDoc[]): BenchDoc[] {
  return docs.map((doc, i) => (i % 10 === 0 ? { ...doc, filename: doc.filename.replace('.pdf', ' rev 2.pdf') } : doc));
}

/** `n` workflow templates: the API documentation's six examples, repeated with distinct ids and labels. */
export function manyTemplates(n: number): BenchTemplate[] {
  const examples = workflowTemplatesResponse.workflow_templates;
  const out: BenchTemplate[] = [];
  for (let i = 0; i < n; i++) {
    const example = examples[i % examples.length]!;
    const round = Math.floor(i / examples.length);
    out.push({
      ...example,
      id: `${example.id}${round ? `_${round}` : ''}`,
      label: round ? `${example.label} ${round + 1}` : example.label,
    });
  }
  return out;
}

export const templatesEnvelope = (templates: unknown[]) =>
  listEnvelope('workflow_template', 'workflow_templates', templates);

/** A JWT like the host backend's: carries the org, so no extra request resolves it. */
export const benchToken = () => makeJwt({ org_id: ORG, sub: 'sub_bench', exp: Math.floor(Date.now() / 1000) + 3600 });
