import type { Paragraph } from '../model';
import { localMessage } from '../messages';
import type { Rule } from '../rule';

export const sectionOrderRule: Rule = {
  id: 'section-order',
  description: 'No preambular paragraph stands after the first operative paragraph (of its section), and no operative one before the chapeau.',
  defaultSeverity: 'error',
  fixable: false,
  needsLexicon: false,
  check(draft, context) {
    const firstChapeau = draft.parts.find((part) => part.chapeau)?.chapeau;
    for (const block of draft.blocks) {
      if (block.kind !== 'misplaced-paragraph') continue;
      context.report({
        span: { start: block.span.start, end: Math.min(block.span.end, draft.text.indexOf('\n', block.span.start) >>> 0) },
        message: localMessage(context.lexicon, 'section-order/above-chapeau', {}, 'An operative paragraph stands above the chapeau: a resolution opens with the chapeau, then the preamble, then the operative part.'),
        ...(firstChapeau ? { related: [{ span: firstChapeau.span, message: localMessage(context.lexicon, 'section-order/chapeau-here', {}, 'The chapeau is here.') }] } : {}),
      });
    }
    for (const part of draft.parts) {
      // Sections ("A", "B") may each open with a preamble of their own.
      const firstOperativeOf = new Map<number, Paragraph>();
      for (const operative of part.operativeParagraphs) {
        if (!firstOperativeOf.has(operative.sectionIndex)) firstOperativeOf.set(operative.sectionIndex, operative);
      }
      for (const paragraph of part.preambularParagraphs) {
        const firstOperative = firstOperativeOf.get(paragraph.sectionIndex);
        if (!firstOperative || paragraph.span.start < firstOperative.span.start) continue;
        const opener = paragraph.opener?.text ?? paragraph.text.slice(0, 30);
        context.report({
          span: paragraph.opener?.span ?? { start: paragraph.textStart, end: paragraph.textStart },
          message: localMessage(context.lexicon, 'section-order/preambular-after', { opener },
            `A preambular paragraph ('${opener}') stands after the operative part has begun: move it above the first operative paragraph.`),
          related: [{
            span: firstOperative.number?.span ?? firstOperative.opener?.span ?? firstOperative.span,
            message: localMessage(context.lexicon, 'section-order/operative-begins', {}, 'The operative part begins here.'),
          }],
        });
      }
    }
  },
};
