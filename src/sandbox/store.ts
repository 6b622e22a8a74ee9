/**
 * The sandbox's data: the state the routes read and change, its file (when
 * `dataFile` is set), new ids and the clock.
 */
import type { JWK } from 'jose';
import { fail } from './http.js';
import { readJsonFile, writeFileAtomic } from './persistence.js';
import { seedState, type SandboxState } from './seed.js';

/** What `--data FILE` holds. */
interface Persisted {
  format: 'paperos-sandbox/1';
  state: SandboxState;
  privateJwk: JWK;
}

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** The saved state and signing key, or undefined when the file does not exist yet. */
export function readDataFile(file: string): { state: SandboxState; privateJwk: JWK } | undefined {
  let data: unknown;
  try {
    data = readJsonFile(file);
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
  }
  if (data === undefined) return undefined;
  // Persisted state must at least have the collections the routes read.
  const p = data as Partial<Persisted> | null;
  const s = p?.state as Partial<SandboxState> | undefined;
  const ok =
    !!s &&
    typeof p?.privateJwk === 'object' &&
    ['clients', 'subjects', 'orgs', 'templates'].every((k) => Array.isArray(s[k as keyof SandboxState])) &&
    ['workflows', 'records', 'documents'].every((k) => typeof s[k as keyof SandboxState] === 'object');
  if (!ok) throw new Error(`${file} is not a PaperOS sandbox data file (move it away, or pass another --data).`);
  return p as Persisted;
}

export class Store {
  readonly state: SandboxState;
  readonly #seed: Parameters<typeof seedState>[0];
  readonly #dataFile: string | undefined;
  readonly #signingKey: () => JWK;
  readonly #now: () => number;

  constructor(options: {
    /** The saved state, else a fresh seed. */
    state?: SandboxState;
    seed: Parameters<typeof seedState>[0];
    dataFile?: string;
    /** The private key written beside the state, so tokens survive a restart. */
    signingKey: () => JWK;
    now: () => number;
  }) {
    this.#seed = options.seed;
    this.#dataFile = options.dataFile;
    this.#signingKey = options.signingKey;
    this.#now = options.now;
    this.state = options.state ?? seedState(this.#seed);
  }

  /** Counts a change and writes the file: called before the response goes out, so an acknowledged change survives a crash. */
  save(): void {
    this.state.version++;
    if (!this.#dataFile) return;
    const data: Persisted = { format: 'paperos-sandbox/1', state: this.state, privateJwk: this.#signingKey() };
    writeFileAtomic(this.#dataFile, JSON.stringify(data));
  }

  /** Puts the data back to the seed, in place (the version keeps counting). */
  reset(): void {
    const fresh = seedState(this.#seed);
    const version = this.state.version;
    Object.assign(this.state, fresh, { version });
    this.save();
  }

  /** A random id that no existing id repeats (runtime ids are random, so a restart never reissues one). */
  newId(prefix: string, length: number, taken: (id: string) => boolean): string {
    for (let attempt = 0; attempt < 20; attempt++) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      const id = `${prefix}_${Array.from(bytes, (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('')}`;
      if (!taken(id)) return id;
    }
    return fail(500, 'Could not allocate an id.');
  }

  /** Now, as an ISO timestamp. */
  iso(): string {
    return new Date(this.#now()).toISOString();
  }
}
