/**
 * `@paperos/elements`: registers every element (the provider first, so an
 * element upgraded later still finds its provider) and re-exports the element
 * classes, their events, the client and its types.
 */
import './elements/provider/define.js';
import './elements/workflow-launcher/define.js';
import './elements/document-list/define.js';
import './elements/record-list/define.js';

export { PaperOSProvider } from './elements/provider/provider.js';
export { PaperOSWorkflowLauncher } from './elements/workflow-launcher/workflow-launcher.js';
export { PaperOSDocumentList } from './elements/document-list/document-list.js';
export { PaperOSRecordList } from './elements/record-list/record-list.js';
export { PaperOSElement, defineElement } from './elements/base/paperos-element.js';
export { paperosSettingsContext, type PaperOSSettings } from './elements/base/context.js';
export { PaperOSErrorEvent, PaperOSLoadEvent } from './elements/base/events.js';
export { PaperOSWorkflowStartEvent, PaperOSWorkflowStartedEvent } from './elements/workflow-launcher/events.js';
export { PaperOSDocumentOpenEvent, PaperOSSignEvent } from './elements/document-list/events.js';
export {
  PaperOSRecordCreateEvent,
  PaperOSRecordSaveEvent,
  PaperOSRecordSelectEvent,
} from './elements/record-list/events.js';
export { RECORD_TYPES, normalizeRecordType } from './elements/record-list/record-types.js';
export { supportedLocales, switchLocale } from './i18n/localization.js';
export * from './client/index.js';
