/** Scenario 7: five elements on one page against a real HTTP API: token fetches, requests and round trips. */
import type { LoggedRequest } from '../server.js';
import { table, type Section } from './format.js';
import type { RunData } from './run-data.js';

/** Round trips: a request's depth is 1 + the deepest request that had finished before it started. */
function roundTrips(requests: LoggedRequest[]): Map<LoggedRequest, number> {
  const depth = new Map<LoggedRequest, number>();
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  for (const r of sorted) {
    let d = 1;
    for (const before of sorted)
      if (before !== r && before.end <= r.start) d = Math.max(d, (depth.get(before) ?? 1) + 1);
    depth.set(r, d);
  }
  return depth;
}

const resource = (r: LoggedRequest) => `${r.method} ${r.path}${r.search}`;

export function requestsSection(d: RunData): Section {
  const rq = d.requests;
  const depth = roundTrips(rq.first);
  const counts = new Map<string, LoggedRequest[]>();
  for (const r of rq.first) counts.set(resource(r), [...(counts.get(resource(r)) ?? []), r]);
  const tokenFetches = rq.first.filter((r) => r.path === '/token').length;
  const dataRequests = rq.first.filter((r) => r.path !== '/token');
  const maxPerResource = Math.max(
    0,
    ...[...counts.entries()].filter(([k]) => !k.includes('/token')).map(([, l]) => l.length),
  );
  const trips = Math.max(0, ...[...depth.values()]);
  const late = rq.lateRequests;
  const lateConditional = late.filter((r) => r.path !== '/token' && r.ifNoneMatch !== null);
  const lateToken = late.filter((r) => r.path === '/token').length;
  return {
    lines: [
      '## 7. Five elements on one page: requests',
      '',
      `A real HTTP API on 127.0.0.1 (bench/lib/server.ts) answering after ${rq.latencyMs} ms, with ETags and 304 on a matching \`If-None-Match\`. On the page: ${rq.tags.map((t) => `\`<${t}>\``).join(', ')} (four inside one \`<paperos-provider token-url base-url>\`, one record list outside it with its own \`token-url\`/\`base-url\`). Loaded: ${rq.loaded.join('; ')}.`,
      '',
      table(
        ['request', 'times sent', 'status', 'round trip'],
        [...counts.entries()].map(([key, list]) => [
          `\`${key}\``,
          list.length,
          [...new Set(list.map((r) => r.status))].join(', '),
          [...new Set(list.map((r) => depth.get(r)))].join(', '),
        ]),
      ),
      '',
      `- Token fetches: **${tokenFetches}** for five elements (target 1).`,
      `- Requests per resource: at most **${maxPerResource}** (target 1); ${dataRequests.length} data requests in all.`,
      `- Round trips until every element had its data: **${trips}** (target ≤ 2 with \`token-url\`: the token, then all data requests together).`,
      `- A sixth document list added 3.3 s later (past the page cache's 3 s): ${late.length} request(s): ${late.map((r) => `\`${resource(r)}\` → ${r.status}${r.ifNoneMatch ? ` (sent \`If-None-Match: ${r.ifNoneMatch}\`)` : ' (unconditional)'}`).join(', ') || 'none'}; ${rq.late}. ${lateToken ? `It fetched a token again (${lateToken}).` : 'No new token fetch.'}`,
      '',
    ],
    targets: [
      {
        scenario: '7',
        target: 'One token fetch shared by every element',
        measured: String(tokenFetches),
        verdict: tokenFetches === 1 ? 'met' : 'missed',
      },
      {
        scenario: '7',
        target: 'One request per resource',
        measured: String(maxPerResource),
        verdict: maxPerResource === 1 ? 'met' : 'missed',
      },
      {
        scenario: '7',
        target: 'No waterfall: token, then data: ≤ 2 round trips',
        measured: String(trips),
        verdict: trips <= 2 ? 'met' : 'missed',
      },
      {
        scenario: '7',
        target: 'Conditional request after an ETag (`If-None-Match`, 304)',
        measured: lateConditional.length
          ? `${lateConditional.length} conditional, status ${lateConditional.map((r) => r.status).join(', ')}`
          : 'none sent',
        verdict: lateConditional.length > 0 && lateConditional.every((r) => r.status === 304) ? 'met' : 'missed',
      },
    ],
    notes: [],
  };
}
