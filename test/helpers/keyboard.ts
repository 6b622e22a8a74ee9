// A key held down and released again, in every engine: send-keys' `down` and
// `up` do not reach WebKit over WebDriver, so the `hold-key` command of
// scripts/webkit.mjs does it for all three.
import { executeServerCommand } from '@web/test-runner-commands';

/** Presses `key` (a KeyboardEvent.key name) and keeps it down; again, it repeats. */
export function holdKey(key: string): Promise<unknown> {
  return executeServerCommand('hold-key', { key, down: true });
}

/** Releases a key that holdKey pressed. */
export function releaseKey(key: string): Promise<unknown> {
  return executeServerCommand('hold-key', { key, down: false });
}
