// Plain JavaScript, no build: wire the record list to the launcher and log every event.
const launcher = document.querySelector('paperos-workflow-launcher');
const log = document.querySelector('#log');
document.addEventListener('paperos-record-select', (event) => {
  launcher.records = [event.detail.workflowRecord];
});
for (const name of [
  'paperos-load',
  'paperos-error',
  'paperos-workflow-start',
  'paperos-workflow-started',
  'paperos-document-open',
  'paperos-sign',
  'paperos-record-select',
]) {
  document.addEventListener(name, (event) => {
    log.textContent =
      `${new Date().toLocaleTimeString()}  ${name}  ${JSON.stringify(event.detail ?? {}).slice(0, 120)}\n` +
      log.textContent;
  });
}
