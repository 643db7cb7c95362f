import type { Rule } from '../rule';

export const sectionOrderRule: Rule = {
  id: 'section-order',
  description: 'No preambular paragraph stands after the first operative paragraph (of its section).',
  defaultSeverity: 'error',
  fixable: false,
  needsLexicon: false,
  check(draft, context) {
    for (const part of draft.parts) {
      for (const paragraph of part.preambularParagraphs) {
        // Sections ("A", "B") may each open with a preamble of their own.
        const firstOperative = part.operativeParagraphs.find((operative) => operative.sectionIndex === paragraph.sectionIndex);
        if (!firstOperative || paragraph.span.start < firstOperative.span.start) continue;
        context.report({
          span: paragraph.opener?.span ?? { start: paragraph.textStart, end: paragraph.textStart },
          message: `A preambular paragraph ('${paragraph.opener?.text ?? paragraph.text.slice(0, 30)}') stands after the operative part has begun: move it above the first operative paragraph.`,
          related: [{ span: firstOperative.number?.span ?? firstOperative.opener?.span ?? firstOperative.span, message: 'The operative part begins here.' }],
        });
      }
    }
  },
};
