import { conventionsOf, type OpenerEntry } from '../lexicon/lexicon';
import { localMessage } from '../messages';
import { formAsWritten } from '../openers';
import type { Rule } from '../rule';

type Gender = 'masculine' | 'feminine';

/** The words of a form, lower case, one apostrophe: the way the lexicon's keys are spelled. */
function normalized(text: string): string {
  return text.toLowerCase().replace(/’/g, "'").split(/\s+/).filter((word) => word !== '').join(' ');
}

/** Which of the entry's two forms the text wrote, when it wrote one of them. */
function genderWritten(entry: OpenerEntry, formText: string): Gender | undefined {
  const written = normalized(formText);
  if (entry.feminine && written === normalized(entry.feminine)) return 'feminine';
  if (entry.preambular && written === normalized(entry.preambular)) return 'masculine';
  return undefined;
}

export const openerAgreementRule: Rule = {
  id: 'opener-agreement',
  description: 'In languages where adjectives agree, an opener such as "Profondément préoccupé(e)" or "Profundamente preocupado/a" takes the gender of the organ the chapeau names.',
  defaultSeverity: 'warning',
  fixable: true,
  needsLexicon: true,
  check(draft, context) {
    const genders = conventionsOf(draft.language).organGenders;
    if (!genders) return;
    draft.parts.forEach((part) => {
      const chapeau = part.chapeau;
      const gender = chapeau ? genders[chapeau.organ] : undefined;
      if (!chapeau || !gender) return;
      // The preamble only: a preambular adjective opening an operative paragraph ("1. Decidido …") is
      // operative-verb's finding, and agreeing it would fix it into another wrong form.
      for (const paragraph of part.preambularParagraphs) {
        const opener = paragraph.opener;
        const match = opener?.match;
        if (!opener || !match || !match.entry.feminine) continue;
        const written = genderWritten(match.entry, match.formText);
        if (!written || written === gender) continue;
        const right = formAsWritten(opener, (gender === 'feminine' ? match.entry.feminine : match.entry.preambular) ?? '');
        const found = match.formText;
        const english = `The opener agrees with '${chapeau.organ}', which is ${gender}: '${right}', not '${found}'.`;
        context.report({
          span: match.formSpan,
          message: localMessage(context.lexicon, `opener-agreement/${gender}`, { organ: chapeau.organ, right, found }, english),
          fix: { title: localMessage(context.lexicon, 'fix/change', { found, right }, `Change '${found}' to '${right}'`), edits: [{ span: match.formSpan, newText: right }] },
        });
      }
    });
  },
};
