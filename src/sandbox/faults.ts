import type { MiddlewareHandler } from 'hono';

/**
 * A fault the sandbox injects into matching requests:
 * - `latency`: waits `ms` before answering;
 * - `status`: answers `status` (5xx, 420, 429...) with `retryAfter` seconds when given;
 * - `drop`: starts the body, then breaks the connection;
 * - `malformed`: answers 200 with a body that is not JSON;
 * - `missing-fields`: answers the real response with a required field removed from every list item.
 */
export interface FaultRule {
  kind: 'latency' | 'status' | 'drop' | 'malformed' | 'missing-fields';
  /** HTTP method to match (default any). */
  method?: string;
  /** A regular expression tested against the path (default any API path). */
  path?: string;
  /** Share of matching requests affected, 0..1 (default 1). */
  rate?: number;
  /** Only the next N matching requests (default every one). */
  times?: number;
  ms?: number;
  status?: number;
  retryAfter?: number;
}

/** The fault middleware: rules are read on each request, so they can change while running. */
export function faultMiddleware(rules: () => FaultRule[], random: () => number): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    if (c.req.method === 'OPTIONS' || path.startsWith('/__sandbox') || path.startsWith('/.well-known')) return next();
    for (const rule of rules()) {
      if (rule.method && rule.method.toUpperCase() !== c.req.method) continue;
      if (rule.path && !new RegExp(rule.path).test(path)) continue;
      if (!rule.path && !path.startsWith('/api/')) continue;
      if (rule.times !== undefined && rule.times <= 0) continue;
      if (rule.rate !== undefined && random() >= rule.rate) continue;
      if (rule.times !== undefined) rule.times -= 1;
      switch (rule.kind) {
        case 'latency':
          await new Promise((resolve) => setTimeout(resolve, Math.min(rule.ms ?? 500, 30_000)));
          continue;
        case 'status': {
          const status = rule.status ?? 500;
          if (rule.retryAfter !== undefined) c.header('Retry-After', String(rule.retryAfter));
          return c.json({ success: false, message: `Injected fault: ${status}` }, status as 500);
        }
        case 'drop': {
          const body = new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"success": true, "documents": [{"pub_id": "'));
              setTimeout(() => controller.error(new Error('connection dropped by fault injection')), 5);
            },
          });
          return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
        }
        case 'malformed':
          return c.body('{"success": true, "items": [', 200, { 'content-type': 'application/json' });
        case 'missing-fields': {
          await next();
          const response = c.res;
          if (!response.headers.get('content-type')?.includes('json')) return;
          const data = (await response.clone().json()) as unknown;
          c.res = new Response(JSON.stringify(stripRequiredFields(data)), {
            status: response.status,
            headers: { 'content-type': 'application/json' },
          });
          return;
        }
      }
    }
    return next();
  };
}

const REQUIRED = ['filename', 'pub_id', 'label', 'id', 'url'];

function stripRequiredFields(data: unknown): unknown {
  const strip = (items: unknown[]) =>
    items.map((item) => {
      if (!item || typeof item !== 'object') return item;
      const copy = { ...(item as Record<string, unknown>) };
      const key = REQUIRED.find((k) => k in copy);
      if (key) delete copy[key];
      return copy;
    });
  if (Array.isArray(data)) return strip(data);
  if (data && typeof data === 'object') {
    return Object.fromEntries(
      Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? strip(v) : v]),
    );
  }
  return data;
}
