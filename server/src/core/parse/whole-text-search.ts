// The parser's searches over a whole text (footnote marks, the stem of cross-reference heads), as
// lists of matches, and how a session keeps them from one version of the text to the next: only the
// stretch an edit touched is searched again. The lists are flat, start and end in turn.

/** What an edit changed: the text before `start`, and from `oldEnd` in the previous version and `newEnd` in this one on, are the same. */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** How `text` differs from `previous`, found by comparing stretches natively before units. */
export function changeBetween(previous: string, text: string): TextChange {
  const shortest = Math.min(previous.length, text.length);
  const block = 512;
  let start = 0;
  while (start + block <= shortest && previous.slice(start, start + block) === text.slice(start, start + block)) start += block;
  while (start < shortest && previous.charCodeAt(start) === text.charCodeAt(start)) start++;
  // The same part at the end, not reaching back into the part the same at the start.
  let same = 0;
  const most = shortest - start;
  while (same + block <= most && previous.slice(previous.length - same - block, previous.length - same) === text.slice(text.length - same - block, text.length - same)) same += block;
  while (same < most && previous.charCodeAt(previous.length - same - 1) === text.charCodeAt(text.length - same - 1)) same++;
  return { start, oldEnd: previous.length - same, newEnd: text.length - same };
}

/** A class of rare characters of the Basic Multilingual Plane: its characters, and a test of one by code. */
export interface RareCharacters {
  /** The class's characters, by code (none a surrogate). */
  readonly codes: readonly number[];
  readonly isMember: (code: number) => boolean;
}

/**
 * How the class's characters are searched for: those below U+0100 in the string itself, the others
 * in UTF-8 by a key byte (see `classPositions`), each key with the whole forms that have it second.
 */
interface SearchForms {
  readonly latin1: readonly string[];
  readonly keys: readonly number[];
  readonly formsByKey: ReadonlyMap<number, readonly (readonly number[])[]>;
}

const searchFormsOf = new WeakMap<RareCharacters, SearchForms>();

function searchForms(characters: RareCharacters): SearchForms {
  let forms = searchFormsOf.get(characters);
  if (!forms) {
    const latin1: string[] = [];
    const formsByKey = new Map<number, number[][]>();
    for (const code of characters.codes) {
      if (code < 0x100) {
        latin1.push(String.fromCharCode(code));
        continue;
      }
      const form = [...new TextEncoder().encode(String.fromCharCode(code))];
      const key = form[1] as number;
      formsByKey.set(key, [...(formsByKey.get(key) ?? []), form]);
    }
    forms = { latin1, keys: [...formsByKey.keys()], formsByKey };
    searchFormsOf.set(characters, forms);
  }
  return forms;
}

/** UTF-16 units per piece of text encoded at a time: the bytes of one piece are at most three times as many. */
const pieceUnits = 1 << 16;
const pieceBytes = new Uint8Array(3 * pieceUnits);
const encoder = new TextEncoder();
// The byte order mark is kept as the character it is: decoding would drop one that opens the bytes decoded.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Where the class's characters stand in [from, to), in order. A class pattern (/[¹²³⁰⁴-⁹]/g) tests
 * every unit against each range, and took a tenth of a parse. The native substring search looks for
 * one byte of a character with memchr, in a two-byte text the higher of its two: for ¹ ² ³ that is
 * B9, B2, B3, rare bytes, so those are found in the string itself. For ⁴ (U+2074) it would be 74,
 * "t": a stop at every t. Those are found in the text's UTF-8 instead, a piece at a time, by their
 * second byte (81 for ⁰ ⁴–⁹). Not by the first, E2, which every curly quote and dash has; nor by the
 * last (B0–B9), nine searches. A byte found is turned back into a unit by decoding the bytes up to it.
 */
