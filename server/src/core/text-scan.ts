// Scanning running text fast and exactly. A pattern searched for along a whole text is tried at
// every offset; most of the rules' patterns can only start next to a run of digits or some such
// landmark. So the landmarks are found with a character loop, and the pattern, sticky, is tried only
// at the offsets they allow: the matches are exactly those the global search would give.

import { grown } from './parse/lines';
import { DraftMemo } from './draft-memo';
import type { Draft } from './model';

const stringCharCodeAt = String.prototype.charCodeAt;

/**
 * `text.charCodeAt(index)`, called through the method itself. In a hot loop `text.charCodeAt` is a
 * property load whose feedback is the receiver string's map, and so is `text.length`; once a process has
 * read strings of five kinds (flat, sliced or joined, of one byte or two a unit: the corpus's texts are
 * of one byte, most drafts of two), V8 compiles them as generic lookups. un-spelling's word loop then
 * ran 2.5 times slower (16.5 ms against 6.5 on a 1 MB draft). Called through the constant, the method
 * is inlined whatever strings came before; a loop keeps the text's length in a local.
 */
export function unitAt(text: string, index: number): number {
  return stringCharCodeAt.call(text, index);
}

/** Whether the UTF-16 unit is an ASCII digit. */
export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether the UTF-16 unit is an ASCII lower-case letter, a to z. */
export function isAsciiLowerCode(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** The value of the ASCII digits text[start, end), read by code: no slice for `Number`. */
export function digitsValue(text: string, start: number, end: number): number {
  let value = 0;
  for (let at = start; at < end; at++) value = value * 10 + (text.charCodeAt(at) - 48);
  return value;
}

const capitalPattern = /\p{Lu}/uy;

/**
 * Whether the UTF-16 unit at `offset` is a capital letter, as `/^\p{Lu}/u` finds it in a slice of that
 * one unit (half of a surrogate pair is none, nor is the end of the text): A–Z by code, other units by
 * the pattern tried in place. The parser asks it of every paragraph's opener.
 */
export function isCapitalAt(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code < 128) return code >= 65 && code <= 90;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  capitalPattern.lastIndex = offset;
  return capitalPattern.test(text);
}

const digitRun = /\d+/g;
const noDigitRuns: readonly number[] = [];

/**
 * Where the run of digits that ends a match at `end` starts, the match having begun at `searchFrom`:
 * stepped back over the digits from its end, no further than where it began (`test` makes no match
 * object to say it). `end` itself where the match ends in no digit.
 */
export function digitRunStartBefore(text: string, searchFrom: number, end: number): number {
  let start = end;
  while (start > searchFrom && isDigitCode(text.charCodeAt(start - 1))) start--;
  return start;
}

/**
 * The [start, end) of every run of ASCII digits in `text`, in order, as a flat list: start, end, start,
 * end … For a paragraph's or a run's text; `digitRunsOf` for a whole draft's.
 */
export function digitRuns(text: string): readonly number[] {
  // The native search outruns a character loop here by half.
  digitRun.lastIndex = 0;
  // Most paragraphs hold no digit: one empty list stands for all of them (typed read-only; never changed).
  if (!digitRun.test(text)) return noDigitRuns;
  let count = 0;
  let searchFrom = 0;
  do {
    const end = digitRun.lastIndex;
    const start = digitRunStartBefore(text, searchFrom, end);
    gathered[count++] = start;
    gathered[count++] = end;
    searchFrom = end;
  } while (digitRun.test(text));
  return gatheredRuns(count);
}

/** Runs of ASCII digits gathered as a flat list (start, end …) in a typed array, off the collected heap: a whole draft's. */
export interface DigitRunList {
  runs: Int32Array;
  count: number;
}

/** A list for a text's runs of digits: a first guess of a run every 64 units (the corpus has one every 80). */
export function digitRunList(text: string): DigitRunList {
  return { runs: new Int32Array(Math.max(16, text.length >> 5)), count: 0 };
}

export function addDigitRun(list: DigitRunList, start: number, end: number): void {
  if (list.count + 2 > list.runs.length) list.runs = grown(list.runs, 2 * list.runs.length);
  list.runs[list.count++] = start;
  list.runs[list.count++] = end;
}

/** The runs gathered, as a view of the list's part that holds them (no copy). */
export function listedDigitRuns(list: DigitRunList): Int32Array {
  return list.runs.subarray(0, list.count);
}

