import { ClientCore, DEFAULT_BASE_URL, type PaperOSClientOptions } from './core.js';
import { listDocuments, listDocumentsByAccount } from './documents.js';
import { createOrg, debugOrg, debugUser, listOrgs } from './orgs.js';
import { createRecord, getRecord, listRecords, updateRecord } from './records.js';
import { listWorkflowTemplates, listWorkflows, startWorkflow } from './workflows.js';
import type {
  CallOptions,
  CreateOrgInput,
  CreateRecordInput,
  ListDocumentsQuery,
  ListRecordsQuery,
  Org,
  OrgList,
  PaperOSDocument,
  PaperOSRecord,
  RecordUpdateResult,
  StartWorkflowInput,
  StartedWorkflow,
  TokenDebug,
  Workflow,
  WorkflowTemplate,
} from './types.js';

export { DEFAULT_BASE_URL, type PaperOSClientOptions };

/**
 * A typed client for the PaperOS API, for browsers and Node alike. One method
 * per endpoint; every call takes an `AbortSignal`; failures are `PaperOSError`s.
 * The methods are the endpoint functions of documents.ts, workflows.ts,
 * records.ts and orgs.ts over the core (token, cache, retries, parsing).
 */
export class PaperOSClient extends ClientCore {
  /** `GET /api/user/debug`: what the token says about its user. */
  debugUser(options?: CallOptions): Promise<TokenDebug> {
    return debugUser(this, options);
  }

  /** `GET /api/v1/org/debug?account_id=`: the token's account details. */
  debugOrg(query?: { accountId?: string | number }, options?: CallOptions): Promise<TokenDebug> {
    return debugOrg(this, query, options);
  }

  /** `GET /api/v1/orgs?updated_since=`: the user's organizations. */
  listOrgs(query?: { updatedSince?: number | string }, options?: CallOptions): Promise<OrgList> {
    return listOrgs(this, query, options);
  }

  /** `POST /api/v1/orgs`: create an organization. */
  createOrg(input: CreateOrgInput, options?: CallOptions): Promise<Org> {
    return createOrg(this, input, options);
  }

  /** `POST /api/v1/orgs/:org/records`: create a record; resolves to its id. */
  createRecord(orgId: string, input: CreateRecordInput, options?: CallOptions): Promise<{ recId: string }> {
    return createRecord(this, orgId, input, options);
  }

  /** `GET /api/v1/orgs/:org/records?type=&rec_id=&rec_ids=&since=&limit=`. */
  listRecords(orgId: string, query?: ListRecordsQuery, options?: CallOptions): Promise<PaperOSRecord[]> {
    return listRecords(this, orgId, query, options);
  }

  /** `GET /api/v1/orgs/:org/records/:id`. */
  getRecord(orgId: string, recId: string | number, options?: CallOptions): Promise<PaperOSRecord> {
    return getRecord(this, orgId, recId, options);
  }

  /** `PATCH /api/v1/orgs/:org/records/:id` with only the given fields; resolves to the changed field names. */
  updateRecord(
    orgId: string,
    recId: string | number,
    input: { fields: Record<string, unknown> },
    options?: CallOptions,
  ): Promise<RecordUpdateResult> {
    return updateRecord(this, orgId, recId, input, options);
  }

  /** `GET /api/v1/orgs/:org/workflow-templates`. */
  listWorkflowTemplates(orgId: string, options?: CallOptions): Promise<WorkflowTemplate[]> {
    return listWorkflowTemplates(this, orgId, options);
  }

  /** `GET /api/v1/orgs/:org/workflows`: the workflows already started. */
  listWorkflows(orgId: string, options?: CallOptions): Promise<Workflow[]> {
    return listWorkflows(this, orgId, options);
  }

  /** `POST /api/v1/orgs/:org/workflows`: start a workflow, optionally prefilled with records. Sent once, never retried. */
  startWorkflow(orgId: string, input: StartWorkflowInput, options?: CallOptions): Promise<StartedWorkflow> {
    return startWorkflow(this, orgId, input, options);
  }

  /** `GET /api/v1/orgs/:org/documents?email=`: the organization's documents, or one recipient's. */
  listDocuments(orgId: string, query?: ListDocumentsQuery, options?: CallOptions): Promise<PaperOSDocument[]> {
    return listDocuments(this, orgId, query, options);
  }

  /** `GET /api/v1/org/documents?account_id=&email=`: the same list by account id. */
  listDocumentsByAccount(
    accountId: string | number,
    query?: ListDocumentsQuery,
    options?: CallOptions,
  ): Promise<PaperOSDocument[]> {
    return listDocumentsByAccount(this, accountId, query, options);
  }
}
