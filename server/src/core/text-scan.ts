// Scanning running text fast and exactly. A pattern searched for along a whole text is tried at
// every offset; most of the rules' patterns can only start next to a run of digits or some such
// landmark. So the landmarks are found with a character loop, and the pattern, sticky, is tried only
// at the offsets they allow: the matches are exactly those the global search would give.

/** Whether the UTF-16 unit is an ASCII digit. */
export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The [start, end) of every run of ASCII digits in `text`, in order, as a flat list: start, end, start, end … */
export function digitRuns(text: string): number[] {
  const runs: number[] = [];
  const length = text.length;
  for (let position = 0; position < length; position++) {
    if (!isDigitCode(text.charCodeAt(position))) continue;
    const start = position;
    while (position + 1 < length && isDigitCode(text.charCodeAt(position + 1))) position++;
    runs.push(start, position + 1);
  }
  return runs;
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
