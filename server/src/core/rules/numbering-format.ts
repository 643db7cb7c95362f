import { unitAt } from '../text-scan';
import { localMessage } from '../messages';
import type { CrossReference, Draft, Paragraph } from '../model';
import type { Rule } from '../rule';
import { letteredParagraphNamed } from '../structure';
import { ownCrossReferences, paragraphAt } from './cross-reference';

/** A reference that names a lettered operative paragraph by its letter ("(a) (iii) above"), and that paragraph. */
interface NamedByLetter {
  readonly reference: CrossReference;
  readonly paragraph: Paragraph;
}

/**
 * Per part, the first reference that names one of its lettered operative paragraphs by its letter.
 * Numbered, the paragraph has no letter: the reference would name no paragraph (or, under a paragraph
 * with items, one of those), so the part's letters are not turned into numbers for the drafter.
 */
function partsNamedByLetter(draft: Draft): Map<number, NamedByLetter> {
  const named = new Map<number, NamedByLetter>();
  for (const reference of ownCrossReferences(draft)) {
    const label = reference.subparagraphOnly;
    const holder = label && paragraphAt(draft, reference.span.start);
    const paragraph = holder && letteredParagraphNamed(draft, holder, label.name);
    if (paragraph && !named.has(paragraph.partIndex)) named.set(paragraph.partIndex, { reference, paragraph });
  }
  return named;
}

export const numberingFormatRule: Rule = {
  id: 'numbering-format',
  description: 'Paragraph numbers are written "N." followed by a space; "N bis." only in negotiation mode.',
  defaultSeverity: 'warning',
  fixable: true,
  needsLexicon: false,
  check(draft, context) {
    const negotiation = context.settings.mode === 'negotiation';
    // A part's only operative paragraph carries no number at all: where operative-numbering asks to
    // remove it (anything but a plain "1."), rewriting its form would be a second, conflicting fix.
    const alone = new Set(
      draft.parts
        .filter((part) => part.operativeParagraphs.length === 1)
        .map((part) => part.operativeParagraphs[0])
        .filter((paragraph) => paragraph?.number && !paragraph.number.insertSuffix && (paragraph.number.value !== 1 || paragraph.number.style !== 'dot')),
    );
    const text = draft.text;
    // Asked only once a lettered paragraph is met: most drafts number theirs.
    let namedByLetter: Map<number, NamedByLetter> | undefined;
    const spaceMissing = (right: string, found: string): string =>
      localMessage(context.lexicon, 'numbering-format/space', { right, found }, `A paragraph number is followed by a space: '${right}', not '${found}'.`);
    for (const paragraph of draft.paragraphs) {
      const number = paragraph.number;
      // The set is asked only where it holds a paragraph (rarely): a lookup by object at every number is a hash of it.
      if (!number || paragraph.kind !== 'operative' || (alone.size > 0 && alone.has(paragraph))) continue;
      if (number.insertSuffix) {
        if (!negotiation) {
          context.report({
            span: number.span,
            message: localMessage(context.lexicon, 'numbering-format/negotiation', { number: number.text.trim() },
              `'${number.text.trim()}' is a negotiation number: a final text numbers every paragraph 1, 2, 3 … (or set "mode" to "negotiation").`),
          });
        }
        continue;
      }
      if (number.style === 'label' && negotiation) continue;
      // "12," is how OCR reads "12." in scanned texts; a typed draft gets the finding.
      if (number.style === 'comma' && draft.fromScan) continue;
      // Read by code, and only for a number written "12." (the unit after it, or none at the text's end).
      if (number.style === 'dot') {
        const after = number.span.end;
        const next = after < text.length ? unitAt(text, after) : -1;
        if (next === 32 || next === 10 || next === 13 || next === -1 || next === 9 || next === 0xa0) continue;
      }
      // Written only for a finding: most numbers are right, and this runs for every one.
      const right = `${number.value}.`;
      const written = number.text.trim();
      const tight = number.style === 'dot';
      if (number.style === 'letter') {
        const held = (namedByLetter ??= partsNamedByLetter(draft)).get(paragraph.partIndex);
        if (held) {
          const what = localMessage(context.lexicon, 'numbering-format/letter', { right, found: written }, `Operative paragraphs are numbered 1, 2, 3 …, not lettered: write '${right}', not '${written}'.`);
          const reference = text.slice(held.reference.span.start, held.reference.span.end).replace(/\s+/g, ' ');
          const letter = held.paragraph.number?.text.trim() ?? '';
          const values = { what, reference, label: letter, number: String(held.paragraph.number?.value ?? '') };
          context.report({
            span: number.span,
            message: localMessage(context.lexicon, 'numbering-format/letter-held', values,
              `${what} Not numbered for you: '${reference}' names paragraph ${letter} by its letter, which numbering takes away. Name it by its number, ${values.number}, first.`),
            related: [{ span: held.reference.span, message: localMessage(context.lexicon, 'numbering-format/named-by-letter', { label: letter }, `Paragraph ${letter} is named by its letter here.`) }],
          });
          continue;
        }
      }
      context.report({
        span: number.span,
        message: tight
          ? spaceMissing(`${right} ${draft.text.slice(number.span.end, number.span.end + 1)}…`, `${written}${draft.text.slice(number.span.end, number.span.end + 1)}…`)
          : number.style === 'letter'
            ? localMessage(context.lexicon, 'numbering-format/letter', { right, found: written }, `Operative paragraphs are numbered 1, 2, 3 …, not lettered: write '${right}', not '${written}'.`)
            : localMessage(context.lexicon, 'numbering-format/style', { right, found: written }, `Write paragraph numbers as '${right}', not '${written}'.`),
        fix: {
          title: localMessage(context.lexicon, 'fix/write-number', { right }, `Write the number as '${right}'`),
          edits: [{ span: number.span, newText: tight ? `${right} ` : right }],
        },
      });
    }
  },
};
