// The known opener nearest to a word that is none: what unknown-opener suggests, and how the parser
// tells a misspelt opener ("Reafirming") at the start of a line from a wrapped line's first word.
import { withoutDiacritics, type Lexicon } from './lexicon/lexicon';
import type { ParagraphKind } from './model';
import { detached } from './text-memo';

/** Whether a known form and a word share their first three letters, accents aside ("Décide" and "Decidé"). */
export function sameStart(form: string, lowerWord: string): boolean {
  return withoutDiacritics(form.slice(0, 3).toLowerCase()) === withoutDiacritics(lowerWord.slice(0, 3));
}

/** The two rows `editDistance` works in, kept from call to call (it runs against every opener of the lexicon). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Edit distance, given up past `limit` (openers are short; this stays cheap). Two rows, reused. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (b.length + 1 > rowA.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
  }
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = code === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

/** The first word of each opener's form for a part, as written and in lower case, in the lexicon's order. */
const headsCache = new WeakMap<Lexicon, Readonly<Record<ParagraphKind, readonly { readonly head: string; readonly lower: string }[]>>>();

function headsOf(lexicon: Lexicon, kind: ParagraphKind): readonly { readonly head: string; readonly lower: string }[] {
  let heads = headsCache.get(lexicon);
  if (!heads) {
    const of = (part: ParagraphKind): { head: string; lower: string }[] => lexicon.openers.flatMap((entry) => {
      const form = part === 'operative' ? entry.operative : entry.preambular;
      if (!form) return [];
      const head = form.split(' ')[0] ?? form;
      return [{ head, lower: head.toLowerCase() }];
    });
    heads = { operative: of('operative'), preambular: of('preambular') };
    headsCache.set(lexicon, heads);
  }
  return heads[kind];
}

/** The first three letters of every known opener's first word, lower case and without accents: a word that shares none is near none (`sameStart`). */
const headStartsCache = new WeakMap<Lexicon, ReadonlySet<string>>();

export function openerHeadStarts(lexicon: Lexicon): ReadonlySet<string> {
  let starts = headStartsCache.get(lexicon);
  if (!starts) {
    starts = new Set([...headsOf(lexicon, 'preambular'), ...headsOf(lexicon, 'operative')].map(({ lower }) => withoutDiacritics(lower.slice(0, 3))));
    headStartsCache.set(lexicon, starts);
  }
  return starts;
}

/**
 * The nearest openers found, per lexicon, part and word: the same unknown opener is asked for again
 * at every keystroke of a session. Bounded, so a text of endless distinct words cannot grow it without end.
 */
const nearestCache = new WeakMap<Lexicon, Map<string, { form: string; distance: number } | undefined>>();
const mostCached = 10_000;

/** The lexicon's opener nearest to `word` among the forms a paragraph of `kind` takes. */
export function nearestOpener(lexicon: Lexicon, word: string, kind: ParagraphKind): { form: string; distance: number } | undefined {
  let cache = nearestCache.get(lexicon);
  if (!cache) {
    cache = new Map();
    nearestCache.set(lexicon, cache);
  }
  const key = `${kind}\u0000${word}`;
  if (cache.has(key)) return cache.get(key);
  const nearest = searchNearestOpener(lexicon, word, kind);
  if (cache.size >= mostCached) cache.clear();
  // The key joins the word, a slice of the draft's text: kept as it is, it kept that whole version alive.
  cache.set(detached(key), nearest);
  return nearest;
}

function searchNearestOpener(lexicon: Lexicon, word: string, kind: ParagraphKind): { form: string; distance: number } | undefined {
  const lower = word.toLowerCase();
  let best: { form: string; distance: number } | undefined;
  for (const { head, lower: headLower } of headsOf(lexicon, kind)) {
    // The best so far bounds how far a better one may be: the search gives up sooner.
    const limit = best ? best.distance - 1 : 3;
    if (limit < 0) break;
    const distance = editDistance(lower, headLower, limit);
    if (distance <= limit) best = { form: head, distance };
  }
  return best;
}
