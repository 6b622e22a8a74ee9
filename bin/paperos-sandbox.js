#!/usr/bin/env node
// Runs the built CLI (dist/sandbox/cli.js). In a source checkout with no build,
// or a build older than the sources, runs the TypeScript through tsx instead,
// in this same process (so signals reach the server).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/sandbox/cli.js', import.meta.url);
const sources = new URL('../src/sandbox/', import.meta.url);
const newest = (dir) =>
  Math.max(0, ...readdirSync(dir).map((name) => statSync(fileURLToPath(new URL(name, dir))).mtimeMs));
const useBuild =
  existsSync(fileURLToPath(built)) &&
  (!existsSync(fileURLToPath(sources)) || statSync(fileURLToPath(built)).mtimeMs >= newest(sources));

if (useBuild) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('cli.ts', sources).href);
}