function classPositions(text: string, characters: RareCharacters, from: number, to: number): number[] {
  const { latin1, keys, formsByKey } = searchForms(characters);
  const positions: number[] = [];
  // Searched in the stretch alone (a view, not a copy): in the whole text, a search that finds nothing runs to its end.
  const stretch = from === 0 && to >= text.length ? text : text.slice(from, to);
  for (const character of latin1) {
    for (let at = stretch.indexOf(character); at >= 0; at = stretch.indexOf(character, at + 1)) positions.push(from + at);
  }
  if (keys.length > 0) {
    for (let pieceStart = from; pieceStart < to; pieceStart += pieceUnits) {
      const pieceEnd = Math.min(to, pieceStart + pieceUnits);
      const { written } = encoder.encodeInto(text.slice(pieceStart, pieceEnd), pieceBytes);
      const bytes = pieceBytes.subarray(0, written);
      const found: number[] = [];
      for (const key of keys) {
        const forms = formsByKey.get(key) ?? [];
        for (let at = bytes.indexOf(key, 1); at >= 0; at = bytes.indexOf(key, at + 1)) {
          // The key is each form's second byte: the character starts one before it.
          if (forms.some((form) => form.every((byte, index) => bytes[at - 1 + index] === byte))) found.push(at - 1);
        }
      }
      if (found.length === 0) continue;
      found.sort((a, b) => a - b);
      // Bytes to units, from one found character to the next: every byte is decoded once at most.
      let byteCursor = 0;
      let unitCursor = pieceStart;
      for (const at of found) {
        unitCursor += decoder.decode(bytes.subarray(byteCursor, at)).length;
        byteCursor = at;
        positions.push(unitCursor);
      }
    }
  }
  // One search a character below U+0100, and one a piece for the others: put in order (there are few).
  if (positions.length > 1) positions.sort((a, b) => a - b);
  return positions;
}

/**
 * The maximal runs of the class starting in [from, to), given that the character before `from` and
 * the one at `to` are none of it: each found character starts a run unless the run before holds it.
 */
function searchRuns(text: string, characters: RareCharacters, from: number, to: number, into: number[]): void {
  const { isMember } = characters;
  let runEnd = from;
  for (const start of classPositions(text, characters, from, to)) {
    if (start < runEnd) continue;
    let end = start + 1;
    while (end < to && isMember(text.charCodeAt(end))) end++;
    into.push(start, end);
    runEnd = end;
  }
}

/**
 * Maximal runs of characters of the class (the matches of /[¹²³]+/g, say), from the previous
 * version's runs where `change` says the text is the same.
 */
export function runsOf(text: string, characters: RareCharacters, previous?: { runs: readonly number[]; change: TextChange }): number[] {
  if (!previous) {
    const runs: number[] = [];
    searchRuns(text, characters, 0, text.length, runs);
    return runs;
  }
  const { isMember } = characters;
  const { change } = previous;
  // Searched again: from before the run the edit may have touched at its start, to after the one at its end.
  let from = change.start;
  while (from > 0 && isMember(text.charCodeAt(from - 1))) from--;
  let to = change.newEnd;
  while (to < text.length && isMember(text.charCodeAt(to))) to++;
  return reuseAround(previous.runs, (_, end) => end <= from, (into) => searchRuns(text, characters, from, to, into), change, (start) => start > to);
}

/**
 * A version's [start, end) pairs (a flat list) from the previous version's and a search of the
 * stretch an edit touched: the previous pairs `before` keeps, those `search` adds, then the previous
 * pairs past the stretch, moved by what the text gained, where `after` keeps their moved start.
 */
function reuseAround(
  old: readonly number[],
  before: (start: number, end: number) => boolean,
  search: (into: number[]) => void,
  change: TextChange,
  after: (movedStart: number) => boolean,
): number[] {
  const pairs: number[] = [];
  let index = 0;
  for (; index < old.length && before(old[index] as number, old[index + 1] as number); index += 2) pairs.push(old[index] as number, old[index + 1] as number);
  search(pairs);
  const shift = change.newEnd - change.oldEnd;
  for (; index < old.length; index += 2) {
    const start = (old[index] as number) + shift;
    if (after(start)) pairs.push(start, (old[index + 1] as number) + shift);
  }
  return pairs;
}

/** A pattern whose matches cannot overlap, all begin with `opening` and are at most `longest` units long: `[^N]`. */
export interface MarkPattern {
  /** Sticky: tried where the native search finds `opening`. */
  readonly sticky: RegExp;
  readonly opening: string;
  readonly longest: number;
}

