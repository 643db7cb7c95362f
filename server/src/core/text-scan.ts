// Scanning running text fast and exactly. A pattern searched for along a whole text is tried at
// every offset; most of the rules' patterns can only start next to a run of digits or some such
// landmark. So the landmarks are found with a character loop, and the pattern, sticky, is tried only
// at the offsets they allow: the matches are exactly those the global search would give.

/** Whether the UTF-16 unit is an ASCII digit. */
export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
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

/** The [start, end) of every run of ASCII digits in `text`, in order, as a flat list: start, end, start, end … */
export function digitRuns(text: string): readonly number[] {
  // The native search outruns a character loop here by half.
  // `test`, not `exec`: no match object per run (the start is found by stepping back over the digits).
  digitRun.lastIndex = 0;
  // Most paragraphs hold no digit: one empty list stands for all of them (typed read-only; never changed).
  if (!digitRun.test(text)) return noDigitRuns;
  let count = 0;
  let searchFrom = 0;
  do {
    const end = digitRun.lastIndex;
    let start = end - 1;
    while (start > searchFrom && isDigitCode(text.charCodeAt(start - 1))) start--;
    gathered[count++] = start;
    gathered[count++] = end;
    searchFrom = end;
  } while (digitRun.test(text));
  // An exact copy: a list grown by `push` keeps room for 17 numbers, 184 bytes for a run's usual one or
  // two pairs, and a run keeps its list for the rules' whole pass (1.5 MB more on a 10 MB draft). Gathered
  // in one list for every run, so that no list is grown for each and thrown away.
  const runs = gathered.slice(0, count);
  if (count > mostGathered) gathered.length = 0;
  return runs;
}

/** Where `digitRuns` gathers a run's list before its copy: reused, and let go of past `mostGathered` numbers. */
const gathered: number[] = [];
const mostGathered = 4096;

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
export function initialsOf(endings: readonly string[]): ReadonlySet<number> | undefined {
  if (endings.some((ending) => ending === '' || isDigitCode(ending.charCodeAt(0)))) return undefined;
  return new Set(endings.map((ending) => ending.charCodeAt(0)));
}
