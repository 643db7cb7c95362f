// What a draft's readers work out once and keep for the rest of its life (its paragraph index, its
// prose runs, the renumbering a fix makes), kept on the draft itself, out of sight, not in a WeakMap
// keyed by the draft. A young-generation collection treats a WeakMap's entries as live while their
// key is young: each collection copied, and then promoted, the caches of drafts already let go of,
// and with them the paragraphs they point to. A corpus lint spent 1.3–1.5 ms in collections with
// WeakMaps here, 0.4–0.6 ms with the caches on the drafts, now in every process, since the model's
// nodes are made by `new` and never pretenured (parse/nodes.ts; docs/performance.md, the eleventh and
// twelfth sessions).
import type { Draft } from './model';

/** One kind of value kept per draft: a WeakMap's `get`, `set` and `delete`, on the draft itself. */
export class DraftMemo<Value> {
  private readonly key: symbol;
  /**
   * Where the values of drafts that take no new property go (a frozen model: a test freezes one to
   * show that nothing reading it changes it). Made at the first such draft.
   */
  private frozen: WeakMap<Draft, Value> | undefined;

  /** `name` says what is kept, for whoever reads a draft in a debugger. */
  constructor(name: string) {
    this.key = Symbol(name);
  }

  get(draft: Draft): Value | undefined {
    const kept = this.frozen?.get(draft);
    return kept !== undefined ? kept : (draft as unknown as Slots<Value>)[this.key];
  }

  set(draft: Draft, value: Value): void {
    if (!Object.isExtensible(draft)) {
      (this.frozen ??= new WeakMap()).set(draft, value);
      return;
    }
    // Not enumerable: the draft's keys, a copy of it by spread and a comparison of two drafts see
    // the model alone. Writable, so that a second value replaces the first in place.
    Object.defineProperty(draft, this.key, { value, writable: true, configurable: true, enumerable: false });
  }

  /** Lets go of the value. The slot stays, empty: deleting a property may turn the draft into a slow dictionary. */
  delete(draft: Draft): void {
    if (!Object.isExtensible(draft)) this.frozen?.delete(draft);
    else if (this.get(draft) !== undefined) (draft as unknown as Slots<Value>)[this.key] = undefined;
  }
}

type Slots<Value> = Record<symbol, Value | undefined>;
