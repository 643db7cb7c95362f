import { unitAt } from '../text-scan';
import { localMessage } from '../messages';
import type { Rule } from '../rule';

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
