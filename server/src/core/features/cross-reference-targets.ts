// Where a cross-reference points: "paragraph 5 above" → operative paragraph 5 of the same part;
// "paragraphs 2 to 6" → 2, 3, 4, 5 and 6; "paragraph 7 (c)" → sub-paragraph (c) of paragraph 7;
// "subparagraph (b) above" → (b) of the paragraph the reference stands in.
import type { CrossReference, Draft, Paragraph, ReferencedNumber, SubParagraph } from '../model';
import { eachSubparagraph, referencePartAt } from '../structure';
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

function subparagraphNamed(paragraph: Paragraph, name: string): SubParagraph | undefined {
  for (const item of eachSubparagraph(paragraph.subparagraphs)) {
    if (item.label?.name === name) return item;
  }
  return undefined;
}

function targetOf(paragraph: Paragraph, subparagraphName: string | undefined): ReferenceTarget {
  const subparagraph = subparagraphName === undefined ? undefined : subparagraphNamed(paragraph, subparagraphName);
  return subparagraph ? { paragraph, subparagraph } : { paragraph };
}

/**
 * What one number of a reference points at. For the ends of a range ("2 to 6"), each end points at
 * its own paragraph; `targetsOfReference` gives the paragraphs in between.
 */
export function targetOfNumber(draft: Draft, reference: CrossReference, number: ReferencedNumber): ReferenceTarget | undefined {
  const partIndex = partOfReference(draft, reference);
  const suffix = number.insertSuffix?.text;
  // "paragraph 2 bis above" points at the insert "2 bis.", never at paragraph 2.
  const paragraph = suffix === undefined
    ? operativeParagraphNumbered(draft, partIndex, number.value)
    : draft.parts[partIndex]?.operativeParagraphs.find((candidate) => candidate.number?.value === number.value && candidate.number.insertSuffix === suffix);
  return paragraph ? targetOf(paragraph, number.subparagraph?.name) : undefined;
}

/** Every paragraph (or sub-paragraph) the reference points at, in text order. */
export function targetsOfReference(draft: Draft, reference: CrossReference): ReferenceTarget[] {
  if (reference.subparagraphOnly) {
    const home = paragraphAt(draft, reference.span.start);
    const subparagraph = home && subparagraphNamed(home, reference.subparagraphOnly.name);
    // "subparagraph (e) above" in a paragraph with no (e) points nowhere, not at the paragraph.
    return home && subparagraph ? [{ paragraph: home, subparagraph }] : [];
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
      .map((paragraph) => targetOf(paragraph, paragraph.number?.value === first.value ? first.subparagraph?.name : paragraph.number?.value === last.value ? last.subparagraph?.name : undefined));
  }
  return reference.numbers.flatMap((number) => {
    const target = targetOfNumber(draft, reference, number);
    return target ? [target] : [];
  });
}
