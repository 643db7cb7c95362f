import { continuesOuterNumbering, renumberFootnoteEdits } from '../footnotes';
import type { Rule } from '../rule';

export const footnoteOrderRule: Rule = {
  id: 'footnote-order',
  description: 'Footnotes are numbered 1, 2, 3 … in the order of their first reference.',
  defaultSeverity: 'error',
  fixable: true,
  needsLexicon: false,
  check(draft, context) {
    // A yearbook's texts carry the volume's running numbers (41, 56 …): there, only the order counts.
    const outer = continuesOuterNumbering(draft);
    const seen = new Set<number>();
    let previous: number | undefined;
    for (const call of draft.footnoteCalls) {
      if (seen.has(call.number)) continue;
      seen.add(call.number);
      const expected = previous === undefined ? (outer ? call.number : 1) : previous + 1;
      const wrong = outer ? previous !== undefined && call.number < previous : call.number !== expected;
      if (wrong) {
        context.report({
          span: call.span,
          message: previous === undefined
            ? `The first footnote referenced is numbered ${call.number}: expected 1 (footnotes are numbered in the order of first use).`
            : `Footnote ${call.number} is referenced after footnote ${previous} for the first time: expected ${expected} (footnotes are numbered in the order of first use).`,
          fix: { title: 'Renumber footnotes', edits: renumberFootnoteEdits(draft) },
        });
      }
      previous = call.number;
    }
  },
};
