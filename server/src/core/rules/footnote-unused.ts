import { footnoteLinesSpan, possibleUnreadCall } from '../footnotes';
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
      const number = footnote.name ?? String(footnote.number);
      // A copy's bare digits may hold a call that was not read: the text is not deleted, and the place is shown.
      const maybeCall = footnote.style === 'bare' ? possibleUnreadCall(draft, footnote.number) : undefined;
      context.report({
        span: footnote.labelSpan,
        message: localMessage(context.lexicon, 'footnote-unused/unused', { number }, `Footnote ${number} is never referenced: no mark in the text calls it.`),
        ...(maybeCall
          ? { related: [{ span: maybeCall, message: localMessage(context.lexicon, 'footnote-unused/maybe-here', { number }, `This '${number}' may be its call: if it is, the footnote is used; check before deleting it.`) }] }
          : { fix: { title: localMessage(context.lexicon, 'fix/remove-footnote', { number }, `Remove footnote ${number}`), edits: [{ span: footnoteLinesSpan(draft, footnote), newText: '' }] } }),
      });
    }
  },
};
