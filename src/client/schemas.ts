import * as v from 'valibot';
import type { Logger } from './types.js';

/**
 * Runtime shapes of the API's responses, the parts every resource uses (each
 * resource's shapes sit with its endpoints: documents.ts, workflows.ts,
 * records.ts, orgs.ts). Objects are loose (extra keys kept); optional text gets
 * a safe default so a partial item still renders.
 */
export const text = v.optional(v.nullable(v.string()), '');
export const id = v.union([v.string(), v.number()]);

/** Parses one value or throws the first issue, with where it is (the caller turns it into a PaperOSError). */
export function parseOne<T extends v.GenericSchema>(schema: T, value: unknown, what: string): v.InferOutput<T> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const [issue] = result.issues;
  const at = v.getDotPath(issue);
  throw new TypeError(`${what}: ${issue.message}${at ? ` (at ${at})` : ''}`);
}

export const skipped = (what: string, index: number, issues: readonly v.BaseIssue<unknown>[], logger: Logger) =>
  logger.warn(`PaperOS: skipped a malformed ${what} at position ${index}: ${issues[0]?.message ?? 'invalid'}`);

/** Keeps the valid items of a list; skips the rest with a warning naming the item's position. */
export function parseItems<T extends v.GenericSchema>(
  schema: T,
  items: unknown[],
  what: string,
  logger: Logger,
): v.InferOutput<T>[] {
  const out: v.InferOutput<T>[] = [];
  items.forEach((item, index) => {
    const result = v.safeParse(schema, item);
    if (result.success) out.push(result.output);
    else skipped(what, index, result.issues, logger);
  });
  return out;
}
