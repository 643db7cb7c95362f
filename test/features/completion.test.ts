// Completion, as data: `$0` where the cursor stands; what must be offered, what must not, and
// what the first item inserts.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, completionsAt, lexiconFor, parse, type Completion, type CompletionOptions } from '../../server/src/core/index';
import { atCursor } from './cursor';
import { draftLikeText } from './samples';

const english: CompletionOptions = { lexicon: lexiconFor('en'), alsoPosition: 'auto' };

interface Case {
  readonly name: string;
  readonly draft: string;
  /** Labels that must be offered. */
  readonly offers: readonly string[];
  readonly hides?: readonly string[];
  /** The text after accepting the first item the editor shows (those matching the typed text, by sortText). */
  readonly firstGives?: string;
  readonly options?: CompletionOptions;
}

const head = 'The General Assembly,\n\nRecalling its resolution 60/1,\n\n';

const cases: Case[] = [
  {
    name: 'at the start of an operative paragraph: operative verbs, not participles',
    draft: `${head}1. Decides to convene a meeting;\n\n2. $0`,
    offers: ['Requests', 'Urges', 'Takes note', 'Decides'],
    hides: ['Requesting', 'Urging', 'Recalling', 'Deeply concerned'],
  },
  {
    name: 'a partly typed operative verb is replaced whole',
    draft: `${head}1. Decides to convene a meeting;\n\n2. Req$0`,
    offers: ['Requests'],
    hides: ['Requesting'],
  },
  {
    name: 'in the preamble: preambular forms, not operative verbs',
    draft: 'The General Assembly,\n\nRecalling its resolution 60/1,\n\n$0\n\n1. Decides to act.\n',
    offers: ['Recalling', 'Noting', 'Deeply concerned', 'Bearing in mind'],
    hides: ['Requests', 'Recalls'],
  },
  {
    name: 'after the same participle: "Recalling also" comes first',
    draft: `${head}Rec$0`,
    offers: ['Recalling also', 'Recalling'],
    firstGives: `${head}Recalling also `,
  },
  {
    name: 'after "Recalling also": "Recalling further"',
    draft: 'The General Assembly,\n\nRecalling its resolution 60/1,\n\nRecalling also its resolution 61/2,\n\nRec$0',
    offers: ['Recalling further'],
    firstGives: 'The General Assembly,\n\nRecalling its resolution 60/1,\n\nRecalling also its resolution 61/2,\n\nRecalling further ',
  },
  {
    name: 'after the same operative verb: "Also requests"',
    draft: `${head}1. Requests a report;\n\n2. $0`,
    offers: ['Also requests', 'Requests'],
    firstGives: `${head}1. Requests a report;\n\n2. Also requests `,
  },
  {
    name: 'with "alsoPosition": "after": "Requests also"',
    draft: `${head}1. Requests a report;\n\n2. $0`,
    offers: ['Requests also'],
    hides: ['Also requests'],
    options: { lexicon: lexiconFor('en'), alsoPosition: 'after' },
  },
  {
    name: 'on an empty line of the operative part: the next number first',
    draft: `${head}1. Decides to convene a meeting;\n\n2. Requests a report;\n\n$0`,
    offers: ['3.', 'Requests'],
    hides: ['Requesting'],
    firstGives: `${head}1. Decides to convene a meeting;\n\n2. Requests a report;\n\n3. `,
  },
  {
    name: 'a verb typed on an unnumbered operative line brings its number along',
    draft: `${head}1. Decides to convene a meeting;\n\nInv$0`,
    offers: ['Invites'],
    firstGives: `${head}1. Decides to convene a meeting;\n\n2. Invites `,
  },
  {
    name: 'digits typed at the start of an operative line: the next number',
    draft: `${head}1. Decides to convene a meeting;\n\n2. Requests a report;\n\n3$0`,
    offers: ['3.'],
    hides: ['Requests'],
    firstGives: `${head}1. Decides to convene a meeting;\n\n2. Requests a report;\n\n3. `,
  },
  {
    name: 'the document\'s emphasis is kept',
    draft: 'The General Assembly,\n\n*Recalling* its resolution 60/1,\n\n*Not$0',
    offers: ['Noting'],
    firstGives: 'The General Assembly,\n\n*Recalling* its resolution 60/1,\n\n*Noting* ',
  },
  {
    name: 'after "[^": the footnote numbers in use and the next free one',
    draft: `${head}1. Decides to act;[^2]\n\n2. Requests a report.[^$0\n\n[^1]: Resolution 60/1.\n[^2]: A/61/179.\n`,
    offers: ['1', '2', '3'],
    firstGives: `${head}1. Decides to act;[^2]\n\n2. Requests a report.[^1]\n\n[^1]: Resolution 60/1.\n[^2]: A/61/179.\n`,
  },
  {
    name: 'after "[^" in a draft with a named footnote: its name, never the number print gives it',
    draft: `${head}1. Decides to act;[^csw]\n\n2. Requests a report.[^$0\n\n[^csw]: E/2024/27.\n`,
    offers: ['csw', '2'],
    hides: ['1'],
    firstGives: `${head}1. Decides to act;[^csw]\n\n2. Requests a report.[^csw]\n\n[^csw]: E/2024/27.\n`,
  },
  {
    name: 'after "[^" and the first letters of a name: the name, the letters replaced',
    draft: `${head}1. Decides to act;[^csw]\n\n2. Requests a report.[^cs$0\n\n[^csw]: E/2024/27.\n`,
    offers: ['csw'],
    firstGives: `${head}1. Decides to act;[^csw]\n\n2. Requests a report.[^csw]\n\n[^csw]: E/2024/27.\n`,
  },
  {
    name: 'in the middle of a word: the whole word is replaced, and the space after it kept',
    draft: `${head}Rec$0al its resolution 61/2,\n`,
    offers: ['Recalling also'],
    firstGives: `${head}Recalling also its resolution 61/2,\n`,
  },
  {
    name: 'in the middle of an operative verb: the same',
    draft: `${head}1. Decides to act;\n\n2. Deci$0des to convene a meeting;\n`,
    offers: ['Decides'],
    firstGives: `${head}1. Decides to act;\n\n2. Decides to convene a meeting;\n`,
  },
  {
    name: 'after a space inside an opener of several words: those it begins',
    draft: `${head}Deeply $0`,
    offers: ['Deeply concerned'],
    hides: ['Recalling', 'Noting'],
  },
  {
    name: 'a second word partly typed: the whole opener',
    draft: `${head}Deeply con$0`,
    offers: ['Deeply concerned'],
    firstGives: `${head}Deeply concerned `,
  },
  {
    name: 'an operative adverb typed ("Also re"): the operative verbs after it, in lower case',
    draft: `${head}1. Decides to convene a meeting;\n\n2. Also re$0`,
    offers: ['Also requests', 'Also recognizes', 'Also reaffirms'],
    hides: ['Also decides', 'Requests', 'Also recalling'],
  },
  {
    name: 'an adverb and part of a verb: the verb, whole',
    draft: `${head}1. Decides to convene a meeting;\n\n2. Further req$0`,
    offers: ['Further requests'],
    firstGives: `${head}1. Decides to convene a meeting;\n\n2. Further requests `,
  },
  {
    name: 'an adverb of several words ("Once again ca"), and no form that holds the adverb already',
    draft: `${head}1. Decides to convene a meeting;\n\n2. Once again ca$0`,
    offers: ['Once again calls upon'],
    hides: ['Once again calls once again'],
  },
  { name: 'an adverb in the preamble: nothing made of it ("Further recalling" is wrong)', draft: `${head}Further recal$0`, offers: [] },
  {
    name: 'a participle and part of an additive word ("Recalling al"): the word after it, where the preamble puts it',
    draft: `${head}Recalling al$0`,
    offers: ['Recalling also'],
    hides: ['Also recalling', 'Recalling'],
    firstGives: `${head}Recalling also `,
  },
  { name: 'a participle of several words and "fur": "Bearing in mind further"', draft: `${head}Bearing in mind fur$0`, offers: ['Bearing in mind further'] },
  {
    name: 'in French, « Rappelant é »: « Rappelant également »',
    draft: 'L’Assemblée générale,\n\nRappelant sa résolution 60/1,\n\nRappelant é$0',
    offers: ['Rappelant également'],
    options: { lexicon: lexiconFor('fr'), alsoPosition: 'auto' },
  },
  { name: 'after words that begin no opener: nothing', draft: `${head}Recalling its $0`, offers: [] },
  { name: 'in the middle of a sentence: nothing', draft: `${head}1. Decides to $0`, offers: [] },
  { name: 'on a continuation line: nothing', draft: `${head}1. Decides to convene\nmee$0`, offers: [] },
  { name: 'in the header: nothing', draft: 'A/RES/$0\n\nThe General Assembly,\n\n1. Decides to act.\n', offers: [] },
  { name: 'after the footnote texts: nothing', draft: `${head}1. Decides to act.[^1]\n\n[^1]: Resolution 60/1.\n\n$0`, offers: [] },
  // Inside or before a paragraph's number or label: accepting an item wrote "4. . Decides" or "2. 3. Requests".
  { name: 'a digit retyped inside a number: nothing', draft: `${head}1. Decides to act;\n\n2$0. Requests a report.\n`, offers: [] },
  { name: "before a paragraph's number: nothing", draft: `${head}1. Decides to act;\n\n$02. Requests a report.\n`, offers: [] },
  { name: 'before the first operative number: nothing', draft: `${head}$01. Welcomes the report;\n\n2. Requests a report.\n`, offers: [] },
  { name: "inside a sub-paragraph's label: nothing", draft: `${head}1. Calls upon States:\n\ni$0) To act;\n`, offers: [] },
  { name: "before a sub-paragraph's label: nothing", draft: `${head}1. Calls upon States:\n\n$0(a) To act;\n`, offers: [] },
];

