import { languageName, lexiconFor } from '../lexicon/lexicon';
import type { Rule } from '../rule';

export const languageSupportRule: Rule = {
  id: 'language-support',
  description: 'A draft in a language that has no lexicon yet is checked by the language-neutral rules only; says so once.',
  defaultSeverity: 'information',
  fixable: false,
  needsLexicon: false,
  check(draft, context) {
    if (lexiconFor(draft.language)) return;
    const chapeau = draft.parts.find((part) => part.chapeau)?.chapeau;
    const name = languageName(draft.language);
    context.report({
      span: chapeau?.span ?? { start: 0, end: 0 },
      message: `This draft is in ${name}, and Resolint has no ${name} lexicon yet: only the language-neutral rules (numbering, footnotes, structure, punctuation) check it; openers are not checked.`,
    });
  },
};
