// The rule registry: one explicit list, in the order of the catalogue (docs/rules/, ../shared spec).
import type { Rule } from '../rule';
import { chapeauRule } from './chapeau';
import { crossReferenceRule } from './cross-reference';
import { footnoteDuplicateRule } from './footnote-duplicate';
import { footnoteOrderRule } from './footnote-order';
import { footnoteStyleRule } from './footnote-style';
import { footnoteUndefinedRule } from './footnote-undefined';
import { footnoteUnusedRule } from './footnote-unused';
import { languageSupportRule } from './language-support';
import { numberingFormatRule } from './numbering-format';
import { operativeNumberingRule } from './operative-numbering';
import { operativeVerbRule } from './operative-verb';
import { paragraphPunctuationRule } from './paragraph-punctuation';
import { preambularNumberedRule } from './preambular-numbered';
import { preambularPhraseRule } from './preambular-phrase';
import { repeatedOpenerRule } from './repeated-opener';
import { sectionOrderRule } from './section-order';
import { subparagraphSequenceRule } from './subparagraph-sequence';
import { unknownOpenerRule } from './unknown-opener';

export const allRules: readonly Rule[] = [
  chapeauRule,
  operativeNumberingRule,
  numberingFormatRule,
  preambularNumberedRule,
  subparagraphSequenceRule,
  crossReferenceRule,
  sectionOrderRule,
  paragraphPunctuationRule,
  operativeVerbRule,
  preambularPhraseRule,
  repeatedOpenerRule,
  unknownOpenerRule,
  footnoteUndefinedRule,
  footnoteUnusedRule,
  footnoteOrderRule,
  footnoteDuplicateRule,
  footnoteStyleRule,
  languageSupportRule,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
