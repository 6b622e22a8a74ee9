/**
 * The demo's host backend: what a partner's server does with
 * `@paperos/elements/server`. At start it creates (or finds) the demo user as a
 * PaperOS subject and creates an organization for them; then it answers the
 * elements' token endpoint and proxies their API calls (BFF mode).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PaperOSClient } from '../src/client/index.js';
import { PaperOSIntegration, createProxyHandler, createTokenHandler, toNodeHandler } from '../src/server/index.js';

export interface HostBackend {
  /** Organizations the demo user may open, as PaperOS lists them (the one created at start among them). */
  orgs: Array<{ id: string; name: string }>;
  /** Connect-style middleware for the dev server: `/api/paperos-token` and `/paperos/*`. */
  middleware: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
}

export async function createHostBackend(options: {
  /** Where this server reaches PaperOS. */
  paperosUrl: string;
  /** Where the browser reaches PaperOS (default `paperosUrl`). */
  publicUrl?: string;
  clientId: string;
  clientSecret: string;
  /** The org the pages open first. */
  exampleOrgId: string;
  /** A word after an org's name in the selector, by org id. */
  orgNotes?: Record<string, string>;
}): Promise<HostBackend> {
  const integration = new PaperOSIntegration({
    baseUrl: options.paperosUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
  });
  // The signed-in user of this pretend partner app. In a real app this is your session's user.
  const user = { externalId: 'john_doe-101' };
  await integration.createSubject({
    external_id: user.externalId,
    email: 'john.doe+101@example.com',
    given_name: 'John',
    family_name: 'Doe',
  });
  // An ID token lets the backend create an organization for the user.
  const idToken = await integration.idToken(user);
  const asUser = new PaperOSClient({ baseUrl: options.paperosUrl, token: idToken.token, cache: false });
  await asUser.createOrg({ name: 'Demo Partner Co', fields: { business_type: 'for_profit' } });
  // The user's organizations as PaperOS lists them; the example org first, as the pages open it.
  const listed = (await asUser.listOrgs({ updatedSince: 0 })).orgs;
  const orgs = listed
    .map((org) => ({
      id: org.id,
      name: options.orgNotes?.[org.id] ? `${org.name} (${options.orgNotes[org.id]})` : org.name,
    }))
    .sort((a, b) => Number(b.id === options.exampleOrgId) - Number(a.id === options.exampleOrgId));
  // Who is signed in, and which org they asked for (only theirs is approved).
  const authorize = async (request: Request) => {
    const wanted =
      new URL(request.url).searchParams.get('org') ?? request.headers.get('x-paperos-org') ?? options.exampleOrgId;
    return orgs.some((org) => org.id === wanted) ? { ...user, orgId: wanted } : null;
  };
  const token = toNodeHandler(createTokenHandler({ integration, authorize }));
  const proxy = toNodeHandler(
    createProxyHandler({
      integration,
      prefix: '/paperos',
      // In BFF mode the org comes from the path the element asks for.
      authorize: async (request) => {
        const org = /\/api\/v1\/orgs\/([^/]+)/.exec(new URL(request.url).pathname)?.[1] ?? options.exampleOrgId;
        return orgs.some((o) => o.id === org) ? { ...user, orgId: org } : null;
      },
    }),
  );
  return {
    orgs,
    middleware: (req, res, next) => {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/api/paperos-token') return token(req, res);
      if (path === '/api/demo-config') {
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'no-store');
        return res.end(JSON.stringify({ paperosUrl: options.publicUrl ?? options.paperosUrl, orgs }));
      }
      if (path.startsWith('/paperos/')) return proxy(req, res);
      next();
    },
  };
}
