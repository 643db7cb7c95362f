// Hover, as data: a draft with `$0` where the mouse rests, and what the hover must say.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { hoverAt, parse, type CrossReference, type Draft } from '../../server/src/core/index';
import { atCursor, textOf } from './cursor';
import { draftLikeText } from './samples';

/** Each case: the hover's text must contain every `shows` and none of `hides`; `over` is the text it is about. */
const cases: { name: string; draft: string; over?: string; shows: string[]; hides?: string[] }[] = [
  {
    name: 'a footnote call shows its text',
    draft: 'The General Assembly,\n\nRecalling its resolution 60/1,[^$01]\n\n1. Decides to act.\n\n[^1]: Resolution 60/1 of 16 September 2005.\n',
    over: '[^1]',
    shows: ['Footnote 1', 'Resolution 60/1 of 16 September 2005.'],
  },
  {
    name: 'a footnote call right after the cursor passed it',
    draft: 'The General Assembly,\n\nRecalling its resolution 60/1,[^1]$0\n\n1. Decides to act.\n\n[^1]: Resolution 60/1.\n',
    over: '[^1]',
    shows: ['Resolution 60/1.'],
  },
  {
    name: 'a footnote call without a text says so',
    draft: 'The General Assembly,\n\nRecalling its resolution 60/1,[^$07]\n\n1. Decides to act.\n',
    shows: ['Footnote 7', 'no text'],
  },
  {
    name: 'a bare digit call in PDF text shows its text',
    draft: ' The General Assembly,\n\n Recalling the Convention against Corruption$02 and its resolution,\n\n 1. Decides to act;\n\n_______________\n2 Resolution 58/4, annex.\n',
    shows: ['Resolution 58/4, annex.'],
  },
  {
    name: 'a preambular opener shows its operative form',
    draft: 'The General Assembly,\n\nRec$0alling its resolution 60/1,\n\n1. Decides to act.\n',
    over: 'Recalling',
    shows: ['**Recalling** (preambular) — operative form: *Recalls*'],
    hides: ['paragraph opens with'],
  },
  {
    name: 'an operative verb shows its preambular form',
    draft: 'The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Req$0uests the Secretary-General to report.\n',
    shows: ['**Requests** (operative) — preambular form: *Requesting*'],
  },
  {
    name: 'an operative verb after an adverb is named capitalised, as the lexicon names it',
    draft: 'The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to act;\n\n2. Also req$0uests the Secretary-General to report.\n',
    shows: ['**Requests** (operative) — preambular form: *Requesting*'],
  },
  {
    name: 'a participle in an operative paragraph says which form fits',
    draft: 'The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to act;\n\n2. Urg$0ing States to report.\n',
    shows: ['**Urging** (preambular)', 'An operative paragraph opens with *Urges*.'],
  },
  {
    name: "the lexicon's usage note comes with the forms",
    draft: 'The Security Council,\n\nRecalling its resolutions,\n\nAct$0ing under Chapter VII of the Charter of the United Nations,\n\n1. Decides to act.\n',
    shows: ['Acting', 'closes the preamble of a Security Council text'],
  },
  {
    name: "an operative paragraph's number shows the paragraphs that refer to it",
    draft: 'The General Assembly,\n\nRecalling paragraph 2 below,\n\n1. Decides to act;\n\n$02. Requests a report;\n\n3. Recalls paragraphs 1 and 2 above;\n\n4. Notes paragraph 2 above.\n',
    over: '2.',
    shows: ['**Paragraph 2** is referred to in paragraphs 3 and 4, and in the preamble.'],
  },
  {
    name: 'a paragraph number nothing refers to says so',
    draft: 'The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to act;\n\n2$0. Requests a report.\n',
    shows: ['**Paragraph 2**: no cross-reference in the text names it.'],
  },
  {
    name: "a French paragraph's number, in French",
    draft: "L'Assemblée générale,\n\nRappelant sa résolution 60/1,\n\n$01. Décide d'agir ;\n\n2. Rappelle le paragraphe 1 ci-dessus.\n",
    shows: ['**Le paragraphe 1** est cité dans le paragraphe 2.'],
  },
  {
    name: "a footnote's text shows how often it is called",
    draft: 'The General Assembly,\n\nRecalling its resolution 60/1,[^1]\n\n1. Decides to act.[^1]\n\n[^$01]: Resolution 60/1.\n[^2]: Unused.\n',
    over: '[^1]: Resolution 60/1.',
    shows: ['**Footnote 1** is called 2 times in the text.'],
  },
  {
    name: 'a footnote text called nowhere says so',
    draft: 'The General Assembly,\n\nRecalling its resolution 60/1,[^1]\n\n1. Decides to act.\n\n[^1]: Resolution 60/1.\n[^$02]: Unused.\n',
    shows: ['**Footnote 2** is called nowhere in the text.'],
  },
  {
    name: "in the second of two resolutions numbering their footnotes from 1, a call shows its own resolution's text",
    draft: 'The General Assembly,\n\nRecalling its resolution 60/175,[^1]\n\n1. Decides to act.\n\n[^1]: Part A note one.\n\nThe General Assembly,\n\nRecalling its resolution 61/180,[^$01]\n\n1. Decides to act.\n\n[^1]: Part B note one.\n',
    shows: ['**Footnote 1**: Part B note one.'],
    hides: ['Part A'],
  },
  { name: 'plain words show nothing', draft: 'The General Assembly,\n\nRecalling its reso$0lution 60/1,\n\n1. Decides to act.\n', shows: [] },
];

