import { createContext } from '@lit/context';
import type { FetchToken } from '../../client/types.js';

/**
 * The settings a `<paperos-provider>` hands to every element inside it.
 * An element's own attribute or property wins over the provider's.
 */
export interface PaperOSSettings {
  baseUrl?: string;
  orgId?: string;
  tokenUrl?: string;
  token?: string;
  fetchToken?: FetchToken;
}

// A string key (not a Symbol) so two copies of the library on one page still
// find each other's provider.
export const paperosSettingsContext = createContext<PaperOSSettings | undefined>('paperos-settings');