/**
 * Sticky: the units up to the next run of digits, then the run. The units before are passed by the
 * match's greedy loop, not by a global search trying each offset in turn (15.8 against 17.9 million
 * instructions for the corpus); the run is optional, so that the last match, which runs to the
 * text's end, never backtracks (a text with no digit took twice as long when it did).
 */
const nextDigitRun = /[^0-9]*[0-9]*/y;

/** `digitRuns` of a whole draft, in a typed list: the footnote calls' candidates and every paragraph's prose read them. */
export function digitRunsOf(text: string): Int32Array {
  const list = digitRunList(text);
  nextDigitRun.lastIndex = 0;
  for (let searchFrom = 0; searchFrom < text.length && nextDigitRun.test(text); searchFrom = nextDigitRun.lastIndex) {
    const end = nextDigitRun.lastIndex;
    const start = digitRunStartBefore(text, searchFrom, end);
    // The last match may hold no digit: the units after the text's last run.
    if (start < end) addDigitRun(list, start, end);
  }
  return listedDigitRuns(list);
}

/** The first `count` digit runs gathered, as a list of their own (`exactCopy`). */
function gatheredRuns(count: number): readonly number[] {
  return count === 0 ? noDigitRuns : exactCopy(gathered, count);
}

/** Where `digitRuns` gathers a run's list before its copy: reused (see `exactCopy`). */
const gathered: number[] = [];

/**
 * The first `count` numbers of `gathered`, a list reused from one run of text to the next to gather
 * that run's numbers, as a list of their own. An exact copy: a list grown by `push` keeps room for 17
 * numbers, 184 bytes for a run's usual one or two pairs, and a run keeps its lists for the rules' whole
 * pass (1.5 MB more on a 10 MB draft). A gathering list grown past 4,096 numbers is let go of.
 */
export function exactCopy(gathered: number[], count: number): number[] {
  const copy = gathered.slice(0, count);
  if (gathered.length > 4096) gathered.length = 0;
  return copy;
}

/**
 * The runs of digits of a draft's text that its parse met looking for footnote calls in bare digits:
 * every run of the whole text (start, end …, in order; `findFootnoteCalls` searches it all, outside
 * paragraphs too). Every run of prose, a paragraph's, a sub-paragraph's or a footnote's, reads its own
 * off these instead of searching its text again: most of a copy out of a PDF was searched for digits twice.
 */
const textDigitRunsMemo = new DraftMemo<Int32Array>('text digit runs');

export function keepTextDigitRuns(draft: Draft, runs: Int32Array): void {
  textDigitRunsMemo.set(draft, runs);
}

export function keptTextDigitRuns(draft: Draft): Int32Array | undefined {
  return textDigitRunsMemo.get(draft);
}

/**
 * A draft's runs of digits (`keptTextDigitRuns`) as the runs of its prose read them: in text
 * order, each asking where its own begin. Each question starts where the last one left off when it
 * asks about a later offset (the runs of prose ask in text order), with a few neighbouring reads. A
 * binary search from the start each time read some 17 places spread over a list that, on a 10 MB
 * draft, is far larger than the cache: 15.5 ms for the digits of its 31,000 runs, against 0.8 at 1 MB.
 */
export class DraftDigitRuns {
  /** The last offset asked about, and the answer: the first pair ending after it. */
  private hintOffset = 0;
  private hintPair = 0;

  constructor(readonly runs: Int32Array) {}

  /** The index (in the flat list) of the first run whose end is past `offset`; the list's length if none. */
  firstEndingAfter(offset: number): number {
    const runs = this.runs;
    const pairs = runs.length >> 1;
    // Every pair before `low` ends at or before `offset`.
    let low = offset >= this.hintOffset ? this.hintPair : 0;
    // Galloping: pairs `low`, `low` + 1, + 3, + 7 … until one ends past `offset`, then a binary search below it.
    let bound = low;
    for (let step = 1; bound < pairs && (runs[2 * bound + 1] as number) <= offset; step *= 2) {
      low = bound + 1;
      bound = low + step;
    }
    let high = Math.min(bound, pairs);
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((runs[2 * middle + 1] as number) <= offset) low = middle + 1;
      else high = middle;
    }
    this.hintOffset = offset;
    this.hintPair = low;
    return 2 * low;
  }
}

