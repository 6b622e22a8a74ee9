/** Signed links: a document's file, and a recipient's signing page (HTML for a browser, JSON otherwise). */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import type { SandboxParts } from '../auth.js';
import { documentFile } from '../files.js';
import { fail, json, type SandboxEnv } from '../http.js';
import { TokenError } from '../tokens.js';

const wantsHtml = (c: Context) => (c.req.header('accept') ?? '').includes('text/html');

const signingPage = (filename: string, name: string, status: string) =>
  html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Sign ${filename}</title>
      </head>
      <body>
        <h1>${filename}</h1>
        <p>Signer: ${name}. Status: <strong>${status}</strong>.</p>
        ${
          status === 'pending'
            ? html`<form method="post"><button type="submit">Sign (sandbox)</button></form>`
            : html`<p>Nothing left to sign.</p>`
        }
      </body>
    </html>`;

export function linkRoutes({ store, tokens }: SandboxParts) {
  const app = new Hono<SandboxEnv>();

  /** The claims of a signed link, or 401 (expired, forged) with the reason. */
  const linkClaims = async (token: string) => {
    try {
      return await tokens.verify(token);
    } catch (error) {
      const expired = error instanceof TokenError && error.reason === 'expired';
      return fail(
        401,
        expired ? 'This link has expired; list the documents again for a fresh one.' : 'This link is invalid.',
      );
    }
  };
  const allDocuments = () => Object.values(store.state.documents).flat();

  app.get('/api/public/documents/:file/:token', async (c) => {
    const claims = await linkClaims(c.req.param('token'));
    if (claims.file !== c.req.param('file')) return fail(403, 'This link is for another file.');
    const doc = allDocuments().find((d) => d.file === claims.file);
    if (!doc) return fail(404, 'Document not found.');
    const file = documentFile(doc.path, doc.filename);
    return c.body(file.body, 200, { ...file.headers, 'cache-control': 'private, no-store' });
  });

  const signing = async (c: Context) => {
    const claims = await linkClaims(c.req.param('token')!);
    const doc = allDocuments().find((d) => d.pub_id === claims.doc);
    const recipient = doc?.recipients.find((r) => r.id === c.req.param('recipient') && r.id === claims.recipient);
    if (!doc || !recipient) return fail(404, 'Signing request not found.');
    return { doc, recipient };
  };
  app.get('/sign/:recipient/:token', async (c) => {
    const { doc, recipient } = await signing(c);
    c.header('Cache-Control', 'no-store');
    if (wantsHtml(c)) return c.html(signingPage(doc.filename, recipient.name, recipient.status));
    return json(c, { document: doc.filename, recipient: recipient.name, status: recipient.status });
  });
  app.post('/sign/:recipient/:token', async (c) => {
    const { doc, recipient } = await signing(c);
    if (recipient.status !== 'pending') return fail(409, `This signature is already ${recipient.status}.`);
    recipient.status = 'signed';
    store.save();
    c.header('Cache-Control', 'no-store');
    if (wantsHtml(c)) return c.html(signingPage(doc.filename, recipient.name, recipient.status));
    return json(c, { success: true, status: recipient.status });
  });
  return app;
}
