// WebKit for the browser tests: Debian's WebKitGTK MiniBrowser driven through
// WebKitWebDriver, which this module starts under a virtual X server (MiniBrowser
// has no working headless mode) and stops again, with every process it started.
//
// `webkitLauncher()` is a web-test-runner launcher; `startWebKitDriver()` serves
// Node-side tests that open pages themselves (test/embedding/harness.ts).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { Key } from 'webdriverio';
import { executablePath } from './browsers.mjs';

/** The W3C capabilities that make WebKitWebDriver open MiniBrowser under automation. */
export function webkitCapabilities(env = process.env) {
  return {
    browserName: 'MiniBrowser',
    // WebDriver classic: webdriverio would otherwise ask for a BiDi socket, which
    // WebKitWebDriver does not match.
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': {
      binary: executablePath('webkit', env),
      // No --headless: this build hangs with it; the X server is virtual anyway.
      args: ['--automation'],
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// The page's navigator.language, as Chromium and Firefox report on this machine
// (with no locale set, WebKitGTK would report "C", which Intl refuses).
const WEBKIT_LANGUAGE = { LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' };

const running = new Set();

// A test run that ends abruptly (an uncaught error, process.exit) still takes
// the X server, the driver and the browser with it.
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

function groupAlive(child) {
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(child, signal) {
  try {
    // Negative pid: the whole process group (xvfb-run, Xvfb, the driver and its browser).
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Starts `xvfb-run -a WebKitWebDriver --port=<free port>` in its own process
 * group and waits until the driver answers. Returns its port and `stop()`,
 * which ends the group and resolves once it has exited.
 */
export async function startWebKitDriver({ env = process.env, timeout = 30_000 } = {}) {
  const port = await freePort();
  const child = spawn(
    executablePath('xvfb-run', env),
    ['-a', '-s', '-screen 0 1280x1024x24', executablePath('webkitdriver', env), `--port=${port}`],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...env, ...WEBKIT_LANGUAGE } },
  );
  running.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  exited.then(() => running.delete(child));

  const stop = async () => {
    if (!groupAlive(child)) return;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    // Xvfb and the browser's processes may outlive the shell that started them:
    // the run is over only once the whole group has gone.
    killGroup(child, 'SIGKILL');
    for (let waited = 0; groupAlive(child) && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const deadline = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`WebKitWebDriver exited at start (${child.exitCode}): ${stderr.trim()}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok && (await response.json()).value?.ready) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeout / 1000} s: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, stop };
}

/** web-test-runner's WebDriver launcher, owning the WebKitWebDriver it talks to. */
class WebKitLauncher extends WebdriverLauncher {
  #options;
  #session;
  #driver;

  constructor(options, session) {
    super(options);
    this.#options = options;
    this.#session = session;
  }

  async initialize(config) {
    this.#driver = await startWebKitDriver();
    // The port is only known once the driver runs; the session starts later.
    this.#options.port = this.#driver.port;
    await super.initialize(config);
    this.name = 'WebKit';
  }

  async stop() {
    try {
      await super.stop();
    } finally {
      await this.#driver?.stop();
      this.#driver = undefined;
    }
  }

  /**
   * Presses (`down`) or releases a key and leaves it so, as a held key: the
   * launcher's sendKeys only types and presses. `key` is a KeyboardEvent.key name.
   */
  async holdKey(key, down) {
    if (!this.#driver || !this.#session.id) throw new Error('WebKit has no session');
    const response = await fetch(`http://127.0.0.1:${this.#driver.port}/session/${this.#session.id}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        actions: [
          { type: 'key', id: 'held-keys', actions: [{ type: down ? 'keyDown' : 'keyUp', value: Key[key] ?? key }] },
        ],
      }),
    });
    if (!response.ok) throw new Error(`WebKitWebDriver refused the key ${key}: ${await response.text()}`);
  }
}

export function webkitLauncher() {
  const session = { id: undefined };
  return new WebKitLauncher(
    {
      hostname: '127.0.0.1',
      port: 0,
      logLevel: 'error',
      // A MiniBrowser window can take a while to come up on a loaded machine.
      connectionRetryTimeout: 120_000,
      connectionRetryCount: 2,
      capabilities: webkitCapabilities(),
      // The session's id, for the held keys (W3C actions) the launcher lacks.
      transformResponse(response) {
        const id = response?.body?.value?.sessionId;
        if (typeof id === 'string') session.id = id;
        return response;
      },
    },
    session,
  );
}

/**
 * The `hold-key` command (test/helpers/keyboard.ts): a key held down, then
 * released, in every engine. web-test-runner's send-keys cannot do it over
 * WebDriver, and a plugin of the project's own cannot take send-keys over.
 */
export function holdKeyPlugin() {
  return {
    name: 'hold-key',
    async executeCommand({ command, payload, session }) {
      if (command !== 'hold-key') return undefined;
      const { key, down } = payload;
      const browser = session.browser;
      if (browser instanceof WebKitLauncher) {
        await browser.holdKey(key, down);
      } else if (browser.type === 'playwright' || browser.type === 'puppeteer') {
        const keyboard = browser.getPage(session.id).keyboard;
        await (down ? keyboard.down(key) : keyboard.up(key));
      } else {
        throw new Error(`hold-key: no way to hold a key in ${browser.name}`);
      }
      return true;
    },
  };
}
