import type { PaperOSRecord, WorkflowRecordRef } from '../../client/types.js';

/**
 * Fired when the user chooses a record. `workflowRecord` is ready to hand to
 * `<paperos-workflow-launcher>`'s `records` property.
 */
export class PaperOSRecordSelectEvent extends Event {
  static readonly eventName = 'paperos-record-select';
  constructor(
    readonly record: PaperOSRecord,
    readonly workflowRecord: WorkflowRecordRef,
  ) {
    super(PaperOSRecordSelectEvent.eventName, { bubbles: true, composed: true });
  }
  get detail(): { record: PaperOSRecord; workflowRecord: WorkflowRecordRef } {
    return { record: this.record, workflowRecord: this.workflowRecord };
  }
}

/** Fired after a record's changed fields were saved. */
export class PaperOSRecordSaveEvent extends Event {
  static readonly eventName = 'paperos-record-save';
  constructor(
    readonly recordId: string,
    readonly changes: string[],
  ) {
    super(PaperOSRecordSaveEvent.eventName, { bubbles: true, composed: true });
  }
  get detail(): { recordId: string; changes: string[] } {
    return { recordId: this.recordId, changes: this.changes };
  }
}

/** Fired after a new record was created. */
export class PaperOSRecordCreateEvent extends Event {
  static readonly eventName = 'paperos-record-create';
  constructor(
    readonly recordId: string,
    readonly recordType: string,
  ) {
    super(PaperOSRecordCreateEvent.eventName, { bubbles: true, composed: true });
  }
  get detail(): { recordId: string; type: string } {
    return { recordId: this.recordId, type: this.recordType };
  }
}

// These events bubble and are composed: a listener on the document or the window gets them too.
declare global {
  interface HTMLElementEventMap {
    'paperos-record-select': PaperOSRecordSelectEvent;
    'paperos-record-save': PaperOSRecordSaveEvent;
    'paperos-record-create': PaperOSRecordCreateEvent;
  }
  interface DocumentEventMap {
    'paperos-record-select': PaperOSRecordSelectEvent;
    'paperos-record-save': PaperOSRecordSaveEvent;
    'paperos-record-create': PaperOSRecordCreateEvent;
  }
  interface WindowEventMap {
    'paperos-record-select': PaperOSRecordSelectEvent;
    'paperos-record-save': PaperOSRecordSaveEvent;
    'paperos-record-create': PaperOSRecordCreateEvent;
  }
}
