// The rule registry: one explicit list, in the order of the catalogue (docs/rules/, ../shared spec).
import type { Rule } from '../rule';
import { bracketBalanceRule } from './bracket-balance';
import { chapeauRule } from './chapeau';
import { citationDateRule } from './citation-date';
import { crossReferenceRule } from './cross-reference';
import { dateFormatRule } from './date-format';
import { documentSymbolRule } from './document-symbol';
import { footnoteDuplicateRule } from './footnote-duplicate';
import { footnoteOrderRule } from './footnote-order';
import { footnoteStyleRule } from './footnote-style';
import { footnoteUndefinedRule } from './footnote-undefined';
import { footnoteUnusedRule } from './footnote-unused';
import { languageSupportRule } from './language-support';
import { numberingFormatRule } from './numbering-format';
import { openerAgreementRule } from './opener-agreement';
import { operativeNumberingRule } from './operative-numbering';
import { operativeVerbRule } from './operative-verb';
import { paragraphPunctuationRule } from './paragraph-punctuation';
import { preambularNumberedRule } from './preambular-numbered';
import { preambularPhraseRule } from './preambular-phrase';
import { repeatedOpenerRule } from './repeated-opener';
import { sectionOrderRule } from './section-order';
import { sessionOrdinalRule } from './session-ordinal';
import { subparagraphSequenceRule } from './subparagraph-sequence';
import { unknownOpenerRule } from './unknown-opener';
import { unSpellingRule } from './un-spelling';

export const allRules: readonly Rule[] = [
  chapeauRule,
  operativeNumberingRule,
  numberingFormatRule,
  preambularNumberedRule,
  subparagraphSequenceRule,
  crossReferenceRule,
  sectionOrderRule,
  paragraphPunctuationRule,
  bracketBalanceRule,
  operativeVerbRule,
  preambularPhraseRule,
  openerAgreementRule,
  repeatedOpenerRule,
  unknownOpenerRule,
  footnoteUndefinedRule,
  footnoteUnusedRule,
  footnoteOrderRule,
  footnoteDuplicateRule,
  footnoteStyleRule,
  citationDateRule,
  documentSymbolRule,
  dateFormatRule,
  sessionOrdinalRule,
  unSpellingRule,
  languageSupportRule,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
