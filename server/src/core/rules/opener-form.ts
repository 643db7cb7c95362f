// The shared check behind `operative-verb` and `preambular-phrase`: an opener in the form its part
// of the resolution takes, capitalised. Only the wording differs between the two rules.
import { conventionsOf, type Lexicon, type OpenerEntry } from '../lexicon/lexicon';
import { localMessage } from '../messages';
import type { Draft, Opener, Paragraph, ParagraphKind } from '../model';
import { accentlessWordsOf, bracketedAlternatives, formAsWritten, formWithItsAccents, openerCapitals, startsWithCapital } from '../openers';
import { passiveOpenings } from '../passive-opening';
import type { Rule } from '../rule';
import { capitalize } from '../structure';

export interface OpenerFormRuleSpec {
  readonly id: 'operative-verb' | 'preambular-phrase';
  readonly description: string;
  readonly paragraphKind: ParagraphKind;
  /** "Operative paragraphs open with the present tense" */
  readonly rightFormIs: string;
  /** Said of an opener the lexicon has only for the other part ("Calls upon" in a preamble). */
  readonly noFormMessage: (found: string) => string;
  /** "An operative paragraph" */
  readonly paragraphName: string;
}

/**
 * The preambular form an opener takes under its part's chapeau: the feminine where the language's
 * adjectives agree and the organ is feminine (« Consciente » under « L'Assemblée générale, », not the
 * masculine, which opener-agreement would then ask to change again).
 */
function preambularFormFor(draft: Draft, paragraph: Paragraph, entry: OpenerEntry): string | undefined {
  if (!entry.feminine) return entry.preambular;
  const organ = draft.parts[paragraph.partIndex]?.chapeau?.organ;
  return organ !== undefined && conventionsOf(draft.language).organGenders?.[organ] === 'feminine' ? entry.feminine : entry.preambular;
}

/** The verb of an opener's words, in lower case: its first word, or its second after a pronoun (« Se félicite »). */
function verbOf(phrase: string, lexicon: Lexicon | undefined): string {
  const words = phrase.toLowerCase().split(' ');
  const pronouns = lexicon?.plural?.pronouns ?? [];
  const afterPronoun = words.length > 1 && pronouns.some((pronoun) => pronoun.toLowerCase() === words[0]);
  return (afterPronoun ? words[1] : words[0]) ?? '';
}

