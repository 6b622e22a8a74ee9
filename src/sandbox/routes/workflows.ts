/** Workflows of an organization: the templates, the started workflows, and starting one. */
import { Hono } from 'hono';
import { orgScope, type SandboxParts } from '../auth.js';
import { conditional, fail, json, readBody, type SandboxEnv } from '../http.js';
import { WorkflowStart } from '../schemas.js';
import { findRecord } from './records.js';

export function workflowRoutes(parts: SandboxParts) {
  const { store } = parts;
  const { state } = store;
  const app = new Hono<SandboxEnv>();
  const scoped = orgScope(parts);

  app.get('/api/v1/orgs/:org/workflow-templates', conditional, scoped, (c) => {
    const list = state.templates;
    return json(c, {
      success: true,
      count: list.length,
      total: list.length,
      type: '[]<workflow_template>',
      workflow_templates: list,
    });
  });
  app.get('/api/v1/orgs/:org/workflows', conditional, scoped, (c) => {
    const workflows = (state.workflows[c.var.orgId] ?? []).map(({ records: _r, auto_submit: _a, ...w }) => w);
    return json(c, { success: true, total: workflows.length, count: workflows.length, workflows });
  });
  app.post('/api/v1/orgs/:org/workflows', scoped, async (c) => {
    const orgId = c.var.orgId;
    const body = await readBody(c, WorkflowStart);
    const template = state.templates.find((t) => t.id === body.flow_id);
    if (!template) return fail(404, `Workflow template ${body.flow_id} was not found.`);
    const records = (body.records ?? []).map((r) => ({ role: r.role, id: String(r.id) }));
    for (const r of records) findRecord(state, orgId, r.id);
    const workflow = {
      id: store.newId('wrk', 26, (id) => Object.values(state.workflows).some((list) => list.some((w) => w.id === id))),
      label: template.label,
      template_id: template.id,
      status: 'open',
      records,
      auto_submit: body.auto_submit ? 1 : 0,
      created_at: store.iso(),
      updated_at: store.iso(),
    };
    (state.workflows[orgId] ??= []).unshift(workflow);
    store.save();
    return json(c, { status: 'success', workflow_id: workflow.id });
  });
  return app;
}
