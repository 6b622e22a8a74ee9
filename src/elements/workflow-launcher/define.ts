// The provider comes with every element: a page or bundle that loads only this one can still wrap it in one.
import '../provider/define.js';
import { defineElement } from '../base/paperos-element.js';
import { PaperOSWorkflowLauncher } from './workflow-launcher.js';

defineElement('paperos-workflow-launcher', PaperOSWorkflowLauncher);
export { PaperOSWorkflowLauncher };
export { PaperOSWorkflowStartEvent, PaperOSWorkflowStartedEvent } from './events.js';
