// A keystroke's lint of a long draft starts with an empty young generation. A lint of a megabyte
// allocates some 6 MB, so V8 collected the young generation in the middle of every other one, and a
// collection there copied the half-built model of the version being linted (2–7 ms). Collected first,
// when the previous version's model is no longer held (the analysis cache lets it go before the lint,
// the pusher keeps only its id), the young generation holds little that lives: the collection copies
// what lasts from version to version (1.3–1.9 ms), and the lint then fits without one. Measured on a
// 1 MB draft (docs/performance.md, thirty-third session): a keystroke's p50 and p95 a tenth lower.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** The lints this is worth it for: a shorter text allocates too little to meet a collection mid-lint often. */
export const freshYoungGenerationMinimumLength = 400_000;

type Collect = (options: { readonly type: 'minor' | 'major' }) => void;

/** V8's `gc`, exposed once at the first call; null where it could not be (then nothing is collected). */
let collect: Collect | null | undefined;

function collector(): Collect | null {
  if (collect !== undefined) return collect;
  try {
    // As test runners expose it: the flag set while the process runs makes `gc` a global of new contexts.
    v8.setFlagsFromString('--expose-gc');
    const exposed: unknown = vm.runInNewContext('gc');
    collect = typeof exposed === 'function' ? (exposed as Collect) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/**
 * Collects the young generation now, before a lint of `textLength` units (only for a long text).
 * Returns whether it did.
 */
export function freshYoungGeneration(textLength: number): boolean {
  if (textLength < freshYoungGenerationMinimumLength) return false;
  const run = collector();
  if (!run) return false;
  try {
    run({ type: 'minor' });
    return true;
  } catch {
    // A V8 that does not know the option: never again, and the lint goes on.
    collect = null;
    return false;
  }
}