/** A draft with one cross-reference built by hand, so hover is tested apart from the parser's reading of them. */
function withReference(draft: Draft, phrase: string, value: number): Draft {
  const start = draft.text.indexOf(phrase);
  const digits = start + phrase.indexOf(String(value));
  const reference: CrossReference = {
    span: { start, end: start + phrase.length },
    numbers: [{ value, span: { start: digits, end: digits + String(value).length } }],
    range: false,
    direction: 'above',
  };
  return { ...draft, crossReferences: [reference] };
}

describe('features: hover', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { draft, text, offset } = atCursor(testCase.draft);
      const hover = hoverAt(draft, offset);
      if (testCase.shows.length === 0) {
        assert.equal(hover, undefined, JSON.stringify(hover));
        return;
      }
      assert.ok(hover, 'no hover');
      for (const expected of testCase.shows) assert.ok(hover.markdown.includes(expected), `expected ${JSON.stringify(expected)} in:\n${hover.markdown}`);
      for (const unexpected of testCase.hides ?? []) assert.ok(!hover.markdown.includes(unexpected), `did not expect ${JSON.stringify(unexpected)} in:\n${hover.markdown}`);
      if (testCase.over) assert.equal(textOf(text, hover.span), testCase.over);
    });
  }

  describe('on a cross-reference (model built by hand)', () => {
    const marked = 'The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to convene a meeting;\n\n2. Requests a report, and in this regard:\n   (a) Invites donors to contribute;\n\n3. Recalls paragraph $01 above.\n';

    it('shows the paragraph the number points at', () => {
      const { draft, offset } = atCursor(marked);
      const hover = hoverAt(withReference(draft, 'paragraph 1 above', 1), offset);
      assert.ok(hover?.markdown.includes('**Paragraph 1**'), hover?.markdown);
      assert.ok(hover?.markdown.includes('> 1. Decides to convene a meeting;'), hover?.markdown);
    });

    it('says so when the paragraph does not exist', () => {
      const { draft, offset } = atCursor(marked.replace('paragraph $01', 'paragraph $09'));
      const hover = hoverAt(withReference(draft, 'paragraph 9 above', 9), offset);
      assert.ok(hover?.markdown.includes('no operative paragraph 9'), hover?.markdown);
    });

    it('quotes sub-paragraphs on lines of their own', () => {
      const { draft, offset } = atCursor(marked.replace('paragraph $01', 'paragraph $02'));
      const hover = hoverAt(withReference(draft, 'paragraph 2 above', 2), offset);
      assert.ok(hover?.markdown.includes('> 2. Requests a report, and in this regard:\n>\n> (a) Invites donors to contribute;'), hover?.markdown);
    });
  });

  it('never throws, and hovers only over text that is there', () => {
    fc.assert(
      fc.property(draftLikeText, fc.nat(), (text, seed) => {
        const draft = parse(text);
        const offset = text.length === 0 ? 0 : seed % (text.length + 1);
        const hover = hoverAt(draft, offset);
        if (hover) assert.ok(hover.span.start <= offset && offset <= hover.span.end && hover.span.end <= text.length);
      }),
      { numRuns: 300 },
    );
  });
});
