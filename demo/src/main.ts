// The demo page: every element under one provider, wired together.
import '../../src/index.js';
import { logEvents, loadConfig, tokenUrlFor } from './shared.js';

const provider = document.querySelector('paperos-provider')!;
const launcher = document.querySelector('paperos-workflow-launcher')!;
const orgSelect = document.querySelector<HTMLSelectElement>('#org')!;
const prefill = document.querySelector('#prefill')!;

// The elements start loading at once, before the config: the demo's origin is
// PaperOS's, and a token URL without an org gives the example org, which the
// selector lists first. (Waiting for the config would show the elements'
// "no organization" error for a moment, then their loading state.)
provider.baseUrl = location.origin;
provider.tokenUrl = tokenUrlFor();
const config = await loadConfig();
if (config.paperosUrl !== location.origin) provider.baseUrl = config.paperosUrl;

function useOrg(orgId: string): void {
  provider.baseUrl = config.paperosUrl;
  provider.orgId = orgId;
  provider.tokenUrl = tokenUrlFor(orgId);
  launcher.records = [];
  prefill.textContent = 'No record chosen: workflows start empty.';
}

for (const org of config.orgs) orgSelect.append(new Option(org.name, org.id));
orgSelect.addEventListener('change', () => useOrg(orgSelect.value));

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
