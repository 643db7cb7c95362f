import type { Fix, TextEdit } from '../findings';
import type { Draft, Paragraph } from '../model';
import type { Rule } from '../rule';

/**
 * The edits that renumber every operative paragraph of every part 1, 2, 3 … in place, keeping
 * each number's own style (a later rule rewrites the style). Inserted "bis" paragraphs keep theirs.
 */
export function renumberOperativeEdits(draft: Draft): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const part of draft.parts) {
    const numbered = numberedInSequence(part.operativeParagraphs);
    numbered.forEach((paragraph, index) => {
      const number = paragraph.number;
      if (!number || number.value === index + 1) return;
      const digits = /\d+/.exec(number.text);
      if (!digits) return;
      const start = number.span.start + digits.index;
      edits.push({ span: { start, end: start + digits[0].length }, newText: String(index + 1) });
    });
  }
  return edits;
}

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
          context.report({
            span: only.number.span,
            message: `A single operative paragraph is not numbered: remove '${only.number.text}'.`,
            fix: { title: 'Remove the number', edits: [{ span: { start: only.number.span.start, end: only.textStart }, newText: '' }] },
          });
        }
        continue;
      }
      // Texts that number none of their operative paragraphs (older Council texts) are left alone.
      if (numberedCount === 0) continue;
      let previous: number | undefined;
      paragraphs.forEach((paragraph, index) => {
        const number = paragraph.number;
        const expected = previous === undefined ? 1 : previous + 1;
        if (!number) {
          context.report({
            span: { start: paragraph.textStart, end: paragraph.opener?.span.end ?? paragraph.textStart },
            message: `Operative paragraph ${index + 1} has no number: write '${expected}.' before it.`,
            fix: { title: `Number the paragraph ${expected}.`, edits: [{ span: { start: paragraph.textStart, end: paragraph.textStart }, newText: `${expected}. ` }] },
          });
          previous = expected;
          return;
        }
        // Reported where the sequence breaks, with the number renumbering gives the paragraph.
        if (number.value !== expected && number.value !== index + 1) {
          const what = previous === undefined
            ? `The first operative paragraph is numbered ${number.value}: expected 1.`
            : number.value === previous
              ? `Operative paragraph ${number.value} repeats the number of the paragraph above: expected ${index + 1}.`
              : `Operative paragraph numbered ${number.value} follows ${previous}: expected ${index + 1}.`;
          context.report({ span: number.span, message: what, fix: renumber() });
        }
        previous = number.value;
      });
    }
  },
};
