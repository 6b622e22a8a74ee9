import type { MiddlewareHandler } from 'hono';
import * as v from 'valibot';

/**
 * A fault the sandbox injects into matching requests:
 * - `latency`: waits `ms` (default 500, at most 30 000) before answering normally;
 * - `status`: answers `status` (default 500; 5xx, 420, 429...) with `Retry-After: retryAfter` when given;
 * - `drop`: sends the status line and the start of a JSON body, then breaks the connection;
 * - `malformed`: answers 200 with a JSON content type and a body that is not JSON;
 * - `missing-fields`: answers the real response with a required field removed from every list item.
 */
export interface FaultRule {
  kind: 'latency' | 'status' | 'drop' | 'malformed' | 'missing-fields';
  /** HTTP method to match (default any). */
  method?: string;
  /** A regular expression tested against the path (default: any path under /api/ except the public document links). */
  path?: string;
  /** Share of matching requests affected, 0..1 (default 1). */
  rate?: number;
  /** Only the next N matching requests (default every one); counts down as it fires. */
  times?: number;
  ms?: number;
  status?: number;
  retryAfter?: number;
}

const FaultRuleSchema = v.strictObject({
  kind: v.picklist(['latency', 'status', 'drop', 'malformed', 'missing-fields']),
  method: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z]+$/, 'method must be an HTTP method name'))),
  path: v.optional(v.pipe(v.string(), v.maxLength(500), v.check(isRegExp, 'path must be a valid regular expression'))),
  rate: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  times: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  ms: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(30_000))),
  status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599))),
  retryAfter: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
const FaultListSchema = v.pipe(v.array(FaultRuleSchema), v.maxLength(100));

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** Checks fault rules from an untrusted source; throws a TypeError that names the bad field. */
export function parseFaults(input: unknown): FaultRule[] {
  const list = Array.isArray(input) ? input : (input as { faults?: unknown } | null)?.faults;
  const result = v.safeParse(FaultListSchema, list);
  if (!result.success) {
    const issue = result.issues[0];
    const where = v.getDotPath(issue);
    throw new TypeError(`Invalid fault rules${where ? ` at ${where}` : ''}: ${issue.message}`);
  }
  // copies, so counting down `times` never touches the caller's objects
  return result.output.map((rule) => ({ ...rule }));
}

interface CompiledRule {
  rule: FaultRule;
  pattern?: RegExp;
}

/** Holds the active rules; they can change while the server runs. */
export class FaultSwitch {
  #rules: CompiledRule[] = [];

  constructor(initial: FaultRule[] = []) {
    this.set(initial);
  }

  set(rules: FaultRule[]): void {
    this.#rules = parseFaults(rules).map((rule) => ({
      rule,
      pattern: rule.path === undefined ? undefined : new RegExp(rule.path),
    }));
  }

  clear(): void {
    this.#rules = [];
  }

  /** The active rules (with `times` as it stands now). */
  list(): FaultRule[] {
    return this.#rules.map(({ rule }) => ({ ...rule }));
  }

  /** The rules that fire for this request, in order; each `times` counts down as it fires. */
  fire(method: string, path: string, random: () => number): FaultRule[] {
    const fired: FaultRule[] = [];
    for (const { rule, pattern } of this.#rules) {
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (pattern ? !pattern.test(path) : !isApiPath(path)) continue;
      if (rule.times !== undefined && rule.times <= 0) continue;
      if (rule.rate !== undefined && random() >= rule.rate) continue;
      if (rule.times !== undefined) rule.times -= 1;
      fired.push(rule);
      // only latency lets a request go on to further rules
      if (rule.kind !== 'latency') break;
    }
    return fired;
  }
}

// By default faults hit the API, not the signed links a browser opens directly.
const isApiPath = (path: string) => path.startsWith('/api/') && !path.startsWith('/api/public/');

/** The fault middleware. Preflights, the admin endpoints and discovery are never faulted. */
export function faultMiddleware(faults: FaultSwitch, random: () => number): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    if (c.req.method === 'OPTIONS' || path.startsWith('/__sandbox') || path.startsWith('/.well-known')) return next();
    for (const rule of faults.fire(c.req.method, path, random)) {
      switch (rule.kind) {
        case 'latency':
          await new Promise((resolve) => setTimeout(resolve, rule.ms ?? 500));
          continue;
        case 'status': {
          const status = rule.status ?? 500;
          const headers: Record<string, string> = {};
          if (rule.retryAfter !== undefined) headers['Retry-After'] = String(rule.retryAfter);
          return c.json({ success: false, message: `Injected fault: ${status}.` }, status as 500, headers);
        }
        case 'drop': {
          const body = new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"success": true, "documents": [{"pub_id": "'));
              // errors the stream after the first chunk went out: the server aborts the connection
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
          if (!response.ok || !response.headers.get('content-type')?.includes('json')) return;
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
