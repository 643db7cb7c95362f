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
      // Remove the whole line(s) of the text, with the line break after them.
      let start = footnote.span.start;
      while (start > 0 && draft.text[start - 1] !== '\n' && /[ \t]/.test(draft.text[start - 1] ?? '')) start--;
      let end = footnote.span.end;
      while (draft.text[end] === ' ' || draft.text[end] === '\t') end++;
      if (draft.text[end] === '\r') end++;
      if (draft.text[end] === '\n') end++;
      context.report({
        span: footnote.labelSpan,
        message: `Footnote ${footnote.number} is never referenced: no mark in the text calls it.`,
        fix: { title: `Remove footnote ${footnote.number}`, edits: [{ span: { start, end }, newText: '' }] },
      });
    }
  },
};
