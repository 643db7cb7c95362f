// Applying fixes: pure text edits on offsets of one version of the text.
import type { Finding, TextEdit } from './findings';
import type { Span } from './model';

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
  const spans = new TakenSpans();
  for (const finding of findings) {
    const edits = finding.fix?.edits ?? [];
    if (edits.length === 0 || edits.some((edit) => spans.overlaps(edit.span))) continue;
    for (const edit of edits) {
      taken.push(edit);
      spans.add(edit.span);
    }
  }
  return taken;
}

/**
 * The spans of the edits taken so far, for "does this edit overlap one of them?" in logarithmic
 * time: a megabyte line of footnote marks gives 250,000 fixes, and a scan of every taken edit per
 * edit made fix all take minutes (found by fuzzing, test/fuzz.test.ts). Two spans overlap when each
 * starts before the other ends; two insertions (empty spans) at the same place overlap too.
 */
class TakenSpans {
  /** Sorted by start. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** maxEnds[i]: the largest end among the first i + 1 spans. */
  private readonly maxEnds: number[] = [];
  private readonly insertionPoints = new Set<number>();

  overlaps(span: Span): boolean {
    if (span.start === span.end && this.insertionPoints.has(span.start)) return true;
    // The spans that start before this one ends: one of them overlaps it if it ends after this one starts.
    const before = this.countStartingBefore(span.end);
    return before > 0 && (this.maxEnds[before - 1] ?? -Infinity) > span.start;
  }

  add(span: Span): void {
    if (span.start === span.end) this.insertionPoints.add(span.start);
    // Fixes mostly come in text order: the span usually goes at the end, and nothing after it is recomputed.
    const last = this.starts[this.starts.length - 1];
    const index = last === undefined || last <= span.start ? this.starts.length : this.countStartingBefore(span.start);
    this.starts.splice(index, 0, span.start);
    this.ends.splice(index, 0, span.end);
    this.maxEnds.splice(index, 0, 0);
    for (let at = index; at < this.maxEnds.length; at++) this.maxEnds[at] = Math.max(at > 0 ? (this.maxEnds[at - 1] ?? 0) : -Infinity, this.ends[at] ?? 0);
  }

  /** How many spans start before `offset`. */
  private countStartingBefore(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.starts[middle] ?? 0) < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
