// The provider comes with every element: a page or bundle that loads only this one can still wrap it in one.
import '../provider/define.js';
import { defineElement } from '../base/paperos-element.js';
import { PaperOSRecordList } from './record-list.js';

defineElement('paperos-record-list', PaperOSRecordList);
export { PaperOSRecordList };
export { PaperOSRecordCreateEvent, PaperOSRecordSaveEvent, PaperOSRecordSelectEvent } from './events.js';
export { RECORD_TYPES, normalizeRecordType } from './record-types.js';
