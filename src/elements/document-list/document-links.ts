import type { ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { PaperOSDocument } from '../../client/types.js';
import { safeHref } from '../../client/url-policy.js';
import { PaperOSErrorEvent } from '../base/events.js';
import { expiresSoon } from './document-format.js';
import { PaperOSDocumentOpenEvent, PaperOSSignEvent } from './events.js';
import { recipientsOf, type DocEntry } from './tree.js';

export interface DocumentLinksOptions {
  baseUrl(): string;
  /** Loads the list again (past the page cache) and returns it, or undefined when that failed. */
  reload(): Promise<readonly PaperOSDocument[] | undefined>;
  /** A link was opened elsewhere (a new tab). */
  opened(): void;
}

/**
 * Opening a document or a signing link: the cancelable events first, then
 * the link in a new tab. Document links are short-lived signed URLs: one
 * whose `exp` has passed (or is less than 5 s away) is not opened; the list
 * is loaded again once and the fresh link opened instead (`window.open`, so a
 * popup blocker may ask first). `notice` says what is going on or what failed.
 */
export class DocumentLinks {
  notice?: { text: string; error?: boolean };
  #fetching = false;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly options: DocumentLinksOptions,
  ) {}

  /** A click on a document's link. */
  onDownloadClick(event: MouseEvent, entry: DocEntry): void {
    const url = safeHref(entry.doc.url, this.options.baseUrl());
    if (!url) {
      event.preventDefault();
      return;
    }
    this.#setNotice(undefined);
    if (expiresSoon(url)) {
      // A dead link: fetch a fresh one and open that instead.
      event.preventDefault();
      void this.#openFresh(entry);
      return;
    }
    const open = new PaperOSDocumentOpenEvent(entry.doc, url);
    this.host.dispatchEvent(open);
    // Otherwise the link itself opens (target=_blank, rel=noopener noreferrer).
    if (open.defaultPrevented) event.preventDefault();
    else this.options.opened();
  }

  /** The "Sign" button of a document's recipient `index`. */
  sign(entry: DocEntry, index: number): void {
    const recipient = recipientsOf(entry.doc)[index];
    const url = recipient?.sign_url ? safeHref(recipient.sign_url, this.options.baseUrl()) : null;
    if (!recipient || !url) return;
    const sign = new PaperOSSignEvent(entry.doc, recipient, url);
    this.host.dispatchEvent(sign);
    if (!sign.defaultPrevented) this.#open(url);
  }

  async #openFresh(entry: DocEntry): Promise<void> {
    if (this.#fetching) return;
    const pubId = entry.doc.pub_id;
    const name = entry.name || msg('Untitled document');
    this.#fetching = true;
    this.#setNotice({ text: msg(str`Getting a fresh link for ${name}…`) });
    let documents: readonly PaperOSDocument[] | undefined;
    try {
      documents = await this.options.reload();
    } finally {
      this.#fetching = false;
    }
    // Failed: the error state shows it (and the base announces it).
    if (!documents) return this.#setNotice(undefined);
    const fresh = documents.find((d) => d && d.pub_id === pubId);
    const url = fresh ? safeHref(fresh.url, this.options.baseUrl()) : null;
    if (!fresh || !url || expiresSoon(url)) {
      const message = fresh
        ? msg(str`PaperOS did not send a working link for ${name}. Try again later.`)
        : msg(str`${name} is no longer in this list.`);
      this.#setNotice({ text: message, error: true });
      // `invalid_response`: PaperOS answered, but with no usable link for this document.
      const failure = new PaperOSErrorEvent({ status: 0, code: fresh ? 'invalid_response' : 'not_found', message });
      this.host.dispatchEvent(failure);
      return;
    }
    this.#setNotice(undefined);
    const open = new PaperOSDocumentOpenEvent(fresh, url);
    this.host.dispatchEvent(open);
    if (!open.defaultPrevented) this.#open(url);
  }

  #open(url: string): void {
    window.open(url, '_blank', 'noopener,noreferrer');
    this.options.opened();
  }

  #setNotice(notice: DocumentLinks['notice']): void {
    this.notice = notice;
    this.host.requestUpdate();
  }
}
