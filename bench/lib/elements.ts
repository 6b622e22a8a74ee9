import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ElementEntry {
  /** Folder name under src/elements. */
  name: string;
  tag: string;
  /** Absolute path of its define.ts. */
  define: string;
}

/** Every element with a define.ts under src/elements (the provider included), found on disk. */
export function listElements(root: string): ElementEntry[] {
  const dir = join(root, 'src/elements');
  const out: ElementEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    const define = join(dir, name, 'define.ts');
    if (!existsSync(define)) continue;
    const tag = /defineElement\(\s*['"]([a-z0-9-]+)['"]/.exec(readFileSync(define, 'utf8'))?.[1];
    if (!tag) continue;
    out.push({ name, tag, define });
  }
  return out;
}
