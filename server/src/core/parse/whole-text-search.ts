// The parser's searches over a whole text (footnote marks, the stem of cross-reference heads), as
// lists of matches, and how a session keeps them from one version of the text to the next: only the
// stretch an edit touched is searched again. The lists are flat, start and end in turn.
import { addDigitRun, digitRunList, digitRunStartBefore, digitRunsOf, listedDigitRuns, type DigitRunList } from '../text-scan';

/** What an edit changed: the text before `start`, and from `oldEnd` in the previous version and `newEnd` in this one on, are the same. */
export interface TextChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/**
 * How `text` differs from `previous`: the longest part the same at the start, then the longest the
 * same at the end that does not reach back into it. Found by comparing stretches natively, each twice
 * as long as the one before while they are the same, then halving down to the first difference,
 * before units: a keystroke compares the whole of a long draft but for the edit, and stretches of 512
 * units one after another were some 2,000 comparisons on a 1 MB draft (0.48 ms against 0.11).
 */
export function changeBetween(previous: string, text: string): TextChange {
  const shortest = Math.min(previous.length, text.length);
  const start = sameLength(shortest, (offset, length) => previous.slice(offset, offset + length) === text.slice(offset, offset + length), (offset) => previous.charCodeAt(offset) === text.charCodeAt(offset));
  const tail = sameLength(
    shortest - start,
    (offset, length) => previous.slice(previous.length - offset - length, previous.length - offset) === text.slice(text.length - offset - length, text.length - offset),
    (offset) => previous.charCodeAt(previous.length - offset - 1) === text.charCodeAt(text.length - offset - 1),
  );
  return { start, oldEnd: previous.length - tail, newEnd: text.length - tail };
}

/**
 * How many units from a text's start (or end) are the same, up to `most`: `sameStretch(offset,
 * length)` compares the `length` units from `offset` on, `sameUnit(offset)` the unit at `offset`.
 */
function sameLength(most: number, sameStretch: (offset: number, length: number) => boolean, sameUnit: (offset: number) => boolean): number {
  let same = 0;
  let length = 256;
  while (same + length <= most && sameStretch(same, length)) {
    same += length;
    length *= 2;
  }
  // The first difference, if any before `most`, is within `length` units of `same`.
  for (length >>= 1; length >= 16; length >>= 1) if (same + length <= most && sameStretch(same, length)) same += length;
  while (same < most && sameUnit(same)) same++;
  return same;
}

/** A class of rare characters of the Basic Multilingual Plane: its characters, and a test of one by code. */
export interface RareCharacters {
  /** The class's characters, by code (none a surrogate). */
  readonly codes: readonly number[];
  readonly isMember: (code: number) => boolean;
}

/**
 * How the class's characters are searched for: those below U+0100 in the string itself, the others
 * by a pattern of every unit from the lowest of them up (see `classPositions`).
 */
interface SearchForms {
  readonly latin1: readonly string[];
  /** Global: any unit from the lowest character of the class above U+00FF to U+FFFF (none when it has none there). */
  readonly fromLowest?: RegExp;
  /** Sticky: a stretch of such units that are not of the class (a line of Chinese). */
  readonly othersFromLowest?: RegExp;
  /** Sticky: the units before the next `fromLowest` unit or ASCII digit, it, then any digits after it (see `searchWithDigits`). */
  readonly digitsOrFromLowest?: RegExp;
}

const searchFormsOf = new WeakMap<RareCharacters, SearchForms>();

/** The unit as a pattern's escape: \u2070. */
function unitEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

function searchForms(characters: RareCharacters): SearchForms {
  let forms = searchFormsOf.get(characters);
  if (!forms) {
    const latin1 = characters.codes.filter((code) => code < 0x100).map((code) => String.fromCharCode(code));
    const others = characters.codes.filter((code) => code >= 0x100);
    if (others.length === 0) forms = { latin1 };
    else {
      const lowest = Math.min(...others);
      forms = {
        latin1,
        fromLowest: new RegExp(`[${unitEscape(lowest)}-\\uffff]`, 'g'),
        othersFromLowest: new RegExp(`[^\\x00-${unitEscape(lowest - 1)}${others.map(unitEscape).join('')}]*`, 'y'),
        digitsOrFromLowest: new RegExp(`[^0-9${unitEscape(lowest)}-\\uffff]*[0-9${unitEscape(lowest)}-\\uffff]?[0-9]*`, 'y'),
      };
    }
    searchFormsOf.set(characters, forms);
  }
  return forms;
}

/**
 * Where the class's characters stand in [from, to), in order. The native substring search looks for
 * one byte of a character with memchr, in a two-byte text the higher of its two: for ¹ ² ³ that is
 * B9, B2, B3, rare bytes, so those are found in the string itself. For ⁴ (U+2074) it would be 74,
 * "t": a stop at every t. A class pattern (/[⁰⁴-⁹]/g) is no better: V8 first looks for the units' low
 * seven bits (p, t–y again), and took 1.5 ms on the corpus. A pattern of every unit from U+2070 up
 * has every low seven bits, so it tests each unit once in a plain loop, and the texts hold almost no
 * such unit: 0.29 ms, against 0.64 for encoding the text to UTF-8 and searching its bytes for the
 * superscripts' second byte (the way before, and 40 million instructions more a lint as valgrind
 * counts them). A unit found that is not of the class starts a stretch of others, passed by one
 * sticky search: Chinese is all such units.
 */
