/** What one run of bench/run.ts measured: the input of the report (raw in bench/.results/last-run.json). */
import type { BytesReport } from '../bytes.js';
import type { FilterRun, HeapSample, RequestsRun, ScrollResult, Validation } from '../scenarios.js';
import type { TachSamples } from '../tachometer.js';

export type Profile = Record<string, { buckets: Record<string, number>; totalMs: number }>;

export interface RunData {
  date: string;
  quick: boolean;
  durationS: number;
  machine: {
    cpu: string;
    cores: number;
    memoryGb: number;
    freeGb: number;
    os: string;
    node: string;
    loadBefore: number[];
    versions: Record<string, string>;
    commit: string;
    dirty: boolean;
  };
  loadAfter: number[];
  samples: Record<string, number>;
  /** The browser's version and the options it was launched with (scripts/browsers.mjs). */
  chromium: { version: string; executablePath: string; args: string[] };
  elements: string[];
  validation: Validation[];
  parseFloor: Record<number, number>;
  repeat100k: number;
  tach: {
    templates: TachSamples;
    docs1k: TachSamples;
    docs10k: TachSamples;
    docs10kShuffled: TachSamples;
    docs100k: TachSamples;
    refetch: TachSamples;
  };
  filter: FilterRun[];
  scroll: { label: string; results: Record<string, ScrollResult[]> }[];
  heap: Record<string, HeapSample[]>;
  requests: RequestsRun;
  profile: Profile;
  profileTemplates: Profile;
  bytes: BytesReport;
}