export function openerFormRule(spec: OpenerFormRuleSpec): Rule {
  return {
    id: spec.id,
    description: spec.description,
    defaultSeverity: 'error',
    fixable: true,
    needsLexicon: true,
    check(draft, context) {
      const checkOpener = (paragraph: Paragraph, opener: Opener | undefined): void => {
        const match = opener?.match;
        if (!opener || !match) return;
        if (spec.paragraphKind === 'operative' && match.entry.opensOperativeClause) return;
        // The adverbs and modifier around the form: « Profondement préoccupée », «Observando con preocupacion».
        // By index: asked of every opener by two rules, a for-of made an iterator for each.
        const accentless = context.lexicon ? accentlessWordsOf(draft, match, context.lexicon) : [];
        for (let index = 0; index < accentless.length; index++) {
          const word = accentless[index] as (typeof accentless)[number];
          context.report({
            span: word.span,
            message: localMessage(context.lexicon, `${spec.id}/accents`, { right: word.right, found: word.found }, `The opener is written with its accents: '${word.right}', not '${word.found}'.`),
            fix: { title: localMessage(context.lexicon, 'fix/change', { found: word.found, right: word.right }, `Change '${word.found}' to '${word.right}'`), edits: [{ span: word.span, newText: word.right }] },
          });
        }
        const accented = match.kind === spec.paragraphKind ? formWithItsAccents(match) : undefined;
        if (accented !== undefined) {
          const found = match.formText;
          const replacement = formAsWritten(opener, accented);
          context.report({
            span: match.formSpan,
            message: localMessage(context.lexicon, `${spec.id}/accents`, { right: capitalize(accented), found }, `The opener is written with its accents: '${capitalize(accented)}', not '${found}'.`),
            fix: { title: localMessage(context.lexicon, 'fix/change', { found, right: replacement }, `Change '${found}' to '${replacement}'`), edits: [{ span: match.formSpan, newText: replacement }] },
          });
          return;
        }
        if (match.kind !== spec.paragraphKind) {
          const right = spec.paragraphKind === 'operative' ? match.entry.operative : preambularFormFor(draft, paragraph, match.entry);
          const found = match.formText;
          if (!right) {
            context.report({ span: match.formSpan, message: localMessage(context.lexicon, `${spec.id}/other-part`, { found }, spec.noFormMessage(found)) });
            return;
          }
          // OCR drops a word's last letter ("1. Welcome the further report …" in S/RES/864 (1993)): in a
          // scanned record, the right form less its last letter is the right form misread.
          if (draft.fromScan && right.length === found.length + 1 && right.toLowerCase().startsWith(found.toLowerCase())) return;
          const replacement = formAsWritten(opener, right);
          // "Taking in account": the verb's form is right, a word of the phrase is not; the tense is not in question.
          const sameVerb = verbOf(found, context.lexicon) === verbOf(right, context.lexicon);
          context.report({
            span: match.formSpan,
            // Quoted as the fix writes it: in lower case after an adverb ("Also requests", not "Also Requests").
            message: sameVerb
              ? localMessage(context.lexicon, `${spec.id}/wording`, { right: replacement, found }, `The phrase is '${replacement}', not '${found}'.`)
              : localMessage(context.lexicon, `${spec.id}/wrong-form`, { right: replacement, found }, `${spec.rightFormIs}: '${replacement}', not '${found}'.`),
            fix: { title: localMessage(context.lexicon, 'fix/change', { found, right: replacement }, `Change '${found}' to '${replacement}'`), edits: [{ span: match.formSpan, newText: replacement }] },
          });
          return;
        }
        const capitals = context.lexicon && !draft.fromScan ? openerCapitals(paragraph, opener, context.lexicon, draft.text) : undefined;
        // More than the first letter to change ("Calls Upon", "DECIDES"): the whole opener, in one finding.
        if (capitals && capitals.right.slice(1) !== capitals.found.slice(1)) {
          const { found, right } = capitals;
          context.report({
            span: opener.span,
            message: localMessage(context.lexicon, `${spec.id}/capitals`, { right, found }, `Only the first letter of an opener is a capital: '${right}', not '${found}'.`),
            fix: { title: localMessage(context.lexicon, 'fix/change', { found, right }, `Change '${found}' to '${right}'`), edits: [{ span: opener.span, newText: right }] },
          });
          return;
        }
        if (!startsWithCapital(paragraph, opener)) {
          const word = /^\S+/.exec(draft.text.slice(opener.span.start, opener.span.end))?.[0] ?? '';
          context.report({
            span: { start: opener.span.start, end: opener.span.start + word.length },
            message: localMessage(context.lexicon, `${spec.id}/capital`, { right: capitalize(word), found: word }, `${spec.paragraphName} opens with a capital: '${capitalize(word)}', not '${word}'.`),
            fix: {
              title: localMessage(context.lexicon, 'fix/capitalize', { word }, `Capitalize '${word}'`),
              edits: [{ span: { start: opener.span.start, end: opener.span.start + 1 }, newText: word.charAt(0).toLocaleUpperCase() }],
            },
          });
        }
      };
      // Each bracketed alternative of a negotiation draft ("[Urges][Calls upon] States") is an opener too.
      // By index: nearly every paragraph has none, and a for-of made an iterator over its empty list.
      for (const paragraph of draft.paragraphs) {
        if (paragraph.kind !== spec.paragraphKind) continue;
        checkOpener(paragraph, paragraph.opener);
        const alternatives = bracketedAlternatives(draft, paragraph, context.lexicon);
        for (let index = 0; index < alternatives.length; index++) checkOpener(paragraph, alternatives[index]);
      }
      // "Member States are urged to …": an operative paragraph in the passive opens with no opener at
      // all; only the paragraphs whose openers the lexicon does not know are read for it.
      const lexicon = context.lexicon;
      if (spec.paragraphKind !== 'operative' || !lexicon?.passive) return;
      for (const passive of passiveOpenings(draft, lexicon).values()) {
        const { found, active: right } = passive;
        context.report({
          span: passive.span,
          message: localMessage(lexicon, 'operative-verb/passive', { right, found },
            `Operative paragraphs open with the organ's verb, in the active: '${right}', not '${found}'.`),
          fix: { title: localMessage(lexicon, 'fix/change', { found, right }, `Change '${found}' to '${right}'`), edits: [{ span: passive.span, newText: right }] },
        });
      }
    },
  };
}
