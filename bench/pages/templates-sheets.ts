/** The workflow launcher's own stylesheet, for the template baselines. */
import { baseStyles } from '../../src/elements/base/base.styles.js';
import { workflowLauncherStyles } from '../../src/elements/workflow-launcher/workflow-launcher.styles.js';

let sheet: CSSStyleSheet | undefined;

export function templatesSheets(): CSSStyleSheet[] {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync([baseStyles, workflowLauncherStyles].map((s) => s.cssText).join('\n'));
  }
  return [sheet];
}
