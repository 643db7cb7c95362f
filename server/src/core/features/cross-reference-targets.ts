// Where a cross-reference points: "paragraph 5 above" → operative paragraph 5 of the same part;
// "paragraphs 2 to 6" → 2, 3, 4, 5 and 6; "paragraph 7 (c)" → sub-paragraph (c) of paragraph 7;
// "subparagraph (b) above" → (b) of the paragraph the reference stands in; "7 (c) and (e)" → both;
// "7 (b) (iv)" → item (iv) of (b); "7 (c bis)" → the insert; "1 (b)" of a list numbered "1.", "2." →
// its second item; "(a) (iii) above" where the operative paragraphs are lettered and the paragraph it
// stands in has no (a) → item (iii) of paragraph (a); as cross-reference reads them.
import type { CrossReference, Draft, Paragraph, ReferencedLabel, ReferencedNumber, SubParagraph } from '../model';
import { letteredParagraphNamed, referencePartAt, subparagraphNamed, subparagraphReferenced } from '../structure';
import { paragraphAt } from './at-offset';

export interface ReferenceTarget {
  readonly paragraph: Paragraph;
  /** The sub-paragraph named by "7 (c)" or "subparagraph (b)", when the reference names one. */
  readonly subparagraph?: SubParagraph;
}

/** The operative paragraph numbered `value` in the part `partIndex`; "5 bis" is never what "paragraph 5" names. */
export function operativeParagraphNumbered(draft: Draft, partIndex: number, value: number): Paragraph | undefined {
  const paragraphs = draft.parts[partIndex]?.operativeParagraphs ?? [];
  return paragraphs.find((paragraph) => paragraph.number?.value === value && !paragraph.number.insertSuffix);
}

/** The part a reference reads its numbers in: that of the paragraph it stands in (as the cross-reference rule reads it). */
function partOfReference(draft: Draft, reference: CrossReference): number {
  return referencePartAt(draft, paragraphAt(draft, reference.span.start), reference.span.start);
}

/** The item a label of a reference names in `paragraph`; with `inner` ("iv" of "(b) (iv)"), that item's own. */
function targetOf(paragraph: Paragraph, label: ReferencedLabel | undefined, inner?: ReferencedLabel): ReferenceTarget {
  const item = label === undefined ? undefined : subparagraphReferenced(paragraph.subparagraphs, label.name);
  const subparagraph = item && inner ? (subparagraphNamed(item.children, inner.name) ?? item) : item;
  return subparagraph ? { paragraph, subparagraph } : { paragraph };
}

/** The paragraph one number of a reference names, "5" or "2 bis", in the part `partIndex`. */
function paragraphOfNumber(draft: Draft, partIndex: number, number: ReferencedNumber): Paragraph | undefined {
  const suffix = number.insertSuffix?.text;
  // "paragraph 2 bis above" points at the insert "2 bis.", never at paragraph 2.
  return suffix === undefined
    ? operativeParagraphNumbered(draft, partIndex, number.value)
    : draft.parts[partIndex]?.operativeParagraphs.find((candidate) => candidate.number?.value === number.value && candidate.number.insertSuffix === suffix);
}

/**
 * What one number of a reference points at. For the ends of a range ("2 to 6"), each end points at
 * its own paragraph; `targetsOfReference` gives the paragraphs in between.
 */
export function targetOfNumber(draft: Draft, reference: CrossReference, number: ReferencedNumber): ReferenceTarget | undefined {
  const paragraph = paragraphOfNumber(draft, partOfReference(draft, reference), number);
  return paragraph ? targetOf(paragraph, number.subparagraph, number.innerSubparagraph) : undefined;
}

/** Everything one number of a reference points at: "7 (c) and (e)" gives (c) and (e) of paragraph 7. */
export function targetsOfNumber(draft: Draft, reference: CrossReference, number: ReferencedNumber): ReferenceTarget[] {
  const first = targetOfNumber(draft, reference, number);
  if (!first) return [];
  // A label the paragraph has no item for ("(e)" where it ends at (d)) points nowhere: cross-reference says so.
  const more = (number.moreSubparagraphs ?? []).map((label) => targetOf(first.paragraph, label)).filter((target) => target.subparagraph !== undefined);
  return [first, ...more];
}

/** Every paragraph (or sub-paragraph) the reference points at, in text order. */
export function targetsOfReference(draft: Draft, reference: CrossReference): ReferenceTarget[] {
  if (reference.subparagraphOnly) {
    const home = paragraphAt(draft, reference.span.start);
    const subparagraph = home && subparagraphReferenced(home.subparagraphs, reference.subparagraphOnly.name);
    if (!home) return [];
    if (!subparagraph) {
      // "(a) (iii) above" among lettered operative paragraphs: paragraph (a), and its item (iii).
      // Otherwise "subparagraph (e) above" in a paragraph with no (e) points nowhere, not at the paragraph.
      const lettered = letteredParagraphNamed(draft, home, reference.subparagraphOnly.name);
      const targets = lettered ? [lettered, ...(reference.subparagraphOnlyMore ?? []).map((label) => letteredParagraphNamed(draft, home, label.name))] : [];
      return targets.flatMap((paragraph, index) => (paragraph === undefined ? [] : [index === 0 ? targetOf(paragraph, reference.subparagraphOnlyInner) : { paragraph }]));
    }
    // "subparagraph (b) (iv) above": the item (iv) inside (b), where it has one.
    const inner = reference.subparagraphOnlyInner && subparagraphNamed(subparagraph.children, reference.subparagraphOnlyInner.name);
    return [{ paragraph: home, subparagraph: inner ?? subparagraph }];
  }
  const partIndex = partOfReference(draft, reference);
  const first = reference.numbers[0];
  const last = reference.numbers[reference.numbers.length - 1];
  if (reference.range && first && last) {
    const low = Math.min(first.value, last.value);
    const high = Math.max(first.value, last.value);
    const paragraphs = draft.parts[partIndex]?.operativeParagraphs ?? [];
    return paragraphs
      .filter((paragraph) => paragraph.number && !paragraph.number.insertSuffix && paragraph.number.value >= low && paragraph.number.value <= high)
      .map((paragraph) => paragraph.number?.value === first.value ? targetOf(paragraph, first.subparagraph, first.innerSubparagraph)
        : paragraph.number?.value === last.value ? targetOf(paragraph, last.subparagraph, last.innerSubparagraph) : targetOf(paragraph, undefined));
  }
  return reference.numbers.flatMap((number) => targetsOfNumber(draft, reference, number));
}
