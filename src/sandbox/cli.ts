#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseFaults, type FaultRule } from './faults.js';
import { DEMO_EXTERNAL_ID, DEMO_ORG_ID, DEMO_SUBJECT, LARGE_ORG_ID } from './seed.js';
import { startSandbox } from './server.js';

const HELP = `paperos-sandbox: a local PaperOS API for development, demos and tests

Usage: paperos-sandbox [options]

  --port N               port to listen on (default 4010; 0 picks a free one)
  --host H               interface to listen on (default 127.0.0.1)
  --issuer URL           public base URL in tokens and links (default http://HOST:PORT)
                         (--public-url is the same)
  --documents N          add a large organization (${LARGE_ORG_ID}) with N generated documents
  --data FILE            keep state in FILE across restarts (atomic writes); an existing file wins over the seed
  --seed N               seed for generated data and fault draws (default 42)
  --token-ttl S          lifetime of minted tokens, seconds (default 3600)
  --document-url-ttl S   lifetime of signed document and signing links, seconds (default 900)
  --rotate-keys-every S  replace the signing key every S seconds (tokens signed with the old key get 401)
  --allowed-origin O     allow this browser origin (repeatable; default any localhost origin; '*' for all)
  --latency MS           add MS milliseconds to every API response
  --error-rate R         answer a share R (0..1) of API requests with 500
  --rate-limit R         answer a share R (0..1) of API requests with 429 (Retry-After: 1)
  --faults JSON|@FILE    fault rules, e.g. '[{"kind":"drop","path":"documents$","times":1}]'
                         (kinds: latency, status, drop, malformed, missing-fields)
  --quiet                no request log
  --help                 this text

At run time: GET/POST/DELETE /__sandbox/faults, POST /__sandbox/reset, POST /__sandbox/rotate-keys.`;

class UsageError extends Error {}

function number(name: string, value: string | undefined, check: (n: number) => boolean, rule: string) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} must be ${rule}.`);
  return n;
}
const rate = (name: string, value: string | undefined) =>
  number(name, value, (n) => n >= 0 && n <= 1, 'a share between 0 and 1');

function options(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        issuer: { type: 'string' },
        'public-url': { type: 'string' },
        documents: { type: 'string' },
        data: { type: 'string' },
        seed: { type: 'string' },
        'token-ttl': { type: 'string' },
        'document-url-ttl': { type: 'string' },
        'rotate-keys-every': { type: 'string' },
        'allowed-origin': { type: 'string', multiple: true },
        latency: { type: 'string' },
        'error-rate': { type: 'string' },
        'rate-limit': { type: 'string' },
        faults: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values;
  if (values.help) return undefined;

  const faults: FaultRule[] = [];
  const latency = number('latency', values.latency, (n) => n >= 0 && n <= 30_000, 'milliseconds (0..30000)');
  if (latency) faults.push({ kind: 'latency', ms: latency });
  const errorRate = rate('error-rate', values['error-rate']);
  if (errorRate) faults.push({ kind: 'status', status: 500, rate: errorRate });
  const rateLimit = rate('rate-limit', values['rate-limit']);
  if (rateLimit) faults.push({ kind: 'status', status: 429, retryAfter: 1, rate: rateLimit });
  if (values.faults !== undefined) {
    const source = values.faults.startsWith('@') ? readFileSync(values.faults.slice(1), 'utf8') : values.faults;
    try {
      faults.push(...parseFaults(JSON.parse(source)));
    } catch (error) {
      throw new UsageError(`--faults: ${(error as Error).message}`);
    }
  }
  const issuer = values.issuer ?? values['public-url'];
  if (issuer !== undefined && !/^https?:\/\/[^/]+/.test(issuer))
    throw new UsageError('--issuer must be an http(s) URL.');
  const origins = values['allowed-origin'];
  const positive = (n: number) => n > 0;
  return {
    port: number('port', values.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65_535, 'a port (0..65535)') ?? 4010,
    host: values.host,
    issuer,
    documents: number(
      'documents',
      values.documents,
      (n) => Number.isInteger(n) && n >= 0 && n <= 1_000_000,
      'a count (0..1000000)',
    ),
    dataFile: values.data,
    seed: number('seed', values.seed, Number.isInteger, 'a whole number'),
    tokenTtlSec: number('token-ttl', values['token-ttl'], positive, 'a positive number of seconds'),
    documentUrlTtlSec: number('document-url-ttl', values['document-url-ttl'], positive, 'a positive number of seconds'),
    rotateKeysEverySec: number(
      'rotate-keys-every',
      values['rotate-keys-every'],
      positive,
      'a positive number of seconds',
    ),
    allowedOrigins: origins?.includes('*') ? ('*' as const) : origins,
    faults,
    quiet: values.quiet ?? false,
  };
}

async function main() {
  let config;
  try {
    config = options(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`paperos-sandbox: ${error.message}\nRun paperos-sandbox --help for the options.`);
    process.exit(2);
  }
  if (!config) {
    console.log(HELP);
    return;
  }
  let sandbox;
  try {
    sandbox = await startSandbox(config);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE'
        ? `port ${config.port} is in use (try --port 0 for a free one)`
        : code === 'EACCES'
          ? `no permission to listen on port ${config.port}`
          : (error as Error).message;
    console.error(`paperos-sandbox: ${reason}`);
    process.exit(1);
  }
  console.log(`PaperOS sandbox listening on ${sandbox.url}
  issuer:        ${sandbox.issuer}
  client_id:     ${sandbox.clientId}
  client_secret: ${sandbox.clientSecret}
  demo org:      ${DEMO_ORG_ID}
  demo subject:  ${DEMO_SUBJECT} (external_id ${DEMO_EXTERNAL_ID})${
    config.documents ? `\n  large org:     ${LARGE_ORG_ID} (${config.documents} documents)` : ''
  }${config.dataFile ? `\n  data file:     ${config.dataFile}` : ''}${
    config.rotateKeysEverySec ? `\n  signing key:   rotated every ${config.rotateKeysEverySec} s` : ''
  }`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
