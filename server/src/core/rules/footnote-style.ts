import type { Rule } from '../rule';

export const footnoteStyleRule: Rule = {
  id: 'footnote-style',
  description: 'A footnote text starts with a capital and ends with "."; the mark stands after punctuation in English; marks at one place are separated by commas.',
  defaultSeverity: 'information',
  fixable: true,
  needsLexicon: false,
  check(draft, context) {
    for (const footnote of draft.footnoteTexts) {
      const body = footnote.body.trim();
      if (body === '') continue;
      const first = body[0] ?? '';
      if (first !== first.toLocaleUpperCase()) {
        const at = footnote.bodySpan.start;
        context.report({
          span: { start: at, end: at + 1 },
          message: `A footnote text starts with a capital: '${first.toLocaleUpperCase()}${body.slice(1, 20)}…'.`,
          fix: { title: 'Capitalize the first letter', edits: [{ span: { start: at, end: at + 1 }, newText: first.toLocaleUpperCase() }] },
        });
      }
      if (!/[.!?][”’")]?$/.test(body)) {
        const end = footnote.bodySpan.end;
        context.report({
          span: { start: end - 1, end },
          message: 'A footnote text ends with a full stop.',
          fix: { title: "Add '.'", edits: [{ span: { start: end, end }, newText: '.' }] },
        });
      }
    }
    // The mark follows punctuation in English: "resolution,[^1]", not "resolution[^1],".
    if (draft.language !== 'en') return;
    for (const call of draft.footnoteCalls) {
      if (call.style === 'bare') continue;
      const next = draft.text[call.span.end] ?? '';
      if (!/[,;:.]/.test(next)) continue;
      const mark = draft.text.slice(call.span.start, call.span.end);
      context.report({
        span: call.span,
        message: `In English the footnote mark follows the punctuation: '${next}${mark}', not '${mark}${next}'.`,
        fix: { title: `Move the mark after '${next}'`, edits: [{ span: { start: call.span.start, end: call.span.end + 1 }, newText: `${next}${mark}` }] },
      });
    }
    const calls = draft.footnoteCalls;
    for (let index = 1; index < calls.length; index++) {
      const previous = calls[index - 1];
      const call = calls[index];
      if (!previous || !call || previous.span.end !== call.span.start || call.style === 'bare') continue;
      context.report({
        span: call.span,
        message: 'Footnote marks at one place are separated by a comma.',
        fix: { title: 'Separate the marks with a comma', edits: [{ span: { start: call.span.start, end: call.span.start }, newText: ',' }] },
      });
    }
  },
};
