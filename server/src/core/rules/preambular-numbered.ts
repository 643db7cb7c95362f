import { endOfNumberLabels, isAlternative } from '../parse/labels';
import { localMessage } from '../messages';
import type { Rule } from '../rule';
import { numberRemovalChangesMore } from '../structure';

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
      const keepsLabels = context.settings.mode === 'negotiation';
      if (paragraph.number.style === 'label' && keepsLabels) continue;
      // Repeated numbers ("(4) (4) Recalling") go at once, up to a "PP3" that negotiation keeps.
      const end = endOfNumberLabels(draft.text, paragraph.textStart, paragraph.span.end, (label) => label.style === 'label' && keepsLabels);
      const number = paragraph.number.text.trim();
      const opener = paragraph.opener?.text;
      context.report({
        span: paragraph.number.span,
        message: opener
          ? localMessage(context.lexicon, 'preambular-numbered/numbered', { number, opener }, `Preambular paragraphs are not numbered: remove '${number}' before '${opener}'.`)
          : localMessage(context.lexicon, 'preambular-numbered/numbered-no-opener', { number }, `Preambular paragraphs are not numbered: remove '${number}' before the paragraph.`),
        // An alternative ("PP3 alt"): which wording stays is the delegates' choice; removing its label alone would keep both.
        ...(numberRemovalChangesMore(draft, paragraph, end) || isAlternative(paragraph.number) ? {} : { fix: { title: localMessage(context.lexicon, 'fix/remove-number', {}, 'Remove the number'), edits: [{ span: { start: paragraph.number.span.start, end }, newText: '' }] } }),
      });
    }
  },
};
