import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import type { Workflow, WorkflowRecordRef, WorkflowTemplate } from '../../client/types.js';
import { listWorkflowTemplates, listWorkflows, startWorkflow } from '../../client/workflows.js';
import { baseStyles } from '../base/base.styles.js';
import { formatCount, formatDateTime } from '../base/format.js';
import { PaperOSElement } from '../base/paperos-element.js';
import { PaperOSWorkflowStartEvent, PaperOSWorkflowStartedEvent } from './events.js';
import { workflowLauncherStyles } from './workflow-launcher.styles.js';

interface Loaded {
  org: string;
  templates: WorkflowTemplate[];
  workflows: Workflow[];
}

type StartState =
  | { phase: 'starting' }
  | { phase: 'started'; workflowId: string }
  | { phase: 'failed'; summary: string; detail?: string };

/** `"flow_a, flow_b"` -> `["flow_a", "flow_b"]`; empty means every template. */
function parseTemplateIds(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

/**
 * @tagname paperos-workflow-launcher
 * @summary Lets the user pick a PaperOS workflow (Entity Setup, Onboard Employees, ...) and start it, and shows the ones already started.
 *
 * The workflow templates and the started workflows are fetched together. A
 * filter narrows the templates by label and description; `templates` limits
 * which are offered. "Start" fires the cancelable `paperos-workflow-start`,
 * then sends exactly one request (a double click or a held Enter cannot start
 * two), shows progress, fires `paperos-workflow-started` and refreshes the
 * started list. A failed start is shown next to its template and can be tried again.
`refresh()` revalidates the templates and the started workflows past the
page cache, as a start does by itself; the lists stay while it runs.
 *
 * @slot loading - Replaces the loading message.
 * @slot empty - Replaces the "no workflows" message.
 * @slot error - Replaces the error message (the Retry button stays).
 *
 * @csspart loading - The loading state (`role="status"`).
 * @csspart empty - The empty state.
 * @csspart error - The error state (`role="alert"`).
 * @csspart retry-button - The error state's Retry button.
 * @csspart filter - The filter text field.
 * @csspart templates - The list of templates.
 * @csspart template - One template.
 * @csspart template-label - A template's label.
 * @csspart template-description - A template's description.
 * @csspart start-button - A template's Start button.
 * @csspart start-status - A start's progress, result or failure (`role="status"` or `role="alert"`).
 * @csspart started - The list of started workflows.
 * @csspart workflow - One started workflow.
 * @csspart workflow-status - A started workflow's status.
 * @csspart workflow-updated - When a started workflow last changed, in the user's locale.
 *
 * @cssprop --paperos-color-accent - Buttons and the focus ring.
 * @cssprop --paperos-color-accent-text - Text on accent backgrounds.
 * @cssprop --paperos-color-text - Text.
 * @cssprop --paperos-color-muted - Descriptions and dates.
 * @cssprop --paperos-color-surface - Backgrounds.
 * @cssprop --paperos-color-border - Borders.
 * @cssprop --paperos-color-danger - Errors.
 * @cssprop --paperos-color-success - Started confirmations.
 * @cssprop --paperos-focus-ring - The focus outline.
 * @cssprop --paperos-radius - Corner radius.
 * @cssprop --paperos-space - Spacing unit.
 * @cssprop --paperos-font - Font (inherits the page's by default).
 * @cssprop --paperos-loading-height - Height the loading state reserves (default: skeleton rows of the real row height, as many as the last load had, else three).
 *
 * @fires paperos-workflow-start - Cancelable; `{templateId, records, autoSubmit}` before a workflow is started.
 * @fires paperos-workflow-started - `{workflowId, templateId}` once PaperOS has started it.
 * @fires paperos-load - `{count}` (templates offered) once loaded.
 * @fires paperos-error - `{status, code, message}` when loading or starting fails.
 */
export class PaperOSWorkflowLauncher extends PaperOSElement {
  /** Reactive properties (static, not decorated: the decorators' code stays out of the bundle). */
  static override properties: PropertyDeclarations = {
    // A `state` entry says `attribute: false` too: the manifest analyzer would list it as an attribute.
    templates: { reflect: true },
    records: { attribute: false },
    autoSubmit: { type: Boolean, attribute: 'auto-submit', reflect: true },
    filter: {},
    starts: { state: true, attribute: false },
  };

  static override styles = [baseStyles, workflowLauncherStyles];

  /** Comma-separated flow ids to offer (`flow_...`); empty offers every template. */
  declare templates?: string;

  /** Records to prefill the started workflow with, `[{role, id}]` (from `paperos-record-select`'s `workflowRecord`). */
  records: WorkflowRecordRef[] = [];

  /** Asks PaperOS to submit the workflow's first forms with the given records. */
  autoSubmit = false;

  /** Text filter over template labels and descriptions, case-insensitive. */
  filter = '';

  private starts = new Map<string, StartState>();

  /** Template ids with a start in flight: checked synchronously, so a second click or key repeat starts nothing. */
  readonly #inFlight = new Set<string>();

  readonly #dataTask = this.dataTask(
    () => [this.client, this.settings.orgId] as const,
    async ([client, orgId], { signal, cache, previous }): Promise<Loaded> => {
      const org = await this.resolveOrgId(client, orgId, signal);
      // Independent requests go out together.
      const [templates, workflows] = await Promise.all([
        listWorkflowTemplates(client, org, { signal, cache }),
        listWorkflows(client, org, { signal, cache }),
      ]);
      // Unchanged (304s): the same value, so nothing on screen changes.
      const same = previous?.org === org && previous.templates === templates && previous.workflows === workflows;
      return same ? previous : { org, templates, workflows };
    },
    (loaded) => this.#offered(loaded.templates).length,
  );

  #offered(templates: WorkflowTemplate[]): WorkflowTemplate[] {
    const ids = parseTemplateIds(this.templates);
    return ids.length ? templates.filter((t) => ids.includes(t.id)) : templates;
  }

  protected override render(): TemplateResult {
    const task = this.#dataTask;
    if (task.status === TaskStatus.ERROR) return this.renderError(task.error, () => void task.run());
    // The lists stay on screen while they refresh after a start.
    const value = this.shown(task);
    if (!value) return this.renderLoading(msg('Loading workflows…'));
    const offered = this.#offered(value.templates);
    if (offered.length === 0 && value.workflows.length === 0)
      return this.renderEmpty(msg('No workflows are available yet. Ask your PaperOS administrator to add one.'));
    const query = this.filter.trim().toLowerCase();
    const shown = query ? offered.filter((t) => `${t.label} ${t.description}`.toLowerCase().includes(query)) : offered;
    return html`
      ${
        offered.length
          ? html`<label class="field">
                <span>${msg('Filter workflows')}</span>
                <input
                  part="filter"
                  type="search"
                  autocomplete="off"
                  .value=${this.filter}
                  @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)}
                />
              </label>
              <h3 class="heading">${msg('Start a workflow')}</h3>
              ${
                shown.length
                  ? html`<ul part="templates" class="templates">
                      ${repeat(
                        shown,
                        (t) => t.id,
                        (t) => this.#renderTemplate(t),
                      )}
                    </ul>`
                  : html`<p class="no-matches">${msg(str`No workflows match “${this.filter.trim()}”.`)}</p>`
              }`
          : nothing
      }
      ${this.#renderStarted(value.workflows)}
    `;
  }

  #renderTemplate(template: WorkflowTemplate): TemplateResult {
    const start = this.starts.get(template.id);
    const busy = start?.phase === 'starting';
    return html`<li part="template" class="template">
      <div class="template-text">
        <span part="template-label" class="template-label">${template.label}</span>
        ${
          template.description
            ? html`<span part="template-description" class="template-description">${template.description}</span>`
            : nothing
        }
      </div>
      <button
        part="start-button"
        class="button"
        type="button"
        aria-disabled=${busy ? 'true' : 'false'}
        aria-label=${msg(str`Start ${template.label}`)}
        @click=${this.#onStartClick(template)}
        @keydown=${this.#onStartKeydown}
      >
        ${busy ? msg('Starting…') : msg('Start')}
      </button>
      ${start ? this.#renderStartState(start) : nothing}
    </li>`;
  }

  #renderStartState(start: StartState): TemplateResult {
    switch (start.phase) {
      case 'starting':
        return html`<p part="start-status" class="start-status" role="status">${msg('Starting…')}</p>`;
      case 'started':
        return html`<p part="start-status" class="start-status start-status--ok" role="status">${msg('Started.')}</p>`;
      case 'failed':
        return html`<div part="start-status" class="start-status start-status--error" role="alert">
          <p>${start.summary}</p>
          ${start.detail ? html`<p class="detail">${start.detail}</p>` : nothing}
        </div>`;
    }
  }

  #renderStarted(workflows: Workflow[]): TemplateResult {
    return html`<h3 class="heading">${msg(str`Started workflows (${formatCount(workflows.length, this.locale)})`)}</h3>
      ${
        workflows.length
          ? html`<ul part="started" class="started">
              ${repeat(
                workflows,
                (w) => w.id,
                (w) =>
                  html`<li part="workflow" class="workflow">
                    <span class="workflow-label">${w.label || w.template_id}</span>
                    <span part="workflow-status" class="workflow-status">${w.status}</span>
                    <span part="workflow-updated" class="workflow-updated"
                      >${formatDateTime(w.updated_at, this.locale)}</span
                    >
                  </li>`,
              )}
            </ul>`
          : html`<p class="none-started">${msg('None started yet.')}</p>`
      }`;
  }

  /**
   * The second click of a double click (`detail` 2) is not a second start, even
   * when the first start already finished; keyboard and scripted clicks have
   * `detail` 0.
   */
  #onStartClick(template: WorkflowTemplate) {
    return (event: MouseEvent) => {
      if (event.detail <= 1) void this.#start(template);
    };
  }

  /** Enter held down repeats its keydown, and each would click: only the first does. */
  readonly #onStartKeydown = (event: KeyboardEvent): void => {
    if (event.repeat && event.key === 'Enter') event.preventDefault();
  };

  async #start(template: WorkflowTemplate): Promise<void> {
    const loaded = this.#dataTask.value;
    if (!loaded || this.#inFlight.has(template.id)) return;
    const records = this.records.map(({ role, id }) => ({ role, id }));
    const event = new PaperOSWorkflowStartEvent(template.id, records, this.autoSubmit);
    if (!this.dispatchEvent(event)) return;
    this.#inFlight.add(template.id);
    this.#setStart(template.id, { phase: 'starting' });
    try {
      const { workflowId } = await startWorkflow(this.client, loaded.org, {
        flowId: template.id,
        records: records.length ? records : undefined,
        autoSubmit: this.autoSubmit || undefined,
      });
      this.#setStart(template.id, { phase: 'started', workflowId });
      const started = new PaperOSWorkflowStartedEvent(workflowId, template.id);
      this.dispatchEvent(started);
      // Revalidate the started workflows, showing the current lists meanwhile.
      void this.refresh();
    } catch (error) {
      const reported = this.reportFailure(error);
      if (!reported) {
        this.starts.delete(template.id);
        this.requestUpdate();
      } else {
        const { summary, detail } = reported;
        this.#setStart(template.id, {
          phase: 'failed',
          summary: msg(str`${template.label} was not started. ${summary}`),
          detail,
        });
      }
    } finally {
      this.#inFlight.delete(template.id);
    }
  }

  #setStart(id: string, start: StartState): void {
    this.starts = new Map(this.starts).set(id, start);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paperos-workflow-launcher': PaperOSWorkflowLauncher;
  }
}
