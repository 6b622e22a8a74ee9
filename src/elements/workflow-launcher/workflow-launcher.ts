import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import type { Workflow, WorkflowRecordRef, WorkflowTemplate } from '../../client/types.js';
import { listWorkflowTemplates, listWorkflows, startWorkflow } from '../../client/workflows.js';
import { baseStyles } from '../base/base.styles.js';
import { filterField } from '../base/filter-field.js';
import { formatCount } from '../base/format.js';
import { PaperOSElement } from '../base/paperos-element.js';
import { RovingFocusController } from '../base/roving-focus.js';
import { arrange, collapsible, fold, lastCall, visibleRows, type Arranged } from './catalog.js';
import { PaperOSWorkflowStartEvent, PaperOSWorkflowStartedEvent } from './events.js';
import {
  pendingWorkflow,
  reveal,
  startedRows,
  startedSection,
  templateRow,
  type PendingWorkflow,
  type StartState,
} from './launcher-templates.js';
import { TickerController } from './ticker.js';
import { workflowLauncherStyles } from './workflow-launcher.styles.js';

interface Loaded {
  org: string;
  templates: WorkflowTemplate[];
  workflows: Workflow[];
}

/**
 * @tagname paperos-workflow-launcher
 * @summary Lets the user find a PaperOS workflow (Entity Setup, Onboard Employees, ...) in a compact catalog, start it, and see the ones started.
 *
 * The workflow templates and the started workflows are fetched together. The
 * catalog is one row per template in a box that scrolls inside the element,
 * which is at most `--paperos-launcher-max-height` tall; the search field
 * above it filters by label and description as you type (accents and case
 * ignored) and says how many match. The list is one Tab stop: the arrow keys,
 * Home and End move between rows, Enter (or the row's Start button) starts
 * one. `templates` chooses which templates are offered and in what order;
 * `featured` pins a few on top, the rest behind "Show all N workflows" when
 * the list is long.
 *
 * "Start" fires the cancelable `paperos-workflow-start`, then sends exactly
 * one request (a double click or a held Enter cannot start two), fires
 * `paperos-workflow-started`, and shows the new workflow at the top of the
 * Started section (newest first, status in words, "2 minutes ago"), announced
 * and scrolled into view. A failed start is shown next to its template and can
 * be tried again. `refresh()` revalidates the templates and the started
 * workflows past the page cache, as a start does by itself; the lists stay
 * while it runs.
 *
 * @slot loading - Replaces the loading message.
 * @slot empty - Replaces the "no workflows" message.
 * @slot error - Replaces the error message (the Retry button stays).
 *
 * @csspart loading - The loading state (`role="status"`).
 * @csspart empty - The empty state.
 * @csspart error - The error state (`role="alert"`).
 * @csspart retry-button - The error state's Retry button.
 * @csspart catalog - The catalog: heading, search field, count, templates and toggle.
 * @csspart filter - The search field.
 * @csspart match-count - How many templates match (`role="status"`).
 * @csspart templates - The list of templates (the box that scrolls).
 * @csspart template - One template.
 * @csspart template-label - A template's label.
 * @csspart template-description - A template's description (two lines; all of it while the row has focus).
 * @csspart start-button - A template's Start button.
 * @csspart start-status - A start's progress or failure (`role="status"` or `role="alert"`).
 * @csspart show-all - The "Show all N workflows" toggle (with `featured`).
 * @csspart started-section - The Started section.
 * @csspart start-announcement - Says which workflow was just started (`role="status"`).
 * @csspart started - The list of started workflows, newest first.
 * @csspart workflow - One started workflow.
 * @csspart workflow-label - A started workflow's label.
 * @csspart workflow-link - The label as a link (with `workflow-href`).
 * @csspart workflow-status - A started workflow's status, in words.
 * @csspart workflow-time - When a started workflow started ("2 minutes ago"), the date in its title.
 * @csspart link-unavailable - The note after a label whose link the URL policy refused.
 *
 * @cssprop --paperos-launcher-max-height - The element's greatest height; the lists scroll inside it (default 28rem).
 * @cssprop --paperos-color-accent - Buttons and the focus ring.
 * @cssprop --paperos-color-accent-text - Text on accent backgrounds.
 * @cssprop --paperos-color-text - Text.
 * @cssprop --paperos-color-muted - Descriptions and dates.
 * @cssprop --paperos-color-surface - Backgrounds.
 * @cssprop --paperos-color-border - Borders.
 * @cssprop --paperos-color-danger - Errors.
 * @cssprop --paperos-color-success - Started confirmations and completed workflows.
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
    featured: { reflect: true },
    workflowHref: { attribute: 'workflow-href', reflect: true },
    records: { attribute: false },
    autoSubmit: { type: Boolean, attribute: 'auto-submit', reflect: true },
    filter: {},
    expanded: { state: true, attribute: false },
    starts: { state: true, attribute: false },
  };

  static override styles = [baseStyles, workflowLauncherStyles];

  /** Comma-separated flow ids to offer (`flow_...`), in the order to show them; empty offers every template. */
  declare templates?: string;

  /** Comma-separated flow ids shown first; when the list is long, the rest wait behind "Show all N workflows". */
  declare featured?: string;

  /** URL of a started workflow, `{id}` standing for its id (`https://app.paperos.com/workflows/{id}`); links pass the URL policy. */
  declare workflowHref?: string;

  /** Records to prefill the started workflow with, `[{role, id}]` (from `paperos-record-select`'s `workflowRecord`). */
  records: WorkflowRecordRef[] = [];

  /** Asks PaperOS to submit the workflow's first forms with the given records. */
  autoSubmit = false;

  /** The search text: templates whose label or description contains it, accents and case ignored. */
  filter = '';

  /** "Show all" was chosen. */
  private expanded = false;
  private starts = new Map<string, StartState>();

  /** Template ids with a start in flight: checked synchronously, so a second click or key repeat starts nothing. */
  readonly #inFlight = new Set<string>();
  /** Workflows started here (with their org) that the last load did not list yet. */
  #pending: PendingWorkflow[] = [];
  /** The workflow started last here: announced, highlighted and, once, scrolled into view. */
  #fresh?: { org: string; id: string; label: string; reveal: boolean };

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
    (loaded) => this.#catalog(loaded.templates).all.length,
  );

  readonly #roving = new RovingFocusController<WorkflowTemplate>(this, {
    rows: () => this.#rows,
    key: (t) => t.id,
    itemSelector: '[part~="start-button"]',
  });

  readonly #startedRoving = new RovingFocusController<Workflow>(this, {
    rows: () => this.#startedRows,
    key: (w) => w.id,
    itemSelector: '[part~="workflow"]',
  });

  readonly #ticker = new TickerController(this, () => this.#startedRows.length > 0);

  readonly #arrange = lastCall(arrange);
  readonly #visibleRows = lastCall(visibleRows);
  readonly #startedRowsOf = lastCall(startedRows);

  #catalog(templates: WorkflowTemplate[]): Arranged {
    return this.#arrange(templates, this.templates, this.featured);
  }

  /** The template rows on screen, one array per change (for the roving focus). */
  get #rows(): WorkflowTemplate[] {
    const value = this.#dataTask.value;
    if (!value) return [];
    const arranged = this.#catalog(value.templates);
    const query = fold(this.filter.trim());
    return this.#visibleRows(arranged, query, !query && !this.expanded && collapsible(arranged));
  }

  /** The started workflows, newest first, with the ones started here that the last load did not list yet. */
  get #startedRows(): Workflow[] {
    const { workflows = [], org } = this.#dataTask.value ?? {};
    return this.#startedRowsOf(workflows, this.#pending, org);
  }

  protected override render(): TemplateResult {
    const task = this.#dataTask;
    if (task.status === TaskStatus.ERROR) return this.renderError(task.error, () => void task.run());
    // The lists stay on screen while they refresh after a start.
    const value = this.shown(task);
    if (!value) return this.renderLoading(msg('Loading workflows…'));
    const arranged = this.#catalog(value.templates);
    const started = this.#startedRows;
    if (arranged.all.length === 0 && started.length === 0)
      return this.renderEmpty(msg('No workflows are available yet. Ask your PaperOS administrator to add one.'));
    return html`${this.#renderStarted(started, value.templates)}${
      arranged.all.length ? this.#renderCatalog(arranged) : nothing
    }`;
  }

  /** The list has tabindex="-1": Firefox would make its scroll box a Tab stop of its own. */
  #renderCatalog(arranged: Arranged): TemplateResult {
    const rows = this.#rows;
    const query = this.filter.trim();
    const total = arranged.all.length;
    const count = query
      ? msg(str`${formatCount(rows.length, this.locale)} of ${formatCount(total, this.locale)} workflows match`)
      : total === 1
        ? msg('1 workflow')
        : msg(str`${formatCount(total, this.locale)} workflows`);
    const toggle = !query && collapsible(arranged);
    return html`<section part="catalog" class="catalog" aria-labelledby="catalog-heading">
      <h3 class="heading" id="catalog-heading">${msg('Start a workflow')}</h3>
      <div class="toolbar">
        ${filterField(msg('Search workflows'), this.filter, (v) => (this.filter = v), this.#onSearchKeydown)}
        <span part="match-count" class="count" role="status">${count}</span>
      </div>
      ${
        rows.length
          ? html`<ul
              part="templates"
              class="templates scroll-fade"
              id="templates"
              tabindex="-1"
              aria-labelledby="catalog-heading"
              @keydown=${(e: KeyboardEvent) => this.#roving.onKeydown(e)}
              @focusin=${(e: FocusEvent) => this.#roving.onFocusin(e)}
              @click=${this.#onListClick}
            >
              ${repeat(
                rows,
                (t) => t.id,
                (t, index) =>
                  templateRow(t, {
                    tab: this.#roving.tabIndex(t),
                    index,
                    start: this.starts.get(t.id),
                    onClick: this.#onStartClick(t),
                    onKeydown: this.#onStartKeydown,
                  }),
              )}
            </ul>`
          : html`<p class="no-matches">${msg(str`No workflows match “${query}”.`)}</p>`
      }
      ${
        toggle
          ? html`<button
              part="show-all"
              class="button button--quiet show-all"
              type="button"
              aria-expanded=${this.expanded ? 'true' : 'false'}
              aria-controls="templates"
              @click=${() => (this.expanded = !this.expanded)}
            >
              ${this.expanded ? msg('Show featured workflows only') : msg(str`Show all ${formatCount(total, this.locale)} workflows`)}
            </button>`
          : nothing
      }
    </section>`;
  }

  #renderStarted(workflows: Workflow[], templates: WorkflowTemplate[]): TemplateResult {
    return startedSection(workflows, {
      count: formatCount(workflows.length, this.locale),
      // Not in another organization's list.
      fresh: this.#fresh?.org === this.#dataTask.value?.org ? this.#fresh : undefined,
      tabIndex: (w) => this.#startedRoving.tabIndex(w),
      labelOf: (w) => w.label || templates.find((t) => t.id === w.template_id)?.label || w.template_id,
      hrefTemplate: this.workflowHref || undefined,
      baseUrl: this.settings.baseUrl,
      host: this,
      locale: this.locale,
      now: this.#ticker.now,
      onKeydown: this.#onStartedKeydown,
      onFocusin: (e) => this.#startedRoving.onFocusin(e),
    });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const fresh = this.#fresh;
    if (!fresh?.reveal) return;
    const row = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="workflow"]')].find(
      (r) => r.dataset.key === fresh.id,
    );
    if (!row) return;
    fresh.reveal = false;
    reveal(row);
    // The Started list grew and the catalog gave way: the focused row stays in view.
    this.shadowRoot!.activeElement?.closest('[part~="template"]')?.scrollIntoView({ block: 'nearest' });
  }

  /** ArrowDown in the search field goes to the list. */
  readonly #onSearchKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowDown' || this.#rows.length === 0) return;
    event.preventDefault();
    this.#roving.moveTo(this.#roving.activeIndex);
  };

  /** A click on a row's text focuses its Start button: the row is chosen (its description shows in full), nothing starts. */
  readonly #onListClick = (event: MouseEvent): void => {
    const target = event.target as Element;
    if (target.closest('button, a')) return;
    target.closest('[part~="template"]')?.querySelector<HTMLElement>('[part~="start-button"]')?.focus();
  };

  /** Enter on a started workflow's row follows its link. */
  readonly #onStartedKeydown = (event: KeyboardEvent): void => {
    if (this.#startedRoving.onKeydown(event) || event.key !== 'Enter') return;
    const link = (event.target as Element).querySelector?.<HTMLAnchorElement>(':scope > a');
    if (link && event.target !== link) link.click();
  };

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
      this.#pending = [...this.#pending, pendingWorkflow(loaded.org, workflowId, template)];
      this.#fresh = { org: loaded.org, id: workflowId, label: template.label, reveal: true };
      this.#setStart(template.id);
      const started = new PaperOSWorkflowStartedEvent(workflowId, template.id);
      this.dispatchEvent(started);
      // Revalidate both lists, showing the current ones meanwhile.
      void this.refresh();
    } catch (error) {
      const reported = this.reportFailure(error);
      this.#setStart(
        template.id,
        reported && {
          phase: 'failed',
          summary: msg(str`${template.label} was not started. ${reported.summary}`),
          detail: reported.detail,
        },
      );
    } finally {
      this.#inFlight.delete(template.id);
    }
  }

  #setStart(id: string, start?: StartState): void {
    const starts = new Map(this.starts);
    if (start) starts.set(id, start);
    else starts.delete(id);
    this.starts = starts;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paperos-workflow-launcher': PaperOSWorkflowLauncher;
  }
}
