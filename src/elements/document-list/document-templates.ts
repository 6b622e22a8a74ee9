/** The document list's templates: the toolbar, a notice and the two kinds of row. API data only as text. */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { DocumentRecipient } from '../../client/types.js';
import { formatCount } from '../base/format.js';
import { checkLink } from '../base/link-policy.js';
import { documentCount, statusOf } from './document-format.js';
import { fileType, recipientsOf, type DocEntry, type FolderNode } from './tree.js';

/** Where a row sits and how it is shown: the same for folders and documents. */
export interface RowContext {
  /** The roving tabindex: 0 for the tree's one Tab stop. */
  tab: 0 | -1;
  level: number;
  posinset: number;
  setsize: number;
  locale: string;
  baseUrl: string;
  /** Renders again once a refused link's note has loaded. */
  host: ReactiveControllerHost;
}

/** A folder row: its name and (matching) document count, `aria-expanded`. */
export function folderRow(row: FolderNode, at: RowContext, expanded: boolean, shown: number): TemplateResult {
  return html`<div
    role="treeitem"
    part="folder"
    class="row row--folder"
    data-key=${row.key}
    aria-level=${at.level}
    aria-posinset=${at.posinset}
    aria-setsize=${at.setsize}
    aria-expanded=${expanded ? 'true' : 'false'}
    aria-label=${msg(str`${row.name}, ${documentCount(shown, at.locale)}`)}
    tabindex=${at.tab}
  >
    <span class="twisty" aria-hidden="true"></span>
    <span part="folder-name" class="name">${row.name}</span>
    <span part="folder-count" class="count" aria-hidden="true">${formatCount(shown, at.locale)}</span>
  </div>`;
}

/** A document row: type, filename (a link when its URL passes the URL policy), recipients. */
export function documentRow(row: DocEntry, at: RowContext): TemplateResult {
  const name = row.name || msg('Untitled document');
  const { href, note, id } = checkLink(row.doc.url, at.baseUrl, at.host);
  const recipients = recipientsOf(row.doc);
  return html`<div
    role="treeitem"
    part="document"
    class="row row--doc"
    data-key=${row.key}
    aria-level=${at.level}
    aria-posinset=${at.posinset}
    aria-setsize=${at.setsize}
    aria-describedby=${id}
    tabindex=${at.tab}
  >
    <span part="type" class="type">${fileType(row.name) || msg('File')}</span>
    ${
      href
        ? html`<a
            part="filename download"
            class="name"
            href=${href}
            target="_blank"
            rel="noopener noreferrer"
            tabindex=${at.tab}
            >${name}</a
          >`
        : html`<span part="filename" class="name">${name}</span>${note}`
    }
    ${
      recipients.length
        ? html`<ul part="recipients" class="recipients" aria-label=${msg('Recipients')}>
            ${recipients.map((recipient, j) => recipientItem(name, recipient, j, at))}
          </ul>`
        : nothing
    }
  </div>`;
}

function recipientItem(documentName: string, recipient: DocumentRecipient, j: number, at: RowContext): TemplateResult {
  const who = recipient.name || recipient.email || msg('Unnamed recipient');
  const { label, tone } = statusOf(recipient.status ?? '');
  const sign = checkLink(recipient.sign_url, at.baseUrl, at.host);
  return html`<li part="recipient" class="recipient" aria-describedby=${sign.id}>
    <span part="recipient-name">${who}</span>
    <span part="recipient-status" class="status status--${tone}">${label}</span>
    ${
      sign.href
        ? html`<button
            part="sign-button"
            class="button button--quiet sign"
            type="button"
            data-recipient=${j}
            tabindex=${at.tab}
            aria-label=${msg(str`Sign ${documentName} as ${who}`)}
          >
            ${msg('Sign')}
          </button>`
        : sign.note
    }
  </li>`;
}

/** The filter field, the sort select and the count. */
export function toolbar(view: {
  filter: string;
  sort: string;
  summary: string;
  onInput: (event: Event) => void;
  onSort: (event: Event) => void;
}): TemplateResult {
  return html`<div part="toolbar" class="toolbar">
    <div class="field">
      <label part="filter-label" for="filter">${msg('Filter')}</label>
      <input
        id="filter"
        part="filter"
        type="search"
        autocomplete="off"
        spellcheck="false"
        .value=${view.filter}
        @input=${view.onInput}
      />
    </div>
    <div class="field">
      <label part="sort-label" for="sort">${msg('Sort by')}</label>
      <select id="sort" part="sort" @change=${view.onSort}>
        <option value="folder" ?selected=${view.sort !== 'name'}>${msg('Folder')}</option>
        <option value="name" ?selected=${view.sort === 'name'}>${msg('Name')}</option>
      </select>
    </div>
    <p part="summary" class="summary" role="status">${view.summary}</p>
  </div>`;
}

/** Progress or a failure (`role="alert"`) about opening a document. */
export function notice(value: { text: string; error?: boolean } | undefined): TemplateResult | typeof nothing {
  if (!value) return nothing;
  return html`<p
    part="notice"
    class="notice ${value.error ? 'notice--error' : ''}"
    role=${value.error ? 'alert' : 'status'}
  >
    ${value.text}
  </p>`;
}

/** The filter matched nothing. */
export function noMatches(filter: string): TemplateResult {
  return html`<p part="no-matches" class="no-matches">${msg(str`No documents match “${filter.trim()}”.`)}</p>`;
}

/** A long list shown without the virtualizer (it failed to load): only its first rows. */
export function cutShort(shown: number, total: number, locale: string): TemplateResult {
  return html`<p part="more" class="more">
    ${msg(str`Showing the first ${shown} of ${formatCount(total, locale)} rows. Filter to narrow the list.`)}
  </p>`;
}
