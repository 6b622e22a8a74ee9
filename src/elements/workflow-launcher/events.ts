import type { WorkflowRecordRef } from '../../client/types.js';

/**
 * Fired before a workflow is started. Cancelable: `preventDefault()` stops the
 * element from sending anything (to confirm first, say, or start it elsewhere).
 */
export class PaperOSWorkflowStartEvent extends Event {
  static readonly eventName = 'paperos-workflow-start';
  constructor(
    readonly templateId: string,
    readonly records: WorkflowRecordRef[],
    readonly autoSubmit: boolean,
  ) {
    super(PaperOSWorkflowStartEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
  get detail(): { templateId: string; records: WorkflowRecordRef[]; autoSubmit: boolean } {
    return { templateId: this.templateId, records: this.records, autoSubmit: this.autoSubmit };
  }
}

/** Fired once PaperOS has started the workflow. */
export class PaperOSWorkflowStartedEvent extends Event {
  static readonly eventName = 'paperos-workflow-started';
  constructor(
    readonly workflowId: string,
    readonly templateId: string,
  ) {
    super(PaperOSWorkflowStartedEvent.eventName, { bubbles: true, composed: true });
  }
  get detail(): { workflowId: string; templateId: string } {
    return { workflowId: this.workflowId, templateId: this.templateId };
  }
}

// These events bubble and are composed: a listener on the document or the window gets them too.
declare global {
  interface HTMLElementEventMap {
    'paperos-workflow-start': PaperOSWorkflowStartEvent;
    'paperos-workflow-started': PaperOSWorkflowStartedEvent;
  }
  interface DocumentEventMap {
    'paperos-workflow-start': PaperOSWorkflowStartEvent;
    'paperos-workflow-started': PaperOSWorkflowStartedEvent;
  }
  interface WindowEventMap {
    'paperos-workflow-start': PaperOSWorkflowStartEvent;
    'paperos-workflow-started': PaperOSWorkflowStartedEvent;
  }
}
