// `--fix`: apply the safe fixes of the findings the run reports, lint the result again, and repeat
// until nothing changes. Pure text in, text out: reading and writing files is run.ts's business.
import { applyEdits, collectFixEdits, lint, type Finding, type Settings, type TextEdit } from '../core/index';

/** Fixes can uncover other fixes (a renumbering after a paragraph is added); this bounds the rounds. */
export const maxFixRounds = 10;

export type LineEnding = '\n' | '\r\n' | '\r';

export interface FixOutcome {
  /** The fixed text (the same string as the input when nothing was fixed). */
  readonly text: string;
  readonly changed: boolean;
  /** The findings of the fixed text: what is left to do by hand. */
  readonly findings: readonly Finding[];
  /** The findings of the text as it was, for reporting a file whose fixed text cannot be written. */
  readonly originalFindings: readonly Finding[];
}

/**
 * Lints `text`, applies every fix of the findings `isApplied` accepts (whole fixes that do not
 * overlap, as `collectFixEdits` picks them), and lints again, at most `maxFixRounds` times.
 * Line breaks a fix inserts are written in the text's own line ending.
 */
export function fixText(text: string, settings: Settings, isApplied: (finding: Finding) => boolean): FixOutcome {
  const lineEnding = dominantLineEnding(text);
  const originalFindings = lint(text, settings).findings;
  let current = text;
  let findings = originalFindings;
  for (let round = 0; round < maxFixRounds; round++) {
    const edits = collectFixEdits(findings.filter(isApplied)).map((edit) => withLineEnding(edit, lineEnding));
    if (edits.length === 0) break;
    const next = applyEdits(current, edits).text;
    if (next === current) break;
    current = next;
    findings = lint(current, settings).findings;
  }
  return { text: current, changed: current !== text, findings, originalFindings };
}

/**
 * The line ending most lines of `text` use: "\r\n", "\n" or "\r"; on a tie, the one met first;
 * "\n" for a text of one line.
 */
export function dominantLineEnding(text: string): LineEnding {
  const counts = { '\n': 0, '\r\n': 0, '\r': 0 };
  let first: LineEnding | undefined;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    let ending: LineEnding;
    if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) {
        ending = '\r\n';
        index++;
      } else {
        ending = '\r';
      }
    } else if (code === 10) {
      ending = '\n';
    } else {
      continue;
    }
    counts[ending]++;
    first ??= ending;
  }
  let best: LineEnding = first ?? '\n';
  for (const ending of ['\n', '\r\n', '\r'] as const) if (counts[ending] > counts[best]) best = ending;
  return best;
}

/**
 * Rules write the line breaks they insert as "\n"; in a text that uses another ending, each such
 * bare "\n" becomes that ending. A "\r\n" or "\r" the fix carries (copied from the text) is kept.
 */
export function withLineEnding(edit: TextEdit, lineEnding: LineEnding): TextEdit {
  if (lineEnding === '\n' || !edit.newText.includes('\n')) return edit;
  return { span: edit.span, newText: edit.newText.replace(/\r?\n/g, (found) => (found === '\n' ? lineEnding : found)) };
}
