import { footnoteLinesSpan } from '../footnotes';
import { localMessage } from '../messages';
import type { Rule } from '../rule';

export const footnoteUnusedRule: Rule = {
  id: 'footnote-unused',
  description: 'Every footnote text is referenced.',
  defaultSeverity: 'warning',
  fixable: true,
  needsLexicon: false,
  check(draft, context) {
    const called = new Set(draft.footnoteCalls.map((call) => call.number));
    for (const footnote of draft.footnoteTexts) {
      // A yearbook's footnotes serve its whole page: their calls may stand in headings that are not the resolution's.
      if (called.has(footnote.number) || footnote.placement === 'yearbook') continue;
      context.report({
        span: footnote.labelSpan,
        message: localMessage(context.lexicon, 'footnote-unused/unused', { number: String(footnote.number) }, `Footnote ${footnote.number} is never referenced: no mark in the text calls it.`),
        fix: { title: localMessage(context.lexicon, 'fix/remove-footnote', { number: String(footnote.number) }, `Remove footnote ${footnote.number}`), edits: [{ span: footnoteLinesSpan(draft, footnote), newText: '' }] },
      });
    }
  },
};
