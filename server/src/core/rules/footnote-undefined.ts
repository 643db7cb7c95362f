import { localMessage } from '../messages';
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
      // A named call ("[^agenda]") is told by its name, which its text must carry.
      const number = call.name ?? String(call.number);
      const message = draft.form === 'pdf'
        ? localMessage(context.lexicon, 'footnote-undefined/not-in-block', { number }, `Footnote ${number} has no text: no footnote block holds a text numbered ${number}.`)
        : localMessage(context.lexicon, 'footnote-undefined/no-text', { number }, `Footnote ${number} has no text: add '[^${number}]: …' after the last paragraph.`);
      context.report({ span: call.span, message });
    }
  },
};
