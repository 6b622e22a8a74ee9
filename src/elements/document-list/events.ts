import type { DocumentRecipient, PaperOSDocument } from '../../client/types.js';

/**
 * Fired before a document's link opens. Cancelable: `preventDefault()` keeps
 * the element from opening it (to show it in the host's own viewer, say).
 * `url` is the link that would open; for an expired link it is the fresh one
 * fetched after the click.
 */
export class PaperOSDocumentOpenEvent extends Event {
  static readonly eventName = 'paperos-document-open';
  constructor(
    readonly document: PaperOSDocument,
    readonly url: string,
  ) {
    super(PaperOSDocumentOpenEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
  get detail(): { document: PaperOSDocument; url: string } {
    return { document: this.document, url: this.url };
  }
}

/**
 * Fired before a recipient's signing link opens. Cancelable: `preventDefault()`
 * keeps the element from opening it in a new tab.
 */
export class PaperOSSignEvent extends Event {
  static readonly eventName = 'paperos-sign';
  constructor(
    readonly document: PaperOSDocument,
    readonly recipient: DocumentRecipient,
    readonly url: string,
  ) {
    super(PaperOSSignEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
  get detail(): { document: PaperOSDocument; recipient: DocumentRecipient; url: string } {
    return { document: this.document, recipient: this.recipient, url: this.url };
  }
}

// These events bubble and are composed: a listener on the document or the window gets them too.
declare global {
  interface HTMLElementEventMap {
    'paperos-document-open': PaperOSDocumentOpenEvent;
    'paperos-sign': PaperOSSignEvent;
  }
  interface DocumentEventMap {
    'paperos-document-open': PaperOSDocumentOpenEvent;
    'paperos-sign': PaperOSSignEvent;
  }
  interface WindowEventMap {
    'paperos-document-open': PaperOSDocumentOpenEvent;
    'paperos-sign': PaperOSSignEvent;
  }
}