/** The matches starting in [from, to): the pattern tried where the native search finds its opening. */
function searchMarks(text: string, mark: MarkPattern, from: number, to: number, into: number[]): void {
  const { sticky, opening } = mark;
  for (let at = text.indexOf(opening, from); at >= 0 && at < to; ) {
    sticky.lastIndex = at;
    const match = sticky.exec(text);
    if (match) into.push(at, at + match[0].length);
    at = text.indexOf(opening, match ? at + Math.max(1, match[0].length) : at + 1);
  }
}

/** The matches of a mark pattern, from the previous version's matches where `change` says the text is the same. */
export function occurrencesOf(text: string, mark: MarkPattern, previous?: { occurrences: readonly number[]; change: TextChange }): number[] {
  if (!previous) {
    const occurrences: number[] = [];
    searchMarks(text, mark, 0, text.length, occurrences);
    return occurrences;
  }
  const { change } = previous;
  // A match that ends after the edit's start may have changed: it starts at most `longest` before it.
  const from = Math.max(0, change.start - mark.longest + 1);
  const to = change.newEnd;
  // Those that start in the part the same at the end are the previous version's, moved.
  return reuseAround(previous.occurrences, (start) => start < from, (into) => searchMarks(text, mark, from, to, into), change, (start) => start >= to);
}

/** A stretch the parser searches in: its start and end. */
export interface SearchSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * What a search of the global pattern over the whole text, one span after the other, visits: each
 * match that starts inside a span and ends inside it, with that span (`spans` sorted by start). A
 * match that starts between spans is passed by and the search goes on at the next span's start;
 * `matches` are the pattern's matches over the whole text, `runs` of one class of characters (a
 * search from inside a run finds the rest of it) or `occurrences` that cannot overlap.
 */
export function visitInSpans<Span extends SearchSpan>(
  matches: readonly number[],
  kind: 'runs' | 'occurrences',
  spans: readonly Span[],
  visit: (start: number, end: number, span: Span) => void,
): void {
  let cursor = 0;
  let searchFrom = spans[0]?.start ?? Number.POSITIVE_INFINITY;
  let index = 0;
  for (;;) {
    // The match a search from `searchFrom` finds.
    while (index < matches.length && (kind === 'runs' ? (matches[index + 1] as number) <= searchFrom : (matches[index] as number) < searchFrom)) index += 2;
    if (index >= matches.length) return;
    const start = Math.max(matches[index] as number, searchFrom);
    const end = matches[index + 1] as number;
    while (cursor < spans.length && (spans[cursor] as Span).end <= start) cursor++;
    const span = spans[cursor];
    if (!span) return;
    if (start < span.start) {
      // Between searchable spans: the search goes on at the next one.
      searchFrom = span.start;
      continue;
    }
    if (end <= span.end) visit(start, end, span);
    searchFrom = end;
  }
}

/**
 * Where `literal` occurs in `text` (every place, overlapping ones too: a search from one place after
 * the last), from the previous version's places where `change` says the text is the same.
 */
export function literalPlaces(text: string, literal: string, previous?: { places: readonly number[]; change: TextChange }): number[] {
  const places: number[] = [];
  // Searched in the stretch alone (a view, not a copy): in the whole text, a search that finds nothing runs to its end.
  const find = (from: number, to: number): void => {
    const stretch = from === 0 && to >= text.length ? text : text.slice(from, Math.min(text.length, to + literal.length - 1));
    for (let at = stretch.indexOf(literal); at >= 0 && at + from < to; at = stretch.indexOf(literal, at + 1)) places.push(at + from);
  };
  if (!previous || literal === '') {
    find(0, text.length);
    return places;
  }
  const { change } = previous;
  // A place that ends after the edit's start may have changed.
  const from = Math.max(0, change.start - literal.length + 1);
  const shift = change.newEnd - change.oldEnd;
  let index = 0;
  const old = previous.places;
  for (; index < old.length && (old[index] as number) < from; index++) places.push(old[index] as number);
  find(from, change.newEnd);
  for (; index < old.length; index++) {
    const at = (old[index] as number) + shift;
    if (at >= change.newEnd) places.push(at);
  }
  return places;
}
