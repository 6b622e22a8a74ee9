#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startSandbox } from './server.js';
import type { FaultRule } from './faults.js';

const HELP = `paperos-sandbox: a local PaperOS API for development, demos and tests

  --port N            port to listen on (default 4010; 0 picks a free one)
  --host H            interface (default 127.0.0.1)
  --public-url URL    base URL in tokens and links (default http://HOST:PORT)
  --documents N       add a large organization with N generated documents
  --data FILE         keep state in FILE across restarts (atomic writes)
  --latency MS        add MS milliseconds to every API response
  --error-rate R      answer a share R (0..1) of API requests with 500
  --rate-limit R      answer a share R (0..1) of API requests with 429 (Retry-After: 1)
  --allowed-origin O  allow this browser origin (repeatable; default any localhost origin; '*' for all)
  --seed N            seed for generated data
  --help`;

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'public-url': { type: 'string' },
    documents: { type: 'string' },
    data: { type: 'string' },
    latency: { type: 'string' },
    'error-rate': { type: 'string' },
    'rate-limit': { type: 'string' },
    'allowed-origin': { type: 'string', multiple: true },
    seed: { type: 'string' },
    help: { type: 'boolean' },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const number = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${name} must be a non-negative number`);
    process.exit(2);
  }
  return n;
};

const faults: FaultRule[] = [];
const latency = number('latency', values.latency);
if (latency) faults.push({ kind: 'latency', ms: latency });
const errorRate = number('error-rate', values['error-rate']);
if (errorRate) faults.push({ kind: 'status', status: 500, rate: errorRate });
const rateLimit = number('rate-limit', values['rate-limit']);
if (rateLimit) faults.push({ kind: 'status', status: 429, retryAfter: 1, rate: rateLimit });
const origins = values['allowed-origin'];

const sandbox = await startSandbox({
  port: number('port', values.port) ?? 4010,
  host: values.host,
  publicUrl: values['public-url'],
  documents: number('documents', values.documents),
  dataFile: values.data,
  seed: number('seed', values.seed),
  faults,
  allowedOrigins: origins?.includes('*') ? '*' : origins,
});

console.log(`PaperOS sandbox listening on ${sandbox.url}
  client_id:     ${sandbox.clientId}
  client_secret: ${sandbox.clientSecret}
  demo org:      org_ew421jr4pmnhs02z (subject external_id john_doe-101)`);

const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
