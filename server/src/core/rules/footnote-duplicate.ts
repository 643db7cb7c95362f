import { footnoteBodyKey } from '../footnotes';
import type { FootnoteText } from '../model';
import type { Rule } from '../rule';

export const footnoteDuplicateRule: Rule = {
  id: 'footnote-duplicate',
  description: 'Two footnotes with the same text: the later reference reuses the earlier number, as adopted texts do.',
  defaultSeverity: 'warning',
  fixable: false,
  needsLexicon: false,
  check(draft, context) {
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
      context.report({
        span: footnote.labelSpan,
        message: `Footnote ${footnote.number} repeats the text of footnote ${earlier.number}: call footnote ${earlier.number} again instead.`,
        related: [{ span: earlier.span, message: `Footnote ${earlier.number} has the same text.` }],
      });
    }
  },
};
