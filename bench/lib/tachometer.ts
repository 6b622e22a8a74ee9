/**
 * Runs tachometer 0.7 against the system Chromium and its chromedriver.
 *
 * Tachometer wants the npm `chromedriver` package (which would download a
 * driver); instead a stub package stands in for it, found through NODE_PATH
 * (tachometer's `require.resolve` check, in a child process) and a module
 * resolve hook (its `import('chromedriver')`). Selenium then finds
 * /usr/bin/chromedriver on PATH, with Selenium Manager kept offline.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMEDRIVER, LAUNCH_OPTIONS } from './browser.js';

export interface TachBenchmark {
  /** Unique name, used to read the results back. */
  name: string;
  url: string;
}

export interface TachMeasurement {
  name: string;
  /** A JavaScript expression polled until it is a number. */
  expression: string;
}

/** Samples (ms) by benchmark name, then measurement name; in round order. */
export type TachSamples = Record<string, Record<string, number[]>>;

function prepareStub(dir: string): { env: NodeJS.ProcessEnv; register: string } {
  const stub = join(dir, 'stubs', 'chromedriver');
  mkdirSync(stub, { recursive: true });
  writeFileSync(
    join(stub, 'package.json'),
    JSON.stringify({ name: 'chromedriver', version: '0.0.0-system', main: 'index.js' }),
  );
  writeFileSync(
    join(stub, 'index.js'),
    `// Stands in for the npm chromedriver package: the system driver is used.\nexports.path = ${JSON.stringify(CHROMEDRIVER)};\n`,
  );
  const hooks = join(dir, 'chromedriver-hooks.mjs');
  writeFileSync(
    hooks,
    `const stub = ${JSON.stringify(pathToFileURL(join(stub, 'index.js')).href)};\n` +
      `export async function resolve(specifier, context, next) {\n` +
      `  if (specifier === 'chromedriver') return { url: stub, shortCircuit: true, format: 'commonjs' };\n` +
      `  return next(specifier, context);\n}\n`,
  );
  const register = join(dir, 'chromedriver-register.mjs');
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  return {
    register,
    env: {
      ...process.env,
      NODE_PATH: join(dir, 'stubs'),
      SE_OFFLINE: 'true',
      CHROMEDRIVER_FILEPATH: CHROMEDRIVER,
      PATH: `${dirname(CHROMEDRIVER)}:${process.env.PATH ?? ''}`,
    },
  };
}

export async function runTachometer(options: {
  workDir: string;
  label: string;
  benchmarks: TachBenchmark[];
  measurements: TachMeasurement[];
  sampleSize: number;
  /** Kill tachometer after this long (ms). */
  timeoutMs: number;
  log?: (line: string) => void;
}): Promise<TachSamples> {
  const { workDir, label, benchmarks, measurements, sampleSize, timeoutMs } = options;
  mkdirSync(workDir, { recursive: true });
  const { env, register } = prepareStub(workDir);
  const config = {
    $schema: 'https://raw.githubusercontent.com/Polymer/tachometer/master/config.schema.json',
    sampleSize,
    timeout: 0,
    benchmarks: benchmarks.map((b) => ({
      name: b.name,
      url: b.url,
      measurement: measurements.map((m) => ({ name: m.name, mode: 'expression', expression: m.expression })),
      browser: {
        name: 'chrome',
        headless: true,
        binary: LAUNCH_OPTIONS.executablePath,
        addArguments: LAUNCH_OPTIONS.args.filter((arg) => arg !== '--headless'),
      },
    })),
  };
  const configFile = join(workDir, `${label}.tachometer.json`);
  const jsonFile = join(workDir, `${label}.results.json`);
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve('tachometer/package.json')), 'bin', 'tach.js');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', pathToFileURL(register).href, cli, '--config', configFile, '--json-file', jsonFile],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`tachometer (${label}) took over ${timeoutMs / 1000} s and was stopped.\n${output.slice(-2000)}`),
      );
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`tachometer (${label}) exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
  const json = JSON.parse(readFileSync(jsonFile, 'utf8')) as {
    benchmarks: { name: string; measurement: { name: string }; samples: number[] }[];
  };
  const out: TachSamples = {};
  for (const b of json.benchmarks) {
    // With several measurements, tachometer names each result "<benchmark> [<measurement>]".
    const name = b.name.endsWith(` [${b.measurement.name}]`)
      ? b.name.slice(0, -` [${b.measurement.name}]`.length)
      : b.name;
    (out[name] ??= {})[b.measurement.name] = b.samples;
    if (b.samples.some((s) => s < 0))
      throw new Error(`${b.name}: the page reported an error (see the validation pass).`);
  }
  return out;
}
