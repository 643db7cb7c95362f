import { footnoteBodyKey } from '../footnotes';
import type { FootnoteText } from '../model';
import type { Rule } from '../rule';
import { paragraphContaining } from '../structure';

export const footnoteDuplicateRule: Rule = {
  id: 'footnote-duplicate',
  description: 'Two footnotes with the same text in one part of the resolution: the later reference reuses the earlier number, as adopted texts do.',
  defaultSeverity: 'warning',
  fixable: false,
  needsLexicon: false,
  check(draft, context) {
    // Adopted texts give a citation a new footnote when it recurs in the operative part after the
    // preamble cited it (the first page is far away in print); within one part they reuse the number.
    const firstCalls = new Map<number, number>();
    for (const call of draft.footnoteCalls) if (!firstCalls.has(call.number)) firstCalls.set(call.number, call.span.start);
    const partOfFirstCall = (number: number): string | undefined => {
      const call = firstCalls.get(number);
      return call === undefined ? undefined : paragraphContaining(draft, call)?.kind;
    };
    const earlierWithText = new Map<string, FootnoteText[]>();
    for (const footnote of draft.footnoteTexts) {
      const key = footnoteBodyKey(footnote);
      // "Ibid." points at the footnote before it: repeating it is not duplicating a text.
      if (key === '' || /^ibid\b/i.test(key)) continue;
      let earlier = earlierWithText.get(key);
      if (!earlier) {
        earlier = [];
        earlierWithText.set(key, earlier);
      }
      const laterPart = partOfFirstCall(footnote.number);
      const same = earlier.find((candidate) => {
        if (candidate.number === footnote.number) return false;
        const earlierPart = partOfFirstCall(candidate.number);
        return !(earlierPart && laterPart && earlierPart !== laterPart);
      });
      earlier.push(footnote);
      if (!same) continue;
      context.report({
        span: footnote.labelSpan,
        message: `Footnote ${footnote.number} repeats the text of footnote ${same.number}: call footnote ${same.number} again instead.`,
        related: [{ span: same.span, message: `Footnote ${same.number} has the same text.` }],
      });
    }
  },
};
