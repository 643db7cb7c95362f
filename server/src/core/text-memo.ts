// Results computed from one run of prose (a paragraph's own text, a footnote's), kept from one
// version of a document to the next. A rule that reads each run on its own (dates, spelling,
// symbols, citations) asks for its result by the run; an edit changes one run's text, so the other
// runs' results are reused. What is kept is a pure function of the run's text, and is reused only
// for a run whose text is equal: reusing it gives exactly what computing it gives.

/** A run of one version: its text, and an id it shares with an equal run of the previous version. */
interface RunIdentity {
  readonly text: string;
  readonly id: number;
}

/** A kept result, and the last version that asked for it. */
interface Kept {
  readonly value: unknown;
  used: number;
}

/** One namespace's kept results (a rule's, for one language), and how many the last versions used. */
interface MemoTable {
  readonly kept: Map<number, Kept>;
  usedNow: number;
  usedBefore: number;
}

/** What a run carries once the memo has named it: for this memo and version only (a draft may be linted by several). */
export interface RunStamp {
  readonly owner: TextMemo;
  readonly version: number;
  readonly id: number;
}

/** A run as the memo sees it: its text, where it starts in the draft, and the stamp the memo leaves on it. */
export interface MemoRun {
  readonly text: string;
  readonly start: number;
  stamp?: RunStamp;
}

const nothing: readonly never[] = Object.freeze([]);

export class TextMemo {
  /** The runs of this version and of the previous one, by where each starts in the draft. */
  private runs = new Map<number, RunIdentity>();
  private previousRuns = new Map<number, RunIdentity>();
  /** Per namespace (a rule's), the results by run id; those no version asked for lately are swept out. */
  private readonly tables = new Map<string, MemoTable>();
  /** How much longer this version's text is than the previous one's: where a run after an edit has moved to. */
  private shift = 0;
  private version = 0;
  private nextId = 0;

  /**
   * `get` for `namespace` (a rule's, for one language), its table found once: a namespace is a string
   * made for each lint, and looking it up at every run compared it with the kept key each time (1.6 %
   * of a keystroke on a 1 MB draft).
   */
  perRunOf(namespace: string): <Run extends MemoRun, T>(run: Run, compute: (run: Run) => T) => T {
    let table = this.tables.get(namespace);
    if (!table) {
      table = { kept: new Map(), usedNow: 0, usedBefore: 0 };
      this.tables.set(namespace, table);
    }
    const found = table;
    return (run, compute) => this.get(found, run, compute);
  }

  /**
   * The result of `compute` for `run`: computed for an equal run of an earlier version (at the same
   * place, or moved by the length the text gained, as after an edit before it) or of this one, or
   * computed now.
   */
  private get<Run extends MemoRun, T>(table: MemoTable, run: Run, compute: (run: Run) => T): T {
    const id = this.idOf(run);
    const kept = table.kept.get(id);
    if (kept) {
      if (kept.used !== this.version) {
        kept.used = this.version;
        table.usedNow++;
      }
      return kept.value as T;
    }
    const computed = compute(run);
    // Most runs have nothing to say to a rule: one empty list stands for all of those (kept results are never changed).
    const value = Array.isArray(computed) && computed.length === 0 ? (nothing as T) : computed;
    table.kept.set(id, { value, used: this.version });
    table.usedNow++;
    return value;
  }

  /**
   * The id of the run: the previous version's run's where the texts are equal. The texts are compared
   * once per run and version (by place, never hashed: hashing every run was the cost), and kept as this
   * version's strings (the previous one's, slices of its whole text, go).
   */
  private idOf(run: MemoRun): number {
    const stamp = run.stamp;
    if (stamp && stamp.owner === this && stamp.version === this.version) return stamp.id;
    const { start: at, text } = run;
    const seen = this.runs.get(at);
    let id: number;
    if (seen && seen.text === text) {
      id = seen.id;
    } else {
      // Before the edit a run stands where it stood; after it, moved by what the text gained.
      let earlier = this.previousRuns.get(at);
      if (earlier?.text !== text) {
        earlier = this.previousRuns.get(at - this.shift);
        if (earlier?.text !== text) earlier = undefined;
      }
      id = earlier ? earlier.id : this.nextId++;
      this.runs.set(at, { text, id });
    }
    run.stamp = { owner: this, version: this.version, id };
    return id;
  }

  /** A new version begins, `shift` units longer than the last: results no recent version asked for are forgotten. */
  beginVersion(shift: number): void {
    this.previousRuns = this.runs;
    this.runs = new Map();
    this.shift = shift;
    this.version++;
    for (const table of this.tables.values()) {
      // Swept when it holds well more than the last two versions used: a sweep per keystroke would cost what keeping saves.
      if (table.kept.size > 2 * (table.usedNow + table.usedBefore) + 64) {
        for (const [id, kept] of table.kept) if (kept.used < this.version - 2) table.kept.delete(id);
      }
      table.usedBefore = table.usedNow;
      table.usedNow = 0;
    }
  }

  /** The version is linted: the previous version's runs (slices of its whole text) are let go. */
  endVersion(): void {
    this.previousRuns = new Map();
  }

  clear(): void {
    this.runs = new Map();
    this.previousRuns = new Map();
    this.tables.clear();
  }
}

/**
 * `text` as a string of its own. A slice of a long text may share the text's storage (V8 keeps
 * slices of 13 units or more as views into it) and so keep the whole of an old version alive for as
 * long as a result holding it is kept: strings in kept results are copied with this.
 */
export function detached(text: string): string {
  // Shorter strings are always copies; joining forces a flat copy, of which the slice is a view.
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
