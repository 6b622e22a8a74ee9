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

// Theme and language, each from its selector or the page's address (?theme=dark&lang=de),
// which follows the selectors so that a view can be linked to.
const applied = {
  theme: (value: string) => (document.documentElement.dataset.theme = value),
  lang: (value: string) => (document.documentElement.lang = value),
};
for (const [param, id] of [
  ['theme', '#theme'],
  ['lang', '#locale'],
] as const) {
  const select = document.querySelector<HTMLSelectElement>(id)!;
  const asked = new URLSearchParams(location.search).get(param);
  if (asked && [...select.options].some((option) => option.value === asked)) select.value = asked;
  applied[param](select.value);
  select.addEventListener('change', () => {
    applied[param](select.value);
    const url = new URL(location.href);
    url.searchParams.set(param, select.value);
    history.replaceState(null, '', url);
  });
}

logEvents(document.querySelector('#log')!);
