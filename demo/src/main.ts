// The demo page: every element under one provider, wired together.
import '../../src/index.js';
import { logEvents, loadConfig, tokenUrlFor } from './shared.js';

const config = await loadConfig();
const provider = document.querySelector('paperos-provider')!;
const launcher = document.querySelector('paperos-workflow-launcher')!;
const orgSelect = document.querySelector<HTMLSelectElement>('#org')!;
const prefill = document.querySelector('#prefill')!;

function useOrg(orgId: string): void {
  provider.baseUrl = config.paperosUrl;
  provider.orgId = orgId;
  provider.tokenUrl = tokenUrlFor(orgId);
  launcher.records = [];
  prefill.textContent = 'No record chosen: workflows start empty.';
}

for (const org of config.orgs) orgSelect.append(new Option(org.name, org.id));
orgSelect.addEventListener('change', () => useOrg(orgSelect.value));
useOrg(config.orgs[0].id);

// A record chosen in the record list prefills the next workflow started.
provider.addEventListener('paperos-record-select', (event) => {
  launcher.records = [event.detail.workflowRecord];
  prefill.textContent = `Prefill: ${event.detail.record.name} as “${event.detail.workflowRecord.role}”.`;
});

document.querySelector<HTMLSelectElement>('#theme')!.addEventListener('change', (event) => {
  document.documentElement.dataset.theme = (event.target as HTMLSelectElement).value;
});
document.querySelector<HTMLSelectElement>('#locale')!.addEventListener('change', (event) => {
  document.documentElement.lang = (event.target as HTMLSelectElement).value;
});

logEvents(document.querySelector('#log')!);
