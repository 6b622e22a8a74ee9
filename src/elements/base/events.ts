import type { PaperOSError } from '../../client/errors.js';

/** Fired when an element has loaded its data. */
export class PaperOSLoadEvent extends Event {
  static readonly eventName = 'paperos-load';
  constructor(readonly count: number) {
    super(PaperOSLoadEvent.eventName, { bubbles: true, composed: true });
  }
  get detail(): { count: number } {
    return { count: this.count };
  }
}

/** Fired when loading or an action fails. Carries no token and no request URL. */
export class PaperOSErrorEvent extends Event {
  static readonly eventName = 'paperos-error';
  readonly status: number;
  readonly code: string;
  readonly message: string;
  constructor(error: Pick<PaperOSError, 'status' | 'code' | 'message'>) {
    super(PaperOSErrorEvent.eventName, { bubbles: true, composed: true });
    this.status = error.status;
    this.code = error.code;
    this.message = error.message;
  }
  get detail(): { status: number; code: string; message: string } {
    return { status: this.status, code: this.code, message: this.message };
  }
}

// These events bubble and are composed: a listener on the document or the window gets them too.
declare global {
  interface HTMLElementEventMap {
    'paperos-load': PaperOSLoadEvent;
    'paperos-error': PaperOSErrorEvent;
  }
  interface DocumentEventMap {
    'paperos-load': PaperOSLoadEvent;
    'paperos-error': PaperOSErrorEvent;
  }
  interface WindowEventMap {
    'paperos-load': PaperOSLoadEvent;
    'paperos-error': PaperOSErrorEvent;
  }
}
