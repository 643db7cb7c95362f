import { footnoteBodyKey } from '../footnotes';
import type { FootnoteText } from '../model';
import type { Rule } from '../rule';

export const footnoteDuplicateRule: Rule = {
  id: 'footnote-duplicate',
  description: 'Two footnotes with the same text in one part of the resolution: the later reference reuses the earlier number, as adopted texts do.',
  defaultSeverity: 'warning',
  fixable: false,
  needsLexicon: false,
  check(draft, context) {
    // Adopted texts give a citation a new footnote when it recurs in the operative part after the
    // preamble cited it (the first page is far away in print); within one part they reuse the number.
    const partOfFirstCall = (number: number): string | undefined => {
      const call = draft.footnoteCalls.find((candidate) => candidate.number === number);
      if (!call) return undefined;
      return draft.paragraphs.find((paragraph) => paragraph.span.start <= call.span.start && call.span.start <= paragraph.span.end)?.kind;
    };
    const firstWithText = new Map<string, FootnoteText>();
    for (const footnote of draft.footnoteTexts) {
      const key = footnoteBodyKey(footnote);
      // "Ibid." points at the footnote before it: repeating it is not duplicating a text.
      if (key === '' || /^ibid\b/i.test(key)) continue;
      const earlier = firstWithText.get(key);
      if (!earlier) {
        firstWithText.set(key, footnote);
        continue;
      }
      if (earlier.number === footnote.number) continue;
      const earlierPart = partOfFirstCall(earlier.number);
      const laterPart = partOfFirstCall(footnote.number);
      if (earlierPart && laterPart && earlierPart !== laterPart) continue;
      context.report({
        span: footnote.labelSpan,
        message: `Footnote ${footnote.number} repeats the text of footnote ${earlier.number}: call footnote ${earlier.number} again instead.`,
        related: [{ span: earlier.span, message: `Footnote ${earlier.number} has the same text.` }],
      });
    }
  },
};
