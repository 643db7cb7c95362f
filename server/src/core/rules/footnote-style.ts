import { conventionsOf } from '../lexicon/lexicon';
import { isSpace } from '../parse/lines';
import type { Rule } from '../rule';

export const footnoteStyleRule: Rule = {
  id: 'footnote-style',
  description: 'A footnote text starts with a capital and ends with "."; the mark stands on the side of punctuation the language wants (after it in English, before it in French and Spanish); marks at one place are separated by commas.',
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
    // Where the marks stand next to punctuation is the language's convention ("resolution,[^1]" in
    // English, "résolution[^1]," in French): languages.json says which. Marks at one place form a
    // group ("[^1],[^2]"), whose separating commas are not the text's punctuation.
    const position = conventionsOf(draft.language).footnoteMarkPosition;
    const calls = draft.footnoteCalls.filter((call) => call.style !== 'bare');
    const groups: (typeof calls)[] = [];
    for (const call of calls) {
      const group = groups[groups.length - 1];
      const last = group?.[group.length - 1];
      const joined = last !== undefined && (last.span.end === call.span.start || (last.span.end + 1 === call.span.start && draft.text[last.span.end] === ','));
      if (group && joined) group.push(call);
      else groups.push([call]);
    }
    for (const group of groups) {
      const first = group[0];
      const last = group[group.length - 1];
      if (!first || !last) continue;
      const marks = draft.text.slice(first.span.start, last.span.end);
      const span = { start: first.span.start, end: last.span.end };
      if (position === 'after') {
        const following = draft.text[last.span.end] ?? '';
        if (!/[,;:.]/.test(following)) continue;
        context.report({
          span,
          message: `The footnote mark follows the punctuation: '${following}${marks}', not '${marks}${following}'.`,
          fix: { title: `Move the mark after '${following}'`, edits: [{ span: { start: span.start, end: span.end + 1 }, newText: `${following}${marks}` }] },
        });
      } else {
        const preceding = draft.text[first.span.start - 1] ?? '';
        if (!/[,;:.]/.test(preceding)) continue;
        // A language that spaces its marks keeps the space with the mark: "texte ;[^1]" becomes "texte[^1] ;".
        const beforeMark = draft.text[first.span.start - 2] ?? '';
        const space = isSpace(beforeMark) && beforeMark !== '\n' && beforeMark !== '\r' ? beforeMark : '';
        const moved = { start: span.start - 1 - space.length, end: span.end };
        context.report({
          span,
          message: `The footnote mark stands before the punctuation: '${marks}${space}${preceding}', not '${space}${preceding}${marks}'.`,
          fix: { title: `Move the mark before '${preceding}'`, edits: [{ span: moved, newText: `${marks}${space}${preceding}` }] },
        });
      }
    }
    for (let index = 1; index < calls.length; index++) {
      const previous = calls[index - 1];
      const call = calls[index];
      if (!previous || !call || previous.span.end !== call.span.start) continue;
      context.report({
        span: call.span,
        message: 'Footnote marks at one place are separated by a comma.',
        fix: { title: 'Separate the marks with a comma', edits: [{ span: { start: call.span.start, end: call.span.start }, newText: ',' }] },
      });
    }
  },
};
