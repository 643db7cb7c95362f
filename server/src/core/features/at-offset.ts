// What stands at an offset of the text, for the features that start from the cursor (hover,
// definition, references): a footnote call or text, a cross-reference, a paragraph's number or opener.
import type { CrossReference, Draft, FootnoteCall, FootnoteText, Opener, Paragraph, ReferencedNumber, Span, SubParagraph } from '../model';
import { eachSubparagraph } from '../structure';

export type NodeAtOffset =
  | { readonly kind: 'footnote-call'; readonly span: Span; readonly call: FootnoteCall }
  | { readonly kind: 'footnote-text'; readonly span: Span; readonly footnote: FootnoteText }
  /** `number` is the number under the cursor; undefined when the cursor is elsewhere in the reference. */
  | { readonly kind: 'cross-reference'; readonly span: Span; readonly reference: CrossReference; readonly number?: ReferencedNumber }
  | { readonly kind: 'paragraph-number'; readonly span: Span; readonly paragraph: Paragraph }
  | { readonly kind: 'subparagraph-label'; readonly span: Span; readonly paragraph: Paragraph; readonly subparagraph: SubParagraph }
  | { readonly kind: 'opener'; readonly span: Span; readonly paragraph: Paragraph; readonly opener: Opener };

/**
 * The item whose span holds `offset`; failing that, one that ends right at it, so that a cursor
 * standing just after "[^2]" or "Recalling" still finds it.
 */
export function itemAt<T>(items: readonly T[], spanOf: (item: T) => Span, offset: number): T | undefined {
  let touching: T | undefined;
  for (const item of items) {
    const span = spanOf(item);
    if (span.start <= offset && offset < span.end) return item;
    if (touching === undefined && span.end === offset && span.start < span.end) touching = item;
  }
  return touching;
}

export function containsOffset(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export function nodeAt(draft: Draft, offset: number): NodeAtOffset | undefined {
  const call = itemAt(draft.footnoteCalls, (item) => item.span, offset);
  if (call) return { kind: 'footnote-call', span: call.span, call };
  const footnote = itemAt(draft.footnoteTexts, (item) => item.span, offset);
  if (footnote) return { kind: 'footnote-text', span: footnote.labelSpan, footnote };
  const reference = itemAt(draft.crossReferences, (item) => item.span, offset);
  if (reference) {
    const number = itemAt(reference.numbers, (item) => spanOfReferencedNumber(item), offset);
    return number ? { kind: 'cross-reference', span: spanOfReferencedNumber(number), reference, number } : { kind: 'cross-reference', span: reference.span, reference };
  }
  const numbered = itemAt(draft.paragraphs.filter((paragraph) => paragraph.number), (paragraph) => paragraph.number?.span ?? paragraph.span, offset);
  if (numbered?.number) return { kind: 'paragraph-number', span: numbered.number.span, paragraph: numbered };
  const opened = itemAt(draft.paragraphs.filter((paragraph) => paragraph.opener), (paragraph) => paragraph.opener?.span ?? paragraph.span, offset);
  if (opened?.opener) return { kind: 'opener', span: opened.opener.span, paragraph: opened, opener: opened.opener };
  // A sub-paragraph's label ("(a)"): what "subparagraph (a) above" and "paragraph 1 (a)" name.
  const home = paragraphAt(draft, offset);
  if (home && home.subparagraphs.length > 0) {
    const labelled = itemAt(eachSubparagraph(home.subparagraphs).filter((item) => item.label), (item) => item.label?.span ?? item.span, offset);
    if (labelled?.label) return { kind: 'subparagraph-label', span: labelled.label.span, paragraph: home, subparagraph: labelled };
  }
  return undefined;
}

/** A referenced number with its sub-paragraph label, "7 (c)" or "7 (b) (iv)", as one span. */
export function spanOfReferencedNumber(number: ReferencedNumber): Span {
  const label = number.innerSubparagraph ?? number.subparagraph;
  return { start: number.span.start, end: Math.max(number.span.end, label ? label.span.end + 1 : 0) };
}

/** The paragraph whose span holds `offset`, if any. */
export function paragraphAt(draft: Draft, offset: number): Paragraph | undefined {
  return draft.paragraphs.find((paragraph) => paragraph.span.start <= offset && offset <= paragraph.span.end);
}

export { partIndexAt } from '../structure';
