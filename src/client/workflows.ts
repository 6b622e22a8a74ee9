import * as v from 'valibot';
import { orgPath, type ClientCore } from './core.js';
import { parseItems, text } from './schemas.js';
import type { CallOptions, StartWorkflowInput, StartedWorkflow, Workflow, WorkflowTemplate } from './types.js';

// The workflow templates' and workflows' endpoints and their shapes.

export const WorkflowTemplateSchema = v.looseObject({
  id: v.string(),
  label: v.string(),
  description: text,
  created_at: text,
  updated_at: text,
});

export const WorkflowSchema = v.looseObject({
  id: v.string(),
  label: text,
  template_id: text,
  status: v.optional(v.string(), 'open'),
  created_at: text,
  updated_at: text,
});

export const StartWorkflowSchema = v.looseObject({ workflow_id: v.string() });

/** `GET /api/v1/orgs/:org/workflow-templates`. */
export function listWorkflowTemplates(
  client: ClientCore,
  orgId: string,
  options?: CallOptions,
): Promise<WorkflowTemplate[]> {
  return client.request({ method: 'GET', path: `${orgPath(orgId)}/workflow-templates`, options }, (body) => {
    const items = client.list(body, 'workflow_templates');
    return parseItems(WorkflowTemplateSchema, items, 'workflow template', client.logger) as WorkflowTemplate[];
  });
}

/** `GET /api/v1/orgs/:org/workflows`: the workflows already started. */
export function listWorkflows(client: ClientCore, orgId: string, options?: CallOptions): Promise<Workflow[]> {
  return client.request({ method: 'GET', path: `${orgPath(orgId)}/workflows`, options }, (body) => {
    return parseItems(WorkflowSchema, client.list(body, 'workflows'), 'workflow', client.logger) as Workflow[];
  });
}

/** `POST /api/v1/orgs/:org/workflows`: start a workflow, optionally prefilled with records. Sent once, never retried. */
export async function startWorkflow(
  client: ClientCore,
  orgId: string,
  input: StartWorkflowInput,
  options?: CallOptions,
): Promise<StartedWorkflow> {
  const path = `${orgPath(orgId)}/workflows`;
  const payload: Record<string, unknown> = { flow_id: input.flowId };
  if (input.records !== undefined) payload.records = input.records.map(({ role, id }) => ({ role, id }));
  if (input.autoSubmit !== undefined) payload.auto_submit = input.autoSubmit ? 1 : 0;
  const body = await client.request({ method: 'POST', path, body: payload, options });
  client.invalidate(path);
  return { workflowId: client.parse(StartWorkflowSchema, body, 'started workflow').workflow_id };
}
