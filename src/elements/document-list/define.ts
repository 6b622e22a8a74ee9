import { defineElement } from '../base/paperos-element.js';
import { PaperOSDocumentList } from './document-list.js';

defineElement('paperos-document-list', PaperOSDocumentList);
export { PaperOSDocumentList };
export { PaperOSDocumentOpenEvent, PaperOSSignEvent } from './events.js';
