/** Documents of an organization (by org id, or by account for `/api/v1/org/documents`), each with fresh signed links. */
import { Hono, type Context } from 'hono';
import { accountOrg, bearerAuth, orgScope, type SandboxParts } from '../auth.js';
import { conditional, json, type SandboxEnv } from '../http.js';
import type { SandboxDocument } from '../seed.js';

export function documentRoutes(parts: SandboxParts) {
  const { store, tokens, urlTtl } = parts;
  const app = new Hono<SandboxEnv>();

  /** A document as the API shows it: a download link, and a signing link per pending recipient. */
  async function present(doc: SandboxDocument) {
    return {
      path: doc.path,
      filename: doc.filename,
      recipients: await Promise.all(
        doc.recipients.map(async (r) => ({
          name: r.name,
          email: r.email,
          status: r.status,
          sign_url:
            r.status === 'pending'
              ? await tokens.link(`sign:${r.id}`, `/sign/${r.id}`, { doc: doc.pub_id, recipient: r.id }, urlTtl)
              : null,
        })),
      ),
      url: await tokens.link(`file:${doc.file}`, `/api/public/documents/${doc.file}`, { file: doc.file }, urlTtl),
      pub_id: doc.pub_id,
    };
  }

  async function documentsOf(c: Context, orgId: string) {
    const email = c.req.query('email')?.trim().toLowerCase();
    let docs = store.state.documents[orgId] ?? [];
    if (email) docs = docs.filter((d) => d.recipients.some((r) => r.email.toLowerCase() === email));
    // one at a time: thousands of concurrent signatures are slower than a plain loop
    const documents = [];
    for (const doc of docs) documents.push(await present(doc));
    return json(c, {
      success: true,
      total: documents.length,
      count: documents.length,
      type: '[]<document>',
      documents,
    });
  }

  app.get('/api/v1/orgs/:org/documents', conditional, orgScope(parts), (c) => documentsOf(c, c.var.orgId));
  app.get('/api/v1/org/documents', conditional, bearerAuth(parts, ['access']), (c) =>
    documentsOf(c, accountOrg(store.state, c.var.claims, c.req.query('account_id')).id),
  );
  return app;
}
