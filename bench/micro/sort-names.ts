/**
 * `sortByName` (src/elements/document-list/tree.ts) against a plain collator
 * sort of the same rows, in Node, alternating, medians of 9 rounds: 100,000
 * names in 20 folders of 5,000, in order (as lists usually come) and shuffled,
 * with zero-padded numbers ("Document 000042.pdf") and without ("Document 42.pdf").
 *
 *   npx tsx bench/micro/sort-names.ts
 */
import { sortByName } from '../../src/elements/document-list/tree.js';

const compare = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;
const ROUNDS = 9;

let seed = 1;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

function folders(shuffled: boolean, padded: boolean): { name: string }[][] {
  return Array.from({ length: 20 }, (_, f) => {
    const number = (i: number) => (padded ? String(i * 20 + f).padStart(6, '0') : String(i * 20 + f));
    const rows = Array.from({ length: 5000 }, (_, i) => ({ name: `Document ${number(i)}.pdf` }));
    if (shuffled) {
      for (let i = rows.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [rows[i], rows[j]] = [rows[j]!, rows[i]!];
      }
    }
    return rows;
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

for (const [shuffled, padded] of [
  [false, true],
  [true, true],
  [false, false],
  [true, false],
]) {
  const times = { collator: [] as number[], sortByName: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    const data = folders(shuffled, padded);
    const copy = data.map((rows) => [...rows]);
    const run = (name: keyof typeof times, work: () => void) => {
      const start = performance.now();
      work();
      times[name].push(performance.now() - start);
    };
    const plain = () => data.forEach((rows) => rows.sort((a, b) => compare(a.name, b.name)));
    const ours = () => copy.forEach((rows) => sortByName(rows, compare));
    if (round % 2) {
      run('collator', plain);
      run('sortByName', ours);
    } else {
      run('sortByName', ours);
      run('collator', plain);
    }
    if (data.some((rows, f) => rows.some((row, i) => row !== copy[f]![i]))) throw new Error('different orders');
  }
  const [a, b] = [median(times.collator), median(times.sortByName)];
  console.log(
    `${shuffled ? 'shuffled' : 'in order'}, ${padded ? 'padded' : 'unpadded'} numbers: collator sort ${a.toFixed(1)} ms, sortByName ${b.toFixed(1)} ms (${(b / a).toFixed(2)}x)`,
  );
}
