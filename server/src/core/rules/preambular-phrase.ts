import { openerFormRule } from './opener-form';

export const preambularPhraseRule = openerFormRule({
  id: 'preambular-phrase',
  description: 'A preambular paragraph opens with a preambular phrase from the lexicon ("Recalling", "Bearing in mind", "Deeply concerned").',
  paragraphKind: 'preambular',
  rightFormIs: 'Preambular paragraphs open with a participle or an adjective',
  paragraphName: 'A preambular paragraph',
  noFormMessage: (found) =>
    `'${found}' opens operative paragraphs; a preambular paragraph opens with a participle or an adjective, such as 'Recalling' or 'Aware'.`,
});
