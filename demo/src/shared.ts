// Shared by the demo pages: the host backend's config and a live event log.
export interface DemoConfig {
  paperosUrl: string;
  orgs: Array<{ id: string; name: string }>;
}

export async function loadConfig(): Promise<DemoConfig> {
  const response = await fetch('/api/demo-config');
  return (await response.json()) as DemoConfig;
}

/** The token endpoint for an org; without one, the host backend's example org. */
export const tokenUrlFor = (orgId?: string) =>
  orgId ? `/api/paperos-token?org=${encodeURIComponent(orgId)}` : '/api/paperos-token';

export const EVENTS = [
  'paperos-load',
  'paperos-error',
  'paperos-workflow-start',
  'paperos-workflow-started',
  'paperos-document-open',
  'paperos-sign',
  'paperos-record-select',
  'paperos-record-save',
  'paperos-record-create',
] as const;

/** Appends each PaperOS event (name, source, a short detail) to the log. */
export function logEvents(log: HTMLElement): void {
  for (const name of EVENTS) {
    document.addEventListener(name, (event) => {
      const source = (event.composedPath()[0] as Element).localName;
      const detail = summarize((event as Event & { detail?: unknown }).detail);
      const line = `${new Date().toLocaleTimeString()}  ${name}  <${source}>  ${detail}\n`;
      log.textContent = line + (log.textContent ?? '');
    });
  }
}

function summarize(detail: unknown): string {
  if (!detail || typeof detail !== 'object') return '';
  const record = detail as Record<string, unknown>;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (value && typeof value === 'object') {
      const named = value as { name?: string; filename?: string; label?: string; id?: unknown };
      parts.push(`${key}=${named.filename ?? named.name ?? named.label ?? JSON.stringify(value).slice(0, 60)}`);
    } else {
      parts.push(`${key}=${String(value)}`);
    }
  }
  return parts.join(' ');
}
