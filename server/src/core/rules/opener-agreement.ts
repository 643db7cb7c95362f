import { conventionsOf, type Lexicon, type OpenerEntry } from '../lexicon/lexicon';
import type { Draft, OpenerMatch, Span } from '../model';
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

/** A word of letters (apostrophes and hyphens inside) from `from`, after white space; undefined where none starts there. */
function wordAfter(text: string, from: number): { readonly word: string; readonly span: Span } | undefined {
  const found = /^[ \t\u00A0]+([\p{L}][\p{L}'’-]*)/u.exec(text.slice(from, from + 80));
  if (!found) return undefined;
  const word = found[1] as string;
  const start = from + found[0].length - word.length;
  return { word, span: { start, end: start + word.length } };
}

/**
 * The adjective after an opener whose entry says it agrees (« Se déclarant vivement préoccupé »), past
 * the words read with the opener and the adverbs that may stand between, where the lexicon knows it as an adjective
 * opener with both genders: its entry and where it stands.
 */
function agreeingAdjective(draft: Draft, match: OpenerMatch, lexicon: Lexicon): { readonly entry: OpenerEntry; readonly word: string; readonly span: Span } | undefined {
  // Past the words the opener was read with: « de nouveau », « également ».
  let at = Math.max(match.formSpan.end, match.additive?.position === 'after' ? match.additive.span.end : 0, match.modifierSpan?.end ?? 0);
  const adverbEndings = lexicon.adverbEndings ?? [];
  for (let words = 0; words < 3; words++) {
    const next = wordAfter(draft.text, at);
    if (!next) return undefined;
    const lower = next.word.toLowerCase();
    if (adverbEndings.some((ending) => lower.length > ending.length + 2 && lower.endsWith(ending))) {
      at = next.span.end;
      continue;
    }
    const entry = lexicon.byForm.get(lower)?.entry;
    return entry?.feminine ? { entry, word: next.word, span: next.span } : undefined;
  }
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
      // « Se déclarant préoccupé », « 3. Se déclare préoccupé »: the adjective after the opener agrees too.
      for (const paragraphs of context.lexicon ? [part.preambularParagraphs, part.operativeParagraphs] : []) for (const paragraph of paragraphs) {
        const match = paragraph.opener?.match;
        if (!match?.entry.adjectiveAgrees || !context.lexicon || match.kind !== (paragraph.kind === 'operative' ? 'operative' : 'preambular')) continue;
        const adjective = agreeingAdjective(draft, match, context.lexicon);
        if (!adjective) continue;
        const written = genderWritten(adjective.entry, adjective.word);
        if (!written || written === gender) continue;
        const form = (gender === 'feminine' ? adjective.entry.feminine : adjective.entry.preambular) ?? '';
        const right = adjective.word.charAt(0) === adjective.word.charAt(0).toLowerCase() ? form.toLowerCase() : form;
        const found = adjective.word;
        context.report({
          span: adjective.span,
          message: localMessage(context.lexicon, `opener-agreement/${gender}`, { organ: chapeau.organ, right, found }, `The opener agrees with '${chapeau.organ}', which is ${gender}: '${right}', not '${found}'.`),
          fix: { title: localMessage(context.lexicon, 'fix/change', { found, right }, `Change '${found}' to '${right}'`), edits: [{ span: adjective.span, newText: right }] },
        });
      }
      // The opener itself, in the preamble only: a preambular adjective opening an operative paragraph
      // ("1. Decidido …") is operative-verb's finding, and agreeing it would fix it into another wrong form.
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
