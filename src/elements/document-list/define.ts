// The provider comes with every element: a page or bundle that loads only this one can still wrap it in one.
import '../provider/define.js';
import { defineElement } from '../base/paperos-element.js';
import { PaperOSDocumentList } from './document-list.js';

defineElement('paperos-document-list', PaperOSDocumentList);
export { PaperOSDocumentList };
export { PaperOSDocumentOpenEvent, PaperOSSignEvent } from './events.js';
