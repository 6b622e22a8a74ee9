import {
  LitElement,
  html,
  isServer,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { ContextConsumer } from '@lit/context';
import { updateWhenLocaleChanges, msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { ClientCore, DEFAULT_BASE_URL } from '../../client/core.js';
import { PaperOSError, isPaperOSError } from '../../client/errors.js';
import { sharedTokenSource, type TokenSource } from '../../client/token.js';
import type { FetchToken } from '../../client/types.js';
import { paperosSettingsContext, type PaperOSSettings } from './context.js';
import { PaperOSErrorEvent, PaperOSLoadEvent } from './events.js';
import { describeError } from './messages.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { forget, replayLateProviders } from './late-provider.js';
import { LoadingDelayController } from './loading-delay.js';
import { FocusKeeper } from './focus-keeper.js';
import { renderSkeleton, skeletonRows } from './skeleton.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTask = Task<any, any>;
interface TrackedTask {
  task: AnyTask;
  count?: (value: unknown) => number;
  announced?: unknown;
  /** The next run is a refresh: past the page cache, keeping the current value on screen. */
  reload?: boolean;
  /** The value a running refresh keeps on screen. */
  kept?: unknown;
}

/** How a data task's run loads: through the page cache, or past it (a refresh). */
export interface LoadOptions<R> {
  signal: AbortSignal;
  cache: true | 'reload';
  /** The value on screen: return it when what loaded is the same, and nothing re-renders. */
  previous: R | undefined;
}

export { DEFAULT_BASE_URL };

/**
 * One client per (token source, base URL) on the page, so every element shares
 * its token and cache. The core only: each element imports the endpoint
 * functions it calls (client/documents.js, ...), so a page with one element
 * loads no other element's endpoints or response shapes.
 */
const clients = new WeakMap<object, Map<string, ClientCore>>();
const NO_TOKEN = {};

function sharedClient(baseUrl: string, tokenSource: TokenSource | undefined): ClientCore {
  const key = tokenSource ?? NO_TOKEN;
  let byUrl = clients.get(key);
  if (!byUrl) clients.set(key, (byUrl = new Map()));
  let client = byUrl.get(baseUrl);
  if (!client) {
    client = new ClientCore({ baseUrl, tokenSource });
    byUrl.set(baseUrl, client);
  }
  return client;
}

/**
 * How long a load runs before its loading state shows: a faster one (a page
 * cache hit, a quick network) goes straight to its rows, with no spinner
 * flashing up first and no layout spent on it. Until then the empty status
 * region is in place, so screen readers announce the label when it comes.
 */
export const LOADING_DELAY_MS = 100;

/**
 * The small base every PaperOS element extends: the connection settings
 * (own attributes, else the nearest `<paperos-provider>`), a shared client,
 * and the loading / empty / error states with their events.
 *
 * Tokens: elements share one token fetch when they use one source: the same
 * provider, the same `token-url`, or the same `fetchToken` function (two
 * different callbacks are two sources). `fetchToken` is called with
 * `{reason: 'initial' | 'expiring' | 'rejected'}` (a zero-argument callback works
 * too), and `token-url` is POSTed the same `{"reason": ...}` as JSON; `rejected`
 * means PaperOS answered 401 to the current token, so a backend that caches
 * tokens should mint a new one. After a 401 a request is sent once more, never
 * a third time.
 *
 * Subclasses keep their data in `@lit/task` tasks and register them with
 * `trackTask`, so a removed element aborts its requests and a re-attached one
 * loads again.
 */
export abstract class PaperOSElement extends LitElement {
  /** Reactive properties (static, not decorated: the decorators' code stays out of the bundle). */
  static override properties: PropertyDeclarations = {
    // A `state` entry says `attribute: false` too: the manifest analyzer would list it as an attribute.
    baseUrl: { attribute: 'base-url', reflect: true },
    orgId: { attribute: 'org-id', reflect: true },
    tokenUrl: { attribute: 'token-url', reflect: true },
    token: { attribute: false },
    fetchToken: { attribute: false },
    revalidate: { reflect: true },
    inheritedSettings: { state: true, attribute: false },
  };

  /** PaperOS base URL (`https://app.paperos.com` when neither this nor a provider sets it). */
  declare baseUrl?: string;

  /** Organization id; defaults to the token's `org_id` claim. */
  declare orgId?: string;

  /** Host backend endpoint answering `POST` with `{"access_token": "..."}`. */
  declare tokenUrl?: string;

  /** An access token. Property only: it is never reflected to an attribute. */
  declare token?: string;

  /** A callback that returns a fresh token, called with `{reason}`. Property only. */
  declare fetchToken?: FetchToken;

  /** `off`: no revalidation when the page becomes visible again after a link was opened elsewhere. */
  declare revalidate?: string;

  /** Settings handed down by an enclosing `<paperos-provider>`. */
  declare protected inheritedSettings?: PaperOSSettings;

  readonly #tracked: TrackedTask[] = [];
  readonly #abortedOnDisconnect = new Set<AnyTask>();
  readonly #loadingDelay = new LoadingDelayController(this, LOADING_DELAY_MS, isServer);
  /** The count the last load announced: a reload's skeleton shows that many rows. */
  #lastCount?: number;
  readonly #locale: LocaleController;

  constructor() {
    super();
    // A controller, not the `@consume` decorator: less code in the bundle.
    new ContextConsumer(this, {
      context: paperosSettingsContext,
      subscribe: true,
      callback: (settings) => (this.inheritedSettings = settings),
    });
    updateWhenLocaleChanges(this);
    // Follow the nearest `lang`: strings (page-wide) and dates (per element).
    this.#locale = new LocaleController(this);
    new FocusKeeper(this);
  }

  /** The locale this element formats dates, counts and sorts in (the nearest `lang`). */
  protected get locale(): string {
    return this.#locale.locale;
  }

  /** The effective settings: own values over the provider's. */
  protected get settings(): Required<Pick<PaperOSSettings, 'baseUrl'>> & PaperOSSettings {
    const inherited = this.inheritedSettings ?? {};
    return {
      baseUrl: this.baseUrl || inherited.baseUrl || DEFAULT_BASE_URL,
      orgId: this.orgId || inherited.orgId,
      tokenUrl: this.tokenUrl || inherited.tokenUrl,
      token: this.token ?? inherited.token,
      fetchToken: this.fetchToken ?? inherited.fetchToken,
    };
  }

  /**
   * The page-wide client for the current settings, for the endpoint functions
   * (`listDocuments(this.client, org)`, ...). Stable while the settings are, so
   * it can sit in a task's arguments.
   */
  protected get client(): ClientCore {
    const { baseUrl, token, fetchToken, tokenUrl } = this.settings;
    // Precedence: an explicit token, then a callback, then the endpoint. With
    // none of them the client sends no Authorization header (BFF proxy mode).
    const tokenSource =
      token !== undefined
        ? sharedTokenSource({ token })
        : fetchToken
          ? sharedTokenSource({ fetchToken })
          : tokenUrl
            ? sharedTokenSource({ tokenUrl })
            : undefined;
    return sharedClient(baseUrl, tokenSource);
  }

  /** The organization to load: the set `org-id`, else the token's `org_id` claim. */
  protected async resolveOrgId(client: ClientCore, explicit: string | undefined, signal: AbortSignal): Promise<string> {
    if (explicit) return explicit;
    const fromToken = await client.defaultOrgId({ signal });
    if (fromToken) return fromToken;
    throw new PaperOSError({
      status: 0,
      code: 'bad_request',
      message: msg('No organization is set: give the element an org-id, or use a token that carries an org_id claim.'),
    });
  }

  /**
   * Registers a data task: aborted when the element leaves the page, re-run
   * when it returns. `count` turns a completed value into the `paperos-load`
   * count; without it the task announces nothing.
   */
  protected trackTask<T extends AnyTask>(task: T, count?: (value: NonNullable<T['value']>) => number): T {
    this.#tracked.push({ task, count: count as ((value: unknown) => number) | undefined });
    return task;
  }

  /**
   * A tracked data task that `refresh()` can reload: `load` gets `cache:
   * 'reload'` for a refresh (past the page cache, a conditional request) and
   * `true` otherwise. A run for new arguments starts from the loading state;
   * a refresh keeps the current value on screen (see `shown`). To let a 304
   * change nothing, `load` returns the previous value when what it loaded is
   * the same.
   */
  protected dataTask<A extends readonly unknown[], R>(
    args: () => A,
    load: (args: A, options: LoadOptions<NoInfer<R>>) => Promise<R>,
    count?: (value: R) => number,
  ): Task<A, R> {
    const entry: TrackedTask = { task: undefined as unknown as AnyTask };
    const task: Task<A, R> = new Task<A, R>(this, {
      args,
      task: (argv, { signal }): Promise<R> => {
        const reload = entry.reload === true;
        entry.reload = false;
        entry.kept = reload ? task.value : undefined;
        return load(argv, { signal, cache: reload ? 'reload' : true, previous: task.value });
      },
    });
    entry.task = task;
    entry.count = count as ((value: unknown) => number) | undefined;
    this.#tracked.push(entry);
    return task;
  }

  /**
   * What to show for a data task: its value once complete, and while a
   * refresh runs, the value on screen before it; undefined while there is
   * nothing to show (the loading state).
   */
  protected shown<T extends AnyTask>(task: T): T['value'] | undefined {
    if (task.status === TaskStatus.COMPLETE) return task.value;
    return this.refreshing(task) ? task.value : undefined;
  }

  /** Whether a refresh of this task runs while its current value stays on screen. */
  protected refreshing(task: AnyTask): boolean {
    if (task.status !== TaskStatus.PENDING || task.value === undefined) return false;
    return this.#tracked.some((entry) => entry.task === task && entry.kept === task.value);
  }

  /**
   * Loads the data again past the page cache, with a conditional request
   * (`If-None-Match`, when PaperOS sent an ETag), keeping the rows and the
   * focus on screen while it runs. An unchanged answer (304) changes nothing
   * on screen. Resolves once the load has settled; a failure shows the error
   * state and fires `paperos-error`.
   */
  refresh(): Promise<void> {
    if (!this.isConnected) return Promise.resolve();
    return Promise.all(
      this.#tracked.map((entry) => {
        entry.reload = true;
        return entry.task.run();
      }),
    ).then(() => undefined);
  }

  override connectedCallback(): void {
    // Before super: the settings request goes out when the controllers connect.
    replayLateProviders(this.ownerDocument);
    // Server-rendered (a declarative shadow root before the first update): hydration needs the server's loading state.
    if (!this.hasUpdated && this.shadowRoot) this.#loadingDelay.showNow();
    super.connectedCallback();
    for (const task of this.#abortedOnDisconnect) void task.run();
    this.#abortedOnDisconnect.clear();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    forget(this);
    for (const { task } of this.#tracked) {
      if (task.status === TaskStatus.PENDING) {
        this.#abortedOnDisconnect.add(task);
        task.abort();
      }
    }
  }

  /**
   * Announces each settled task run once: `paperos-load` with its count, or
   * `paperos-error` (aborts are not failures). Done after render, so a run that
   * a newer one superseded never announces anything.
   */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    for (const entry of this.#tracked) {
      const { task } = entry;
      if (task.status === TaskStatus.COMPLETE && entry.announced !== task.value) {
        entry.announced = task.value;
        // Events are built before dispatching: the manifest analyzer would take
        // a constructor's first argument for an event name.
        const loaded = entry.count && task.value != null && new PaperOSLoadEvent(entry.count(task.value));
        if (loaded) {
          this.#lastCount = loaded.count;
          this.dispatchEvent(loaded);
        }
      } else if (task.status === TaskStatus.ERROR && entry.announced !== task.error) {
        entry.announced = task.error;
        const failed = !isAbort(task.error) && new PaperOSErrorEvent(toPaperOSError(task.error));
        if (failed) this.dispatchEvent(failed);
      }
    }
  }

  /**
   * Reports a failed action (a save, a start): fires `paperos-error` and returns
   * the failure in plain words for display; undefined for an abort.
   */
  protected reportFailure(error: unknown): { summary: string; detail?: string } | undefined {
    if (isAbort(error)) return undefined;
    const failure = toPaperOSError(error);
    const failed = new PaperOSErrorEvent(failure);
    this.dispatchEvent(failed);
    return describeError(failure);
  }

  /**
   * The loading state: skeleton rows that take the space the content will
   * (the last load's count, else a few; `--paperos-loading-height` sets the
   * height outright), and over them its label (or the `loading` slot) once the
   * load has taken LOADING_DELAY_MS.
   */
  protected renderLoading(label: string = msg('Loading…')): TemplateResult {
    const shown = this.#loadingDelay.rendering();
    return html`<div
      part="loading"
      class="state state--loading ${shown ? '' : 'state--pending'}"
      role="status"
      tabindex="-1"
      aria-live="polite"
    >
      ${renderSkeleton(skeletonRows(this.#lastCount))}${
        shown
          ? html`<div class="loading-label">
              <slot name="loading"><span class="spinner" aria-hidden="true"></span><span>${label}</span></slot>
            </div>`
          : nothing
      }
    </div>`;
  }

  protected renderEmpty(message: string): TemplateResult {
    return html`<div part="empty" class="state state--empty">
      <slot name="empty">${message}</slot>
    </div>`;
  }

  /** The error state: the failure in plain words and a Retry button (outside the slot, so it always works). */
  protected renderError(error: unknown, retry: () => void): TemplateResult {
    // An aborted run is about to be replaced (or re-run on reconnect): keep showing progress.
    if (isAbort(error)) return this.renderLoading();
    const failure = toPaperOSError(error);
    const { summary, detail } = describeError(failure);
    return html`<div part="error" class="state state--error" role="alert">
      <slot name="error">
        <p class="error-summary">${summary}</p>
        ${detail ? html`<p class="error-detail">${detail}</p>` : nothing}
      </slot>
      <button part="retry-button" class="button" type="button" @click=${retry}>${msg('Retry')}</button>
    </div>`;
  }
}

export function isAbort(error: unknown): boolean {
  return (
    (isPaperOSError(error) && error.code === 'aborted') ||
    (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError')
  );
}

export function toPaperOSError(error: unknown): PaperOSError {
  if (isPaperOSError(error)) return error;
  return new PaperOSError({
    status: 0,
    code: 'invalid_response',
    message: msg('Something went wrong while showing this data.'),
  });
}

/** Registers an element unless a same-named one already is (two script tags, two versions). */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;
  customElements.define(name, constructor);
}
