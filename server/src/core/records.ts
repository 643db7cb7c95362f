// Objects and lists that live as long as a draft, made by `new` and by copying a template, never by
// object or array literals.
//
// V8 keeps, for each object or array literal in the source (its "allocation site"), how many of the
// objects it made were still alive at a young-generation collection; once most were, at a collection
// with the young generation at its full size, it makes that literal's later objects in the old
// generation at once ("pretenuring"). A collection that falls in the middle of a parse finds the whole
// model built so far alive, so whether the model's literals were pretenured depended on where the
// collections of a process's first lints fell. Where they were, every lint's model was born old and
// died old: full collections and write barriers for every draft, the corpus lint 14–15 ms against
// 12.5 in a process where they were not (the twelfth session, docs/performance.md). An object made by
// `new` has no allocation site and is never pretenured.
//
// Each constructor's prototype is `Object.prototype`, so an object is the plain object it was before:
// equal to the same literal under `deepStrictEqual`, the same JSON, the same spread.

/**
 * `constructor`, a function that fills `this`, as a constructor of `Instance` whose instances have
 * `Object.prototype` as their prototype: they are plain objects.
 */
export function plain<Instance, Parameters extends unknown[]>(constructor: (this: Writable<Instance>, ...parameters: Parameters) => void): new (...parameters: Parameters) => Instance {
  (constructor as unknown as { prototype: object }).prototype = Object.prototype;
  return constructor as unknown as new (...parameters: Parameters) => Instance;
}

/** `Record` as a constructor fills it: every key writable, an optional one with undefined where absent. */
export type Writable<Record> = { -readonly [Key in keyof Record]: Record[Key] | ({} extends Pick<Record, Key> ? undefined : never) };

// An array literal has an allocation site too. A copy of a template costs about 13 ns more than a
// literal's list (some 5,000 lists a corpus lint).
const oneItem: unknown[] = [undefined];
const noItems: unknown[] = [];

/** A new list of `item` alone. */
export function listOf<Item>(item: Item): Item[] {
  const list = oneItem.slice() as Item[];
  list[0] = item;
  return list;
}

/** A new empty list, to be pushed to. */
export function emptyList<Item>(): Item[] {
  return noItems.slice() as Item[];
}
