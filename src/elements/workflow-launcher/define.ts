import { defineElement } from '../base/paperos-element.js';
import { PaperOSWorkflowLauncher } from './workflow-launcher.js';

defineElement('paperos-workflow-launcher', PaperOSWorkflowLauncher);
export { PaperOSWorkflowLauncher };
export { PaperOSWorkflowStartEvent, PaperOSWorkflowStartedEvent } from './events.js';
