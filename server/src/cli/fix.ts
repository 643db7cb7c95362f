// `--fix`: apply the safe fixes of the findings the run reports, lint the result again, and repeat
// until nothing changes. Pure text in, text out: reading and writing files is run.ts's business.
import { applyEdits, collectFixEdits, dominantLineEnding, lint, withLineEnding, type Finding, type Settings } from '../core/index';

// The text's own line ending for what fixes insert: in the core, as the language server's edits use it too.
export { dominantLineEnding, withLineEnding, type LineEnding } from '../core/index';

/** Fixes can uncover other fixes (a renumbering after a paragraph is added); this bounds the rounds. */
export const maxFixRounds = 10;


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
