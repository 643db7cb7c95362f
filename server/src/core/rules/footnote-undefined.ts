import type { Rule } from '../rule';

export const footnoteUndefinedRule: Rule = {
  id: 'footnote-undefined',
  description: 'Every footnote reference has a footnote text.',
  defaultSeverity: 'error',
  fixable: false,
  needsLexicon: false,
  check(draft, context) {
    const defined = new Set(draft.footnoteTexts.map((footnote) => footnote.number));
    for (const call of draft.footnoteCalls) {
      if (defined.has(call.number)) continue;
      const where = draft.form === 'pdf'
        ? `no footnote block holds a text numbered ${call.number}`
        : `add '[^${call.number}]: …' after the last paragraph`;
      context.report({ span: call.span, message: `Footnote ${call.number} has no text: ${where}.` });
    }
  },
};
