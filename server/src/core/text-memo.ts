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

export class TextMemo {
  /** The runs of this version and of the previous one, by where each starts in the draft. */
  private runs = new Map<number, RunIdentity>();
  private previousRuns = new Map<number, RunIdentity>();
  /** Per namespace (a rule's), the results of this version and of the previous one, by run id. */
  private current = new Map<string, Map<number, unknown>>();
  private previous = new Map<string, Map<number, unknown>>();
  /** How much longer this version's text is than the previous one's: where a run after an edit has moved to. */
  private shift = 0;
  private nextId = 0;

  /**
   * The result of `compute` for the run whose text `text` starts at `at` in the draft: computed for
   * an equal run of the previous version (at the same place, or moved by the length the text gained,
   * as after an edit before it) or of this one, or computed now.
   */
  get<T>(namespace: string, at: number, text: string, compute: () => T): T {
    const id = this.idOf(at, text);
    let table = this.current.get(namespace);
    if (!table) {
      table = new Map();
      this.current.set(namespace, table);
    }
    if (table.has(id)) return table.get(id) as T;
    const earlier = this.previous.get(namespace);
    const value = earlier?.has(id) ? (earlier.get(id) as T) : compute();
    table.set(id, value);
    return value;
  }

  /**
   * The id of the run: the previous version's run's where the texts are equal. The texts are
   * compared once per run and version (by place, never hashed: hashing every run was the cost),
   * and kept as this version's strings (the previous one's, slices of its whole text, go).
   */
  private idOf(at: number, text: string): number {
    const seen = this.runs.get(at);
    // The same string as a rule before asked with: equal at a glance.
    if (seen && seen.text === text) return seen.id;
    // Before the edit a run stands where it stood; after it, moved by what the text gained.
    let earlier = this.previousRuns.get(at);
    if (earlier?.text !== text) {
      earlier = this.previousRuns.get(at - this.shift);
      if (earlier?.text !== text) earlier = undefined;
    }
    const id = earlier ? earlier.id : this.nextId++;
    this.runs.set(at, { text, id });
    return id;
  }

  /** A new version begins, `shift` units longer than the last: what the last one did not ask for is forgotten. */
  beginVersion(shift: number): void {
    this.previousRuns = this.runs;
    this.runs = new Map();
    this.previous = this.current;
    this.current = new Map();
    this.shift = shift;
  }

  clear(): void {
    this.runs = new Map();
    this.previousRuns = new Map();
    this.current = new Map();
    this.previous = new Map();
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