/** As an editor shows them: those that match what is typed in their span (by prefix, here), by sortText. */
function shown(text: string, completions: readonly Completion[]): Completion[] {
  return completions
    .filter((completion) => {
      const typed = text.slice(completion.replaceSpan.start, completion.replaceSpan.end).toLowerCase();
      return (completion.filterText ?? completion.label).toLowerCase().startsWith(typed.replace(/\]$/, ''));
    })
    .sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
}

describe('features: completion', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { draft, text, offset } = atCursor(testCase.draft);
      const completions = completionsAt(draft, offset, testCase.options ?? english);
      const labels = completions.map((completion) => completion.label);
      if (testCase.offers.length === 0) assert.deepEqual(labels, []);
      for (const label of testCase.offers) assert.ok(labels.includes(label), `expected ${label} among ${labels.slice(0, 30).join(', ')}`);
      for (const label of testCase.hides ?? []) assert.ok(!labels.includes(label), `did not expect ${label}`);
      if (testCase.firstGives !== undefined) {
        const first = shown(text, completions)[0];
        assert.ok(first);
        assert.equal(applyEdits(text, [{ span: first.replaceSpan, newText: first.insertText }]).text, testCase.firstGives);
      }
    });
  }

  it('offers no openers in a language without a lexicon, but still numbers', () => {
    const { draft, offset } = atCursor(`${head}1. Decides to act;\n\n$0`);
    assert.deepEqual(completionsAt(draft, offset, { lexicon: undefined, alsoPosition: 'auto' }).map((completion) => completion.label), ['2.']);
  });

  it('never throws; every replaced span ends at the cursor or after it, inside the text', () => {
    fc.assert(
      fc.property(draftLikeText, fc.nat(), (text, seed) => {
        const offset = seed % (text.length + 1);
        for (const completion of completionsAt(parse(text), offset, english)) {
          assert.ok(completion.replaceSpan.start <= offset && offset <= completion.replaceSpan.end && completion.replaceSpan.end <= text.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
