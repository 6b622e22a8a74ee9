import { ContextEvent } from '@lit/context';
import { paperosSettingsContext } from './context.js';

type SettingsRequest = ContextEvent<typeof paperosSettingsContext>;
type Callback = SettingsRequest['callback'];

/** Elements whose settings request no provider has answered yet, with the callback to answer. */
const waiting = new Map<Element, Callback>();
const watched = new WeakSet<Document>();

/**
 * Replays an element's settings request when a `<paperos-provider>` upgrades
 * after it (a provider defined or added later), as @lit/context's ContextRoot
 * does, but forgetting an element once it leaves the page (`forget`): the
 * ContextRoot keeps an entry per unanswered request for the page's lifetime,
 * so an app that mounts and unmounts elements without a provider grew by
 * about 64 bytes per element each time (test/elements/heap.node.test.ts).
 */
export function replayLateProviders(doc: Document): void {
  if (watched.has(doc)) return;
  watched.add(doc);
  doc.addEventListener('context-request', (event) => {
    const request = event as SettingsRequest;
    if (request.context !== paperosSettingsContext || request.subscribe !== true) return;
    // The requesting element (the event may be retargeted to an outer host).
    const element = (request.contextTarget ?? request.composedPath()[0]) as Element;
    waiting.set(element, request.callback);
  });
  doc.addEventListener('context-provider', (event) => {
    if ((event as Event & { context?: unknown }).context !== paperosSettingsContext) return;
    const requests = [...waiting];
    // Any still unanswered ask again (and come back here).
    waiting.clear();
    for (const [element, callback] of requests) {
      if (element.isConnected) element.dispatchEvent(new ContextEvent(paperosSettingsContext, element, callback, true));
    }
  });
}

/** The element left the page: its request is not replayed (it asks again when it returns). */
export function forget(element: Element): void {
  waiting.delete(element);
}
