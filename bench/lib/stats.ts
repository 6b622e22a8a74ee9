/**
 * Statistics for noisy timings: medians with distribution-free 95% confidence
 * intervals, and ratios of medians with a paired bootstrap interval (samples of
 * two candidates taken in the same round are resampled together, which cancels
 * most of the machine's drift between rounds).
 */

export interface Summary {
  n: number;
  median: number;
  low: number;
  high: number;
  min: number;
  max: number;
}

export interface RatioSummary {
  ratio: number;
  low: number;
  high: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Binomial order-statistic interval for the median (at least 95% coverage); min/max below 6 samples. */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n, median: NaN, low: NaN, high: NaN, min: NaN, max: NaN };
  // Largest k with P(Binomial(n, 0.5) < k) <= 2.5%: the CI is [x(k), x(n-k+1)] (1-based).
  let k = 0;
  let cumulative = 0;
  let coefficient = 1;
  const total = 2 ** n;
  for (let i = 0; i <= n; i++) {
    if ((cumulative + coefficient) / total > 0.025) break;
    cumulative += coefficient;
    k = i + 1;
    coefficient = (coefficient * (n - i)) / (i + 1);
  }
  const lowIndex = Math.max(0, k - 1);
  const highIndex = Math.min(n - 1, n - k);
  return {
    n,
    median: median(sorted),
    low: k === 0 ? sorted[0]! : sorted[lowIndex]!,
    high: k === 0 ? sorted[n - 1]! : sorted[highIndex]!,
    min: sorted[0]!,
    max: sorted[n - 1]!,
  };
}

/** A small seeded generator, so a report's intervals are reproducible from its samples. */
function mulberry32(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * median(a) / median(b), with a 95% percentile-bootstrap interval. When both
 * have the same number of samples they are paired by round (index).
 */
export function ratio(a: readonly number[], b: readonly number[], iterations = 4000): RatioSummary {
  const point = median(a) / median(b);
  if (a.length === 0 || b.length === 0) return { ratio: NaN, low: NaN, high: NaN };
  const random = mulberry32(0x5eed);
  const paired = a.length === b.length;
  const ratios: number[] = [];
  const ra = new Array<number>(a.length);
  const rb = new Array<number>(b.length);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < a.length; i++) {
      const j = Math.floor(random() * a.length);
      ra[i] = a[j]!;
      if (paired) rb[i] = b[j]!;
    }
    if (!paired) for (let i = 0; i < b.length; i++) rb[i] = b[Math.floor(random() * b.length)]!;
    ratios.push(median(ra) / median(rb));
  }
  ratios.sort((x, y) => x - y);
  return {
    ratio: point,
    low: ratios[Math.floor(iterations * 0.025)]!,
    high: ratios[Math.ceil(iterations * 0.975) - 1]!,
  };
}
