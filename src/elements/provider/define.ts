import { defineElement } from '../base/paperos-element.js';
import { PaperOSProvider } from './provider.js';

defineElement('paperos-provider', PaperOSProvider);
export { PaperOSProvider };
