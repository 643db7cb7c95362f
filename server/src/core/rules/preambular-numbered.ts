import type { Rule } from '../rule';

export const preambularNumberedRule: Rule = {
  id: 'preambular-numbered',
  description: 'Preambular paragraphs carry no number.',
  defaultSeverity: 'error',
  fixable: true,
  needsLexicon: false,
  check(draft, context) {
    for (const paragraph of draft.paragraphs) {
      if (paragraph.kind !== 'preambular' || !paragraph.number) continue;
      // "PP3" labels mark preambular paragraphs while a draft is negotiated.
      if (paragraph.number.style === 'label' && context.settings.mode === 'negotiation') continue;
      context.report({
        span: paragraph.number.span,
        message: `Preambular paragraphs are not numbered: remove '${paragraph.number.text.trim()}' before '${paragraph.opener?.text ?? 'the paragraph'}'.`,
        fix: { title: 'Remove the number', edits: [{ span: { start: paragraph.number.span.start, end: paragraph.textStart }, newText: '' }] },
      });
    }
  },
};
