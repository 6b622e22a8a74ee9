// The page script for the strict-CSP test (bundled with every element's
// define module, provider first): listens from an external module, so the page
// needs no inline script or style, and reports every CSP violation.
export {};

declare global {
  interface Window {
    violations: string[];
    events: string[];
    errors: string[];
  }
}

window.violations = [];
window.events = [];
window.errors = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
});
window.addEventListener('error', (e) => window.errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.errors.push(String(e.reason)));
for (const name of [
  'paperos-load',
  'paperos-error',
  'paperos-workflow-start',
  'paperos-workflow-started',
  'paperos-document-open',
  'paperos-sign',
  'paperos-record-select',
  'paperos-record-save',
]) {
  document.addEventListener(name, (e) => {
    window.events.push(name);
    // Keep the test on this page: links are checked, not followed.
    if (name === 'paperos-document-open' || name === 'paperos-sign') e.preventDefault();
  });
}
