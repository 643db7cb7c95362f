// What can be folded: the preamble, the operative part, every paragraph that runs over more than
// one line, each block of footnote texts, each annex.
import type { Draft, Span } from '../model';

export type FoldKind = 'preamble' | 'operative-part' | 'paragraph' | 'footnotes' | 'annex';

export interface Fold {
  readonly kind: FoldKind;
  readonly span: Span;
}

function spansLines(draft: Draft, span: Span): boolean {
  return /[\r\n\u2028\u2029]/.test(draft.text.slice(span.start, span.end).trimEnd());
}

/** Footnote texts that follow each other with only white space between: one block per page foot, or the block at the end. */
function footnoteBlocks(draft: Draft): Span[] {
  const blocks: Span[] = [];
  let current: { start: number; end: number } | undefined;
  for (const footnote of [...draft.footnoteTexts].sort((a, b) => a.span.start - b.span.start)) {
    if (current && draft.text.slice(current.end, footnote.span.start).trim() === '') {
      current.end = Math.max(current.end, footnote.span.end);
      continue;
    }
    if (current) blocks.push(current);
    current = { start: footnote.span.start, end: footnote.span.end };
  }
  if (current) blocks.push(current);
  return blocks;
}

/**
 * The folds, in text order, an enclosing fold before the folds inside it. Only folds that span
 * more than one line are given; an editor that keeps one fold per first line keeps the enclosing one.
 */
export function foldingRanges(draft: Draft): Fold[] {
  const folds: Fold[] = [];
  for (const part of draft.parts) {
    const preamble = part.preambularParagraphs;
    const operative = part.operativeParagraphs;
    const firstPreambular = preamble[0];
    const lastPreambular = preamble[preamble.length - 1];
    if (firstPreambular && lastPreambular) folds.push({ kind: 'preamble', span: { start: firstPreambular.span.start, end: lastPreambular.span.end } });
    const firstOperative = operative[0];
    const lastOperative = operative[operative.length - 1];
    if (firstOperative && lastOperative) folds.push({ kind: 'operative-part', span: { start: firstOperative.span.start, end: lastOperative.span.end } });
  }
  for (const paragraph of draft.paragraphs) folds.push({ kind: 'paragraph', span: paragraph.span });
  for (const block of footnoteBlocks(draft)) folds.push({ kind: 'footnotes', span: block });
  for (const annex of draft.annexes) folds.push({ kind: 'annex', span: annex.span });
  return folds
    .filter((fold) => spansLines(draft, fold.span))
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}
