/**
 * The workflow launcher's stylesheet for the template baselines. `bench:launcher-styles`
 * is resolved by bench/lib/build.ts: the launcher's own styles when the element
 * exists, else none.
 */
import { baseStyles } from '../../src/elements/base/base.styles.js';
import { launcherStyles } from 'bench:launcher-styles';

let sheet: CSSStyleSheet | undefined;

export function templatesSheets(): CSSStyleSheet[] {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync([baseStyles, ...launcherStyles].map((s) => s.cssText).join('\n'));
  }
  return [sheet];
}
