/**
 * axe with the WCAG 2.0, 2.1 and 2.2 A/AA rules and `target-size` turned on.
 * Fails with every violation listed (rule, impact, target).
 */
interface AxeResult {
  violations: Array<{
    id: string;
    impact: string;
    help: string;
    nodes: Array<{ target: unknown; failureSummary?: string }>;
  }>;
}
interface Axe {
  run(context: Element, options: unknown): Promise<AxeResult>;
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function loadAxe(): Promise<Axe> {
  const holder = window as unknown as { axe?: Axe };
  if (!holder.axe) await import('axe-core/axe.min.js' as string);
  return holder.axe!;
}

export async function expectAccessible(element: Element, label: string): Promise<void> {
  const axe = await loadAxe();
  const { violations } = await axe.run(element, {
    runOnly: { type: 'tag', values: TAGS },
    rules: { 'target-size': { enabled: true } },
    resultTypes: ['violations'],
  });
  if (violations.length) {
    const lines = violations.flatMap((v) => [
      `${v.id} (${v.impact}): ${v.help}`,
      ...v.nodes.map((n) => `  at ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`),
    ]);
    throw new Error(`${label}: accessibility violations\n${lines.join('\n')}`);
  }
}
