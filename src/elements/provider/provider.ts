import { LitElement, css, html, type PropertyValues, type PropertyDeclarations } from 'lit';
import { ContextProvider } from '@lit/context';
import type { FetchToken } from '../../client/types.js';
import { paperosSettingsContext, type PaperOSSettings } from '../base/context.js';

/**
 * @tagname paperos-provider
 * @summary Sets the PaperOS connection once for every element inside it.
 *
 * The settings flow through `@lit/context`; an element's own attribute or
 * property wins over the provider's. The provider renders no box of its own.
 * The elements inside share one token fetch (unless one sets its own `token`,
 * `token-url` or `fetchToken`). `fetchToken` is called with
 * `{reason: 'initial' | 'expiring' | 'rejected'}` and `token-url` is POSTed the
 * same `{"reason": ...}` as JSON; on `rejected` (PaperOS answered 401) a backend
 * that caches tokens should mint a new one.
 *
 * @slot - PaperOS elements (at any depth, through shadow roots too).
 */
export class PaperOSProvider extends LitElement {
  /** Reactive properties (static, not decorated: the decorators' code stays out of the bundle). */
  static override properties: PropertyDeclarations = {
    baseUrl: { attribute: 'base-url', reflect: true },
    orgId: { attribute: 'org-id', reflect: true },
    tokenUrl: { attribute: 'token-url', reflect: true },
    token: { attribute: false },
    fetchToken: { attribute: false },
  };

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** PaperOS base URL for the elements inside. */
  declare baseUrl?: string;

  /** Organization id for the elements inside; defaults to the token's `org_id` claim. */
  declare orgId?: string;

  /** Host backend endpoint answering `POST` with `{"access_token": "..."}`. */
  declare tokenUrl?: string;

  /** An access token. Property only: never reflected to an attribute. */
  declare token?: string;

  /** A callback that returns a fresh token, called with `{reason}`. Property only. */
  declare fetchToken?: FetchToken;

  /** Hands the settings to every element inside (a controller, not the `@provide` decorator: less code in the bundle). */
  #provider = new ContextProvider(this, { context: paperosSettingsContext, initialValue: {} as PaperOSSettings });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('baseUrl') ||
      changed.has('orgId') ||
      changed.has('tokenUrl') ||
      changed.has('token') ||
      changed.has('fetchToken')
    ) {
      // A new object, so every consumer sees the change.
      this.#provider.setValue({
        baseUrl: this.baseUrl,
        orgId: this.orgId,
        tokenUrl: this.tokenUrl,
        token: this.token,
        fetchToken: this.fetchToken,
      });
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'paperos-provider': PaperOSProvider;
  }
}
