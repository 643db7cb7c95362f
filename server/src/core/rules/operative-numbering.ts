import type { Fix, TextEdit } from '../findings';
import type { Draft, Paragraph } from '../model';
import { endOfNumberLabels } from '../parse/labels';
import type { Rule } from '../rule';
import { numberHeadsListAlone } from '../structure';
import { paragraphAt } from './cross-reference';
import { DraftMemo } from '../draft-memo';

/**
 * The edits that renumber every operative paragraph of every part 1, 2, 3 … in place, keeping
 * each number's own style (numbering-format rewrites the style), and that carry the cross-references
 * along: "paragraph 5 above" keeps pointing at the paragraph now numbered 4. A number written on two
 * paragraphs is ambiguous, so references to it are left as they are. Inserted "bis" paragraphs keep theirs.
 */
export function renumberOperativeEdits(draft: Draft): TextEdit[] {
  const cached = renumberCache.get(draft);
  if (cached) return cached;
  const edits: TextEdit[] = [];
  const newNumberOf = new Map<number, Map<number, number>>();
  draft.parts.forEach((part, partIndex) => {
    const numbered = numberedInSequence(part.operativeParagraphs);
    const written = new Map<number, number>();
    for (const paragraph of numbered) if (paragraph.number) written.set(paragraph.number.value, (written.get(paragraph.number.value) ?? 0) + 1);
    const mapping = new Map<number, number>();
    numbered.forEach((paragraph, index) => {
      const number = paragraph.number;
      if (!number) return;
      if (written.get(number.value) === 1) mapping.set(number.value, index + 1);
      if (number.value === index + 1) return;
      const digits = /\d+/.exec(number.text);
      if (!digits) return;
      const start = number.span.start + digits.index;
      edits.push({ span: { start, end: start + digits[0].length }, newText: String(index + 1) });
    });
    newNumberOf.set(partIndex, mapping);
  });
  for (const reference of draft.crossReferences) {
    const holder = paragraphAt(draft, reference.span.start);
    const mapping = newNumberOf.get(holder?.partIndex ?? 0);
    for (const referenced of reference.numbers) {
      const target = mapping?.get(referenced.value);
      if (target !== undefined && target !== referenced.value) edits.push({ span: referenced.span, newText: String(target) });
    }
  }
  const sorted = edits.sort((a, b) => a.span.start - b.span.start);
  renumberCache.set(draft, sorted);
  return sorted;
}

/** One set of renumbering edits per draft: every finding of the rule carries the same fix. */
const renumberCache = new DraftMemo<TextEdit[]>('operative renumbering');

/**
 * The operative paragraphs that take part in the 1, 2, 3 sequence: all but negotiation inserts
 * ("5 bis"), and an unnumbered "Resolves:" that introduces the numbered paragraphs of older texts.
 */
function numberedInSequence(paragraphs: readonly Paragraph[]): Paragraph[] {
  return paragraphs.filter((paragraph, index) => {
    if (paragraph.number?.insertSuffix) return false;
    const introducesNumbered = index === 0 && !paragraph.number && paragraph.text.trimEnd().endsWith(':') && paragraphs[1]?.number?.value === 1;
    return !introducesNumbered;
  });
}

export const operativeNumberingRule: Rule = {
  id: 'operative-numbering',
  description: 'Operative paragraphs are numbered 1, 2, 3 … with no gap, duplicate or disorder; a single operative paragraph is not numbered.',
  defaultSeverity: 'error',
  fixable: true,
  needsLexicon: false,
  check(draft, context) {
    const renumber = (): Fix => ({ title: 'Renumber operative paragraphs', edits: renumberOperativeEdits(draft) });
    for (const part of draft.parts) {
      const paragraphs = numberedInSequence(part.operativeParagraphs);
      const numberedCount = paragraphs.filter((paragraph) => paragraph.number).length;
      if (paragraphs.length === 1) {
        const only = paragraphs[0] as Paragraph;
        if (only.number && only.number.value === 1 && only.number.style === 'dot') {
          // A lone "1." is how some adopted texts print a single paragraph; only other numbers are slips.
          continue;
        }
        if (only.number) {
          // Repeated numbers ("2. 2. Decides") go at once, up to a lone "1." that may stay.
          const end = endOfNumberLabels(draft.text, only.textStart, only.span.end, (label) => label.value === 1 && label.style === 'dot');
          context.report({
            span: only.number.span,
            message: `A single operative paragraph is not numbered: remove '${only.number.text}'.`,
            ...(numberHeadsListAlone(draft, only, end) ? {} : { fix: { title: 'Remove the number', edits: [{ span: { start: only.number.span.start, end }, newText: '' }] } }),
          });
        }
        continue;
      }
      // Texts that number none of their operative paragraphs (older Council texts) are left alone.
      if (numberedCount === 0) continue;
      let previous: number | undefined;
      /** Whether `previous` was written on the paragraph above, or only assumed for an unnumbered one. */
      let previousWritten = false;
      paragraphs.forEach((paragraph, index) => {
        const number = paragraph.number;
        const expected = previous === undefined ? 1 : previous + 1;
        if (!number) {
          const position = index + 1;
          context.report({
            span: { start: paragraph.textStart, end: paragraph.opener?.span.end ?? paragraph.textStart },
            message: `Operative paragraph ${position} has no number: write '${position}.' before it.`,
            fix: { title: `Number the paragraph ${position}.`, edits: [{ span: { start: paragraph.textStart, end: paragraph.textStart }, newText: `${position}. ` }] },
          });
          previous = expected;
          previousWritten = false;
          return;
        }
        // Reported where the sequence breaks, with the number renumbering gives the paragraph.
        if (number.value !== expected && number.value !== index + 1) {
          const what = previous === undefined
            ? `The first operative paragraph is numbered ${number.value}: expected 1.`
            : number.value === previous && previousWritten
              ? `Operative paragraph ${number.value} repeats the number of the paragraph above: expected ${index + 1}.`
              : `Operative paragraph numbered ${number.value} follows ${previous}: expected ${index + 1}.`;
          context.report({ span: number.span, message: what, fix: renumber() });
        }
        previous = number.value;
        previousWritten = true;
      });
    }
  },
};