/** A stretch of a run of prose (prose.ts) taken from the draft. */
export interface RunSegment {
  /** Where the segment starts in the run's text. */
  readonly runStart: number;
  /** Where it starts in the draft's text. */
  readonly draftStart: number;
  readonly length: number;
}

/**
 * `digitRuns(runText)`, read off the draft's runs of digits (`textRuns`: every one that meets a
 * segment, in order), for a run whose text is the draft's `segments` joined by line breaks (or, with
 * no segments, the draft's text from `soleStart`), some characters turned into spaces (blanked
 * footnote calls) where `blanked` says so. A run of the run's text lies in one segment and in one run
 * of the draft's: each of those inside a segment is cut to it, and where calls were blanked, split
 * where the run's text has no digit. A run with none blanked (most) has the draft's digits: its text is
 * not read at all (reading it again was most of the time here).
 */
export function digitRunsOfSegments(draftRuns: DraftDigitRuns, runText: string, segments: readonly RunSegment[] | undefined, soleStart: number, blanked: boolean): readonly number[] {
  const textRuns = draftRuns.runs;
  let count = 0;
  const segmentCount = segments ? segments.length : 1;
  for (let segmentIndex = 0; segmentIndex < segmentCount; segmentIndex++) {
    const segment = segments?.[segmentIndex];
    const runStart = segment ? segment.runStart : 0;
    const draftStart = segment ? segment.draftStart : soleStart;
    const segmentEnd = draftStart + (segment ? segment.length : runText.length);
    for (let index = draftRuns.firstEndingAfter(draftStart); index < textRuns.length && (textRuns[index] as number) < segmentEnd; index += 2) {
      const end = runStart + Math.min(textRuns[index + 1] as number, segmentEnd) - draftStart;
      let at = runStart + Math.max(textRuns[index] as number, draftStart) - draftStart;
      if (!blanked) {
        gathered[count++] = at;
        gathered[count++] = end;
        continue;
      }
      while (at < end) {
        while (at < end && !isDigitCode(runText.charCodeAt(at))) at++;
        const start = at;
        while (at < end && isDigitCode(runText.charCodeAt(at))) at++;
        if (at > start) {
          gathered[count++] = start;
          gathered[count++] = at;
        }
      }
    }
  }
  return gatheredRuns(count);
}

/**
 * The matches of `sticky` (a pattern with the `y` flag) that a global search of the same pattern
 * would find in `text`, left to right and never overlapping, trying it only at `candidates`. The
 * candidates need not be sorted or distinct, but must include every offset where a match can start.
 */
export function matchesAtCandidates(sticky: RegExp, text: string, candidates: number[]): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  if (candidates.length === 0) return matches;
  candidates.sort((a, b) => a - b);
  let consumedUntil = 0;
  let previous = -1;
  for (const candidate of candidates) {
    if (candidate === previous || candidate < consumedUntil || candidate < 0 || candidate > text.length) continue;
    previous = candidate;
    sticky.lastIndex = candidate;
    const match = sticky.exec(text);
    if (!match) continue;
    matches.push(match);
    // A global search goes on after the match (one further after an empty one).
    consumedUntil = match.index + Math.max(1, match[0].length);
  }
  return matches;
}

/**
 * The first UTF-16 units of `endings` (such as "st", "nd" after a number), for a test before a
 * pattern is tried; undefined when some ending is empty or starts with a digit, so cannot be told that way.
 */
export function initialsOf(endings: readonly string[]): UnitSet | undefined {
  if (endings.some((ending) => ending === '' || isDigitCode(ending.charCodeAt(0)))) return undefined;
  return new UnitSet(endings.map((ending) => ending.charCodeAt(0)));
}

/**
 * A set of UTF-16 units, a bit each: asked at every line, number or chunk, a hash set's lookup was a
 * call into its builtin each time (1–2 % of a lint of the corpus, the sets' lookups together).
 */
export class UnitSet {
  private readonly bits = new Int32Array(0x10000 >> 5);

  constructor(units: Iterable<number>) {
    for (const unit of units) if (unit >= 0 && unit < 0x10000) this.bits[unit >> 5] = (this.bits[unit >> 5] as number) | (1 << (unit & 31));
  }

  /** Whether `unit` is one of the set's: never NaN (charCodeAt past the end) or anything else that is no unit. */
  has(unit: number): boolean {
    return unit >= 0 && unit < 0x10000 && ((this.bits[unit >> 5] as number) & (1 << (unit & 31))) !== 0;
  }
}
