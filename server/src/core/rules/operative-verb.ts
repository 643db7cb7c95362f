import { openerFormRule } from './opener-form';

export const operativeVerbRule = openerFormRule({
  id: 'operative-verb',
  description: 'An operative paragraph opens with an operative verb from the lexicon, capitalised, in the present tense ("Requests", "Calls upon").',
  paragraphKind: 'operative',
  rightFormIs: 'Operative paragraphs open with the present tense',
  paragraphName: 'An operative paragraph',
  noFormMessage: (found) =>
    `'${found}' opens preambular paragraphs; an operative paragraph opens with a verb in the present tense, such as 'Expresses' or 'Notes'.`,
});
