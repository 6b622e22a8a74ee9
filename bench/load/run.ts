/**
 * `npm run load`: the server toolkit under load. Starts the sandbox (with a
 * 20,000-document organization) and the host backend (bench/load/backend.ts,
 * its own process), then drives each scenario with autocannon (10 connections,
 * LOAD_DURATION seconds, default 15) and samples the backend's resident memory
 * every 50 ms. Each scenario gets a fresh backend, warmed up with a few
 * requests; its idle memory is read just before the run.
 *
 * LOAD_ONLY=token,small (scenario ids: token, small, large, largeGzip) runs
 * only those. LOAD_BASELINE=<git ref> measures that commit's toolkit side by side (a
 * temporary checkout, the same sandbox, the two alternating scenario by
 * scenario and round by round); LOAD_ROUNDS (default 1) repeats everything.
 * The figures go into bench/RESULTS.md between the load markers (bench/run.ts
 * keeps that section when it rewrites the browser figures) and the raw ones
 * into bench/.results/load-last-run.json.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_ORG_ID, LARGE_ORG_ID, startSandbox } from '../../src/sandbox/index.js';
import { replaceLoadSection, type LoadRun, type Measured, type Scenario } from './report.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const DURATION = Number(process.env.LOAD_DURATION) || 15;
const ROUNDS = Number(process.env.LOAD_ROUNDS) || 1;
const ONLY = (process.env.LOAD_ONLY ?? '').split(',').filter(Boolean);
const DOCUMENTS = 20_000;
const log = (line: string) => console.error(`[load] ${line}`);
const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout.trim();

const scenarios: Scenario[] = [
  {
    id: 'token',
    label: 'token endpoint (POST, cached token)',
    path: '/api/paperos-token',
    method: 'POST',
    headers: { 'sec-fetch-site': 'same-origin' },
  },
  { id: 'small', label: 'proxy, small list (6 documents)', path: `/paperos/api/v1/orgs/${DEMO_ORG_ID}/documents` },
  {
    id: 'large',
    label: `proxy, ${DOCUMENTS.toLocaleString('en-US')}-document list`,
    path: `/paperos/api/v1/orgs/${LARGE_ORG_ID}/documents`,
  },
  {
    id: 'largeGzip',
    label: `proxy, ${DOCUMENTS.toLocaleString('en-US')}-document list, Accept-Encoding: gzip`,
    path: `/paperos/api/v1/orgs/${LARGE_ORG_ID}/documents`,
    headers: { 'accept-encoding': 'gzip' },
  },
];

/** Resident memory of a process, bytes (Linux). */
function rss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

async function startBackend(
  serverRoot: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/load/backend.ts')], {
    cwd: root,
    env: { ...process.env, ...env, LOAD_SERVER_ROOT: serverRoot },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /\{"port":\d+\}/.exec(out);
      if (line) resolve(JSON.parse(line[0]).port);
    });
    child.once('exit', (code) => reject(new Error(`the backend exited (${code}) before listening`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function measure(serverRoot: string, env: Record<string, string>, scenario: Scenario): Promise<Measured> {
  const { child, url } = await startBackend(serverRoot, env);
  try {
    const init = { method: scenario.method ?? 'GET', headers: scenario.headers };
    // warm up: the token minted and cached, the code paths compiled
    for (let i = 0; i < 3; i++) await (await fetch(`${url}${scenario.path}`, init)).arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idle = rss(child.pid!);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rss(child.pid!))), 50);
    const result = await autocannon({
      url: `${url}${scenario.path}`,
      method: (scenario.method ?? 'GET') as 'GET' | 'POST',
      headers: scenario.headers,
      connections: 10,
      duration: DURATION,
      timeout: 60,
    });
    clearInterval(sampler);
    peak = Math.max(peak, rss(child.pid!));
    return {
      requestsPerSecond: result.requests.average,
      requests: result.requests.total,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors,
      non2xx: result.non2xx,
      bytes: result.throughput.total,
      idleRss: idle,
      peakRss: peak,
    };
  } finally {
    await stop(child);
  }
}

/** A checkout of `ref` in a temporary folder, sharing this tree's node_modules. */
function checkout(ref: string): { dir: string; commit: string; remove: () => void } {
  const dir = join(tmpdir(), `paperos-load-${process.pid}`);
  const added = spawnSync('git', ['worktree', 'add', '--detach', dir, ref], { cwd: root, encoding: 'utf8' });
  if (added.status !== 0) throw new Error(`git worktree add ${ref}: ${added.stderr}`);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return {
    dir,
    commit: git('rev-parse', '--short', ref),
    remove: () => {
      spawnSync('git', ['worktree', 'remove', '--force', dir], { cwd: root });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = loadavg();
  log(`starting the sandbox with ${DOCUMENTS} documents`);
  const sandbox = await startSandbox({ port: 0, documents: DOCUMENTS });
  const env = {
    PAPEROS_URL: sandbox.url,
    PAPEROS_CLIENT_ID: sandbox.clientId,
    PAPEROS_CLIENT_SECRET: sandbox.clientSecret,
    LOAD_ORGS: [DEMO_ORG_ID, LARGE_ORG_ID].join(','),
  };
  const baselineRef = process.env.LOAD_BASELINE;
  const baseline = baselineRef ? checkout(baselineRef) : undefined;
  const dirty = git('status', '--porcelain', '--', 'src/server', 'src/client').length > 0;
  const trees = [
    { name: 'current', dir: root, commit: `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' (modified)' : ''}` },
    ...(baseline ? [{ name: 'baseline', dir: baseline.dir, commit: baseline.commit }] : []),
  ];
  const results: LoadRun['results'] = {};
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const scenario of scenarios.filter((s) => ONLY.length === 0 || ONLY.includes(s.id))) {
        // alternate which tree goes first, so drift in the machine's load falls on both
        const order = (round + scenarios.indexOf(scenario)) % 2 ? [...trees].reverse() : trees;
        for (const tree of order) {
          log(`round ${round + 1}/${ROUNDS}: ${tree.name} ${scenario.id}`);
          const measured = await measure(tree.dir, env, scenario);
          ((results[tree.name] ??= {})[scenario.id] ??= []).push(measured);
          log(
            `  ${measured.requestsPerSecond.toFixed(1)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms, ` +
              `${(measured.bytes / 1e6).toFixed(1)} MB, RSS ${(measured.idleRss / 1e6).toFixed(0)} -> ${(measured.peakRss / 1e6).toFixed(0)} MB`,
          );
        }
      }
    }
  } finally {
    baseline?.remove();
    await sandbox.close();
  }
  const run: LoadRun = {
    date: new Date().toISOString(),
    durationS: (Date.now() - started) / 1000,
    seconds: DURATION,
    rounds: ROUNDS,
    documents: DOCUMENTS,
    machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, load average ${loadBefore.map((l) => l.toFixed(2)).join(' / ')} before, ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')} after`,
    node: process.version,
    trees: trees.map(({ name, commit }) => ({ name, commit })),
    scenarios,
    results,
  };
  mkdirSync(join(root, 'bench/.results'), { recursive: true });
  writeFileSync(join(root, 'bench/.results/load-last-run.json'), JSON.stringify(run, null, 1));
  const file = join(root, 'bench/RESULTS.md');
  writeFileSync(file, replaceLoadSection(readFileSync(file, 'utf8'), run));
  log(`wrote the load section of bench/RESULTS.md in ${run.durationS.toFixed(0)} s`);
}

await main();