function classPositions(text: string, characters: RareCharacters, from: number, to: number, digitRuns?: DigitRunList): number[] {
  const { latin1, fromLowest, othersFromLowest, digitsOrFromLowest } = searchForms(characters);
  const positions: number[] = [];
  // Searched in the stretch alone (a view, not a copy): in the whole text, a search that finds nothing runs to its end.
  const stretch = from === 0 && to >= text.length ? text : text.slice(from, to);
  for (const character of latin1) {
    for (let at = stretch.indexOf(character); at >= 0; at = stretch.indexOf(character, at + 1)) positions.push(from + at);
  }
  // The digits are searched along with the class in a whole text only (`runsAndDigitRunsOf`).
  if (digitRuns && stretch === text && digitsOrFromLowest && othersFromLowest) searchWithDigits(text, characters, digitsOrFromLowest, othersFromLowest, positions, digitRuns);
  else if (fromLowest && othersFromLowest) {
    const { isMember } = characters;
    fromLowest.lastIndex = 0;
    // `test`, not `exec`: no match object per unit found (a match is the one unit before lastIndex).
    while (fromLowest.test(stretch)) {
      const at = fromLowest.lastIndex - 1;
      if (isMember(stretch.charCodeAt(at))) {
        positions.push(from + at);
        continue;
      }
      othersFromLowest.lastIndex = at + 1;
      othersFromLowest.test(stretch);
      fromLowest.lastIndex = othersFromLowest.lastIndex;
    }
  }
  // One search a character below U+0100, and one for the others: put in order (there are few).
  if (positions.length > 1) positions.sort((a, b) => a - b);
  return positions;
}

/**
 * The class's units from `fromLowest` up, into `positions` as `classPositions` finds them, and every
 * maximal run of ASCII digits into `digitRuns`, in one search of the whole text: the native search
 * tests each unit against the two ranges for little more than it costs for one (18.5 against 9.7 and
 * 16.5 million instructions for the corpus's superscripts and digits apart). A match is the units
 * up to the next digit or such unit, it, then the digits right after it; it starts where the one
 * before ended (`searchFrom`), so its digits are found by stepping back from its end no further than
 * that. The units before are passed by the match's greedy loop, not by a global search trying each
 * offset in turn: 17.9 against 19.9 million instructions for the corpus. Each part is optional, so a
 * match never backtracks: the last one runs to the text's end (a required unit there made a text
 * with no digit take twice as long, each unit of its end tried again as the loop gave it back).
 */
function searchWithDigits(text: string, characters: RareCharacters, digitsOrFromLowest: RegExp, othersFromLowest: RegExp, positions: number[], digitRuns: DigitRunList): void {
  const { isMember } = characters;
  digitsOrFromLowest.lastIndex = 0;
  for (let searchFrom = 0; searchFrom < text.length && digitsOrFromLowest.test(text); searchFrom = digitsOrFromLowest.lastIndex) {
    const end = digitsOrFromLowest.lastIndex;
    const digitsStart = digitRunStartBefore(text, searchFrom, end);
    if (digitsStart < end) addDigitRun(digitRuns, digitsStart, end);
    if (digitsStart === searchFrom) continue;
    // The unit before the digits is the one of the range when the match holds one: a member of the class
    // above U+00FF is (those below are found by indexOf), and so is the last unit of a match with no
    // digits, but for the last match, which may hold neither (a skip of others from the end finds none).
    const at = digitsStart - 1;
    const code = text.charCodeAt(at);
    if (code > 0xff && isMember(code)) positions.push(at);
    else if (digitsStart === end) {
      othersFromLowest.lastIndex = end;
      othersFromLowest.test(text);
      digitsOrFromLowest.lastIndex = othersFromLowest.lastIndex;
    }
  }
}

/**
 * The maximal runs of the class (as `runsOf` finds them in a whole text) and the text's maximal runs
 * of ASCII digits (start, end …), found together.
 */
export function runsAndDigitRunsOf(text: string, characters: RareCharacters): { runs: number[]; digitRuns: Int32Array } {
  // A class with no character above U+00FF has no range to search along with the digits.
  if (!searchForms(characters).digitsOrFromLowest) return { runs: runsOf(text, characters), digitRuns: digitRunsOf(text) };
  const digitRuns = digitRunList(text);
  const runs: number[] = [];
  searchRuns(text, characters, 0, text.length, runs, digitRuns);
  return { runs, digitRuns: listedDigitRuns(digitRuns) };
}

/**
 * The maximal runs of the class starting in [from, to), given that the character before `from` and
 * the one at `to` are none of it: each found character starts a run unless the run before holds it.
 */
function searchRuns(text: string, characters: RareCharacters, from: number, to: number, into: number[], digitRuns?: DigitRunList): void {
  const { isMember } = characters;
  let runEnd = from;
  for (const start of classPositions(text, characters, from, to, digitRuns)) {
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
    // `test`, not `exec`: no match array and strings per mark (a sticky match ends at lastIndex).
    const length = sticky.test(text) ? sticky.lastIndex - at : -1;
    if (length >= 0) into.push(at, at + length);
    at = text.indexOf(opening, at + Math.max(1, length));
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
