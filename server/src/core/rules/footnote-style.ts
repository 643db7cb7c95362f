import { conventionsOf } from '../lexicon/lexicon';
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
    // Where the mark stands next to punctuation is the language's convention ("resolution,[^1]" in
    // English, "résolution[^1]," in French): languages.json says which.
    const position = conventionsOf(draft.language).footnoteMarkPosition;
    const calls = draft.footnoteCalls;
    calls.forEach((call, index) => {
      if (call.style === 'bare') return;
      const mark = draft.text.slice(call.span.start, call.span.end);
      const next = calls[index + 1];
      const previous = calls[index - 1];
      // Marks at one place are separated by commas: "[^2],[^3]"; that comma is not the text's punctuation.
      const separatesMarks = (separator: number): boolean => separator >= 0 && draft.text[separator] === ',' && (
        (next !== undefined && next.span.start === separator + 1) || (previous !== undefined && previous.span.end === separator));
      if (position === 'after') {
        const following = draft.text[call.span.end] ?? '';
        if (!/[,;:.]/.test(following) || separatesMarks(call.span.end)) return;
        context.report({
          span: call.span,
          message: `The footnote mark follows the punctuation: '${following}${mark}', not '${mark}${following}'.`,
          fix: { title: `Move the mark after '${following}'`, edits: [{ span: { start: call.span.start, end: call.span.end + 1 }, newText: `${following}${mark}` }] },
        });
      } else {
        const preceding = draft.text[call.span.start - 1] ?? '';
        if (!/[,;:.]/.test(preceding) || separatesMarks(call.span.start - 1)) return;
        context.report({
          span: call.span,
          message: `The footnote mark stands before the punctuation: '${mark}${preceding}', not '${preceding}${mark}'.`,
          fix: { title: `Move the mark before '${preceding}'`, edits: [{ span: { start: call.span.start - 1, end: call.span.end }, newText: `${mark}${preceding}` }] },
        });
      }
    });
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
