// Applying fixes: pure text edits on offsets of one version of the text.
import type { Finding, TextEdit } from './findings';

/**
 * Applies edits to `text`. Edits are given against the original text; an edit that overlaps
 * one already taken is skipped (and returned), so a batch never corrupts the text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const skipped: TextEdit[] = [];
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    const { start, end } = edit.span;
    if (start < cursor || end < start || end > text.length) {
      skipped.push(edit);
      continue;
    }
    result += text.slice(cursor, start) + edit.newText;
    cursor = end;
  }
  return { text: result + text.slice(cursor), skipped };
}

/** The edits of every finding's fix, each fix taken whole or not at all. */
export function collectFixEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const overlaps = (edit: TextEdit): boolean =>
    taken.some((other) => edit.span.start < other.span.end && other.span.start < edit.span.end
      || (edit.span.start === edit.span.end && edit.span.start === other.span.start && other.span.start === other.span.end));
  for (const finding of findings) {
    const edits = finding.fix?.edits ?? [];
    if (edits.length === 0 || edits.some(overlaps)) continue;
    taken.push(...edits);
  }
  return taken;
}
