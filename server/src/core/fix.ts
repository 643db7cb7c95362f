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
 * The spans of the edits taken so far, for "does this edit overlap one of them?" without looking at
 * every one: a megabyte line of footnote marks gives 250,000 fixes, and a scan of every taken edit
 * per edit made fix all take minutes (found by fuzzing, test/fuzz.test.ts). Each span is filed under
 * the stretches of `stretch` characters it touches; two spans that overlap share a stretch. Two
 * spans overlap when each starts before the other ends; two insertions (empty spans) at the same
 * place overlap too, and so does an insertion at either end of a replaced stretch: it was made for
 * the text that stretch held ("." at the end of a footnote's text, where renumbering puts another
 * footnote's text), and waits for the next round, made against the new text.
 */
class TakenSpans {
  private static readonly stretch = 512;
  private readonly byStretch = new Map<number, Span[]>();

  overlaps(span: Span): boolean {
    // From the stretch of the unit before it to that of its end: a span that only touches it ends or starts there.
    const from = Math.floor(Math.max(0, span.start - 1) / TakenSpans.stretch);
    const to = Math.floor(span.end / TakenSpans.stretch);
    for (let index = from; index <= to; index++) {
      for (const other of this.byStretch.get(index) ?? []) {
        if (span.start < other.end && other.start < span.end) return true;
        // An insertion (empty span) at the same place as another, or at either end of a replaced stretch.
        if (span.start === span.end ? span.start === other.start || span.start === other.end : other.start === other.end && (other.start === span.start || other.start === span.end)) return true;
      }
    }
    return false;
  }

  add(span: Span): void {
    for (let index = this.first(span); index <= this.last(span); index++) {
      const spans = this.byStretch.get(index);
      if (spans) spans.push(span);
      else this.byStretch.set(index, [span]);
    }
  }

  private first(span: Span): number {
    return Math.floor(span.start / TakenSpans.stretch);
  }

  /** The stretch of the span's last character; an insertion's own. */
  private last(span: Span): number {
    return Math.floor(Math.max(span.start, span.end - 1) / TakenSpans.stretch);
  }
}
