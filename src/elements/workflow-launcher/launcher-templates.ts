/** The launcher's rows: a template of the catalog and a started workflow. API data only as text; links through the URL policy. */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { Workflow, WorkflowTemplate } from '../../client/types.js';
import { formatDateTime } from '../base/format.js';
import { checkLink } from '../base/link-policy.js';
import { statusWord, timeAgo } from './status.js';

/** A start in progress or failed, per template. */
export type StartState = { phase: 'starting' } | { phase: 'failed'; summary: string; detail?: string };

export interface TemplateRowContext {
  /** The roving tabindex of the row's Start button: 0 for the list's one Tab stop. */
  tab: 0 | -1;
  index: number;
  start: StartState | undefined;
  onClick: (event: MouseEvent) => void;
  onKeydown: (event: KeyboardEvent) => void;
}

/**
 * A template: its label, its description (two lines, all of it while the row
 * has focus) and its one Start button, which carries the row's key and the
 * roving tabindex, so the list is one Tab stop and Enter on a row starts it.
 */
export function templateRow(template: WorkflowTemplate, at: TemplateRowContext): TemplateResult {
  const { start } = at;
  const busy = start?.phase === 'starting';
  const described = template.description ? `d${at.index}` : undefined;
  return html`<li part="template" class="template">
    <div class="template-text">
      <span part="template-label" class="template-label">${template.label}</span>
      ${
        described
          ? html`<span part="template-description" class="template-description" id=${described}
              >${template.description}</span
            >`
          : nothing
      }
    </div>
    <button
      part="start-button"
      class="button start"
      type="button"
      data-key=${template.id}
      tabindex=${at.tab}
      aria-disabled=${busy ? 'true' : 'false'}
      aria-label=${msg(str`Start ${template.label}`)}
      aria-describedby=${described ?? nothing}
      @click=${at.onClick}
      @keydown=${at.onKeydown}
    >
      ${busy ? msg('Starting…') : msg('Start')}
    </button>
    ${start ? startState(start) : nothing}
  </li>`;
}

function startState(start: StartState): TemplateResult {
  switch (start.phase) {
    case 'starting':
      return html`<p part="start-status" class="start-status" role="status">${msg('Starting…')}</p>`;
    case 'failed':
      return html`<div part="start-status" class="start-status start-status--error" role="alert">
        <p>${start.summary}</p>
        ${start.detail ? html`<p class="detail">${start.detail}</p>` : nothing}
      </div>`;
  }
}

interface StartedRowContext {
  tab: 0 | -1;
  label: string;
  /** The `workflow-href` template, `{id}` standing for the workflow's id. */
  hrefTemplate: string | undefined;
  baseUrl: string;
  host: ReactiveControllerHost;
  locale: string;
  now: number;
  /** Started in this session, just now: highlighted. */
  fresh: boolean;
}

/** A started workflow: its label (a link with `workflow-href`), its status as words, how long ago it started. */
function startedRow(workflow: Workflow, at: StartedRowContext): TemplateResult {
  const status = statusWord(workflow.status);
  const url = at.hrefTemplate ? at.hrefTemplate.replaceAll('{id}', encodeURIComponent(workflow.id)) : undefined;
  const { href, note, id } = checkLink(url, at.baseUrl, at.host);
  const when = workflow.created_at || workflow.updated_at;
  return html`<li
    part="workflow"
    class="workflow ${at.fresh ? 'workflow--new' : ''}"
    data-key=${workflow.id}
    tabindex=${at.tab}
    aria-describedby=${id}
  >
    ${
      href
        ? html`<a part="workflow-label workflow-link" class="workflow-label" href=${href} tabindex=${at.tab}
            >${at.label}</a
          >`
        : html`<span part="workflow-label" class="workflow-label">${at.label}</span>${note}`
    }
    <span part="workflow-status" class="chip chip--${status.kind}">${status.text}</span>
    <time part="workflow-time" class="workflow-time" datetime=${when} title=${formatDateTime(when, at.locale)}
      >${timeAgo(when, at.now, at.locale)}</time
    >
  </li>`;
}

/** A workflow started here, with its org, shown until a load lists it. */
export type PendingWorkflow = Workflow & { org: string };

const newestFirst = (a: Workflow, b: Workflow): number =>
  (Date.parse(b.created_at) || 0) - (Date.parse(a.created_at) || 0);

/** The started workflows, newest first, with the ones started here (in this org) that the load did not list yet. */
export function startedRows(workflows: Workflow[], pending: PendingWorkflow[], org: string | undefined): Workflow[] {
  const listed = new Set(workflows.map((w) => w.id));
  return [...pending.filter((w) => w.org === org && !listed.has(w.id)), ...workflows].sort(newestFirst);
}

/**
 * Brings a started workflow's row into view: to the top of the Started list,
 * and, if it is not on screen, the least page scroll that shows it.
 */
export function reveal(row: HTMLElement): void {
  const list = row.parentElement!;
  list.scrollTop = row.offsetTop - list.offsetTop - list.clientTop;
  const box = row.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight) row.scrollIntoView({ block: 'nearest' });
}

/** A workflow PaperOS has just started from `template` (open, now), shown at once until a load lists it. */
export function pendingWorkflow(org: string, id: string, template: WorkflowTemplate): PendingWorkflow {
  const now = new Date().toISOString();
  return { org, id, label: template.label, template_id: template.id, status: 'open', created_at: now, updated_at: now };
}

export interface StartedSectionContext extends Omit<StartedRowContext, 'tab' | 'label' | 'fresh'> {
  /** The number of workflows, formatted. */
  count: string;
  /** The workflow started last here: announced and highlighted. */
  fresh: { id: string; label: string } | undefined;
  tabIndex(workflow: Workflow): 0 | -1;
  labelOf(workflow: Workflow): string;
  onKeydown(event: KeyboardEvent): void;
  onFocusin(event: FocusEvent): void;
}

/**
 * The Started section: its heading, the announcement of a start
 * (`role="status"`, always there so that screen readers hear it change) and
 * the list, one Tab stop (`tabindex="-1"` on the list: Firefox would make the
 * scroll box a Tab stop of its own).
 */
export function startedSection(workflows: Workflow[], at: StartedSectionContext): TemplateResult {
  const { fresh } = at;
  return html`<section part="started-section" class="started-section" aria-labelledby="started-heading">
    <h3 class="heading" id="started-heading">${msg(str`Started workflows (${at.count})`)}</h3>
    <p part="start-announcement" class="announcement" role="status">
      ${fresh ? msg(str`${fresh.label} started.`) : nothing}
    </p>
    ${
      workflows.length
        ? html`<ul
            part="started"
            class="started scroll-fade"
            tabindex="-1"
            aria-labelledby="started-heading"
            @keydown=${at.onKeydown}
            @focusin=${at.onFocusin}
          >
            ${repeat(
              workflows,
              (w) => w.id,
              (w) => startedRow(w, { ...at, tab: at.tabIndex(w), label: at.labelOf(w), fresh: w.id === fresh?.id }),
            )}
          </ul>`
        : html`<p class="none-started">${msg('None started yet.')}</p>`
    }
  </section>`;
}
