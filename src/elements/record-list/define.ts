import { defineElement } from '../base/paperos-element.js';
import { PaperOSRecordList } from './record-list.js';

defineElement('paperos-record-list', PaperOSRecordList);
export { PaperOSRecordList };
export { PaperOSRecordCreateEvent, PaperOSRecordSaveEvent, PaperOSRecordSelectEvent } from './events.js';
export { RECORD_TYPES, normalizeRecordType } from './record-types.js';
