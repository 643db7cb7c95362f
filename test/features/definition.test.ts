// Definition and references, as data: `$0` where the cursor stands, and the text each target starts with.
import * as assert from 'node:assert/strict';
import { definitionAt, parse, referencesAt, type CrossReference, type Draft } from '../../server/src/core/index';
import { atCursor, textOf } from './cursor';

const footnoted = `The General Assembly,

Recalling its resolution 60/1,[^1]

Noting the report,[^2]

1. Takes note of the report;[^2]

[^1]: Resolution 60/1.
[^2]: A/61/179.
`;

/** Puts `$0` before the n-th (0-based) occurrence of `needle`. */
function cursorAt(text: string, needle: string, occurrence = 0): string {
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) index = text.indexOf(needle, index + 1);
  if (index === -1) throw new Error(`no ${needle} in the draft`);
  return `${text.slice(0, index)}$0${text.slice(index)}`;
}

/** Hand-built cross-references ("paragraph N above" phrases), so navigation is tested apart from the parser. */
function withReferences(draft: Draft, ...phrases: string[]): Draft {
  const references = phrases.map((phrase): CrossReference => {
    const start = draft.text.indexOf(phrase);
    const numbers = [...phrase.matchAll(/\d+/g)].map((match) => ({ value: Number(match[0]), span: { start: start + match.index, end: start + match.index + match[0].length } }));
    return { span: { start, end: start + phrase.length }, numbers, range: phrase.includes(' to '), direction: 'above' };
  });
  return { ...draft, crossReferences: references };
}

const referring = `The General Assembly,

Recalling its resolution 60/1,

1. Decides to convene a meeting;

2. Requests the Secretary-General to report;

3. Invites States to contribute;

4. Recalls paragraph 2 above;

5. Stresses paragraphs 1 to 3 above.
`;

/** Two resolutions in one file, each numbering its footnotes from 1 (format.md: a file of several texts). */
const twoResolutions = `A

The General Assembly,

Recalling its resolution 60/175,[^1]

1. Decides to remain seized of the matter.[^2]

[^1]: Part A note one.
[^2]: Part A note two.

B

The General Assembly,

Recalling its resolution 61/180,[^1]

1. Decides to remain seized of the matter.

[^1]: Part B note one.
`;

describe('features: definition and references', () => {
  const definitionCases: { name: string; draft: string; lands: string[] }[] = [
    { name: "in the second of two resolutions, from its call to its own text, not the first's", draft: cursorAt(twoResolutions, '[^1]', 2), lands: ['[^1]: Part B note one.'] },
    { name: "in the first of two resolutions, from its text back to its own call", draft: cursorAt(twoResolutions, '[^1]:'), lands: ['[^1]'] },
    { name: 'from "[^2]" lands on "[^2]:"', draft: cursorAt(footnoted, '[^2]'), lands: ['[^2]: A/61/179.'] },
    { name: 'from inside a call', draft: cursorAt(footnoted, '1]'), lands: ['[^1]: Resolution 60/1.'] },
    { name: 'from a footnote text back to every call', draft: cursorAt(footnoted, '[^2]:'), lands: ['[^2]', '[^2]'] },
    { name: 'from a call without a text: nowhere', draft: cursorAt(footnoted.replace('[^1]:', 'Note:'), '[^1]'), lands: [] },
    { name: 'from plain words: nowhere', draft: cursorAt(footnoted, 'report'), lands: [] },
  ];
  for (const testCase of definitionCases) {
    it(`definition ${testCase.name}`, () => {
      const { draft, text, offset } = atCursor(testCase.draft);
      const definition = definitionAt(draft, offset);
      assert.deepEqual(definition?.targets.map((target) => textOf(text, target.span)) ?? [], testCase.lands);
      for (const target of definition?.targets ?? []) assert.ok(target.span.start <= target.selectionSpan.start && target.selectionSpan.end <= target.span.end);
    });
  }

  it('references of a sub-paragraph, from its label or from a reference to it: its label and what names it, not its paragraph', () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 60/175,\n\n1. Requests the Secretary-General to report, in particular:\n   (a) On the first item;\n   (b) On the second item, as set out in subparagraph (a) above;\n\n2. Decides to implement paragraph 1 (b) of the present resolution;\n\n3. Recalls paragraph 1 (a) above.\n';
    const draft = parse(text);
    const found = (at: number): string[] => referencesAt(draft, at, true).map((span) => textOf(text, span));
    const fromLabel = found(text.indexOf('(a) On'));
    const fromReference = found(text.indexOf('subparagraph (a)') + 2);
    assert.deepEqual(fromLabel, ['(a)', 'subparagraph (a) above', '1 (a)']);
    assert.deepEqual(fromReference, fromLabel);
    assert.deepEqual(found(text.indexOf('(b) On')), ['(b)', '1 (b)']);
  });

  it('definition and references through what cross-reference reads: "(c) and (e)", "(b) (iv)", "(a bis)", a numbered list\'s letter', () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 60/175,\n\n'
      + '1. Requests the Secretary-General to report on:\n   (a) The first item;\n   (a bis) The inserted item;\n   (b) The second item, namely:\n      (i) Its first part;\n      (ii) Its second part;\n   (c) The third item;\n\n'
      + '2. Decides to hold a meeting on the following:\n   1. Its opening;\n   2. Its closing;\n\n'
      + '3. Recalls paragraph 1 (a) and (c) above;\n\n4. Recalls paragraph 1 (b) (ii) above;\n\n5. Recalls paragraph 1 (a bis) above;\n\n6. Recalls paragraph 2 (b) above.\n';
    const draft = parse(text);
    const lands = (at: string, shift = 0): string[] => definitionAt(draft, text.indexOf(at) + shift)?.targets.map((target) => textOf(text, target.selectionSpan)) ?? [];
    assert.deepEqual(lands('1 (a) and (c)'), ['(a)', '(c)']);
    assert.deepEqual(lands('(c) above', 1), ['(a)', '(c)']);
    assert.deepEqual(lands('1 (b) (ii)'), ['(ii)']);
    assert.deepEqual(lands('1 (a bis)'), ['(a bis)']);
    assert.deepEqual(lands('2 (b) above'), ['2.']);
    assert.equal(textOf(text, definitionAt(draft, text.indexOf('2 (b) above'))?.targets[0]?.span ?? { start: 0, end: 0 }).trim(), '2. Its closing;');
    const found = (at: string): string[] => referencesAt(draft, text.indexOf(at), true).map((span) => textOf(text, span));
    assert.deepEqual(found('(c) The third'), ['(c)', '(c)']);
    assert.deepEqual(found('(ii) Its second'), ['(ii)', '1 (b) (ii)']);
    assert.deepEqual(found('2. Its closing'), ['2.', '2 (b)']);
    assert.deepEqual(found('(a bis) The'), ['(a bis)', '1 (a bis)']);
  });

  it('references of a footnote in the second of two resolutions: its own call and text only', () => {
    const { draft, text, offset } = atCursor(cursorAt(twoResolutions, '[^1]', 2));
    assert.deepEqual(referencesAt(draft, offset, true).map((span) => [span.start, textOf(text, span)]), [
      [text.indexOf('[^1]', text.indexOf('61/180')), '[^1]'],
      [text.lastIndexOf('[^1]:'), '[^1]:'],
    ]);
  });

  it('definition from a footnote call selects the label of the footnote text', () => {
    const { draft, text, offset } = atCursor(cursorAt(footnoted, '[^2]', 1));
    const definition = definitionAt(draft, offset);
    assert.equal(textOf(text, definition?.targets[0]?.selectionSpan ?? { start: 0, end: 0 }), '[^2]:');
    assert.equal(textOf(text, definition?.originSpan ?? { start: 0, end: 0 }), '[^2]');
  });

  it('definition from "paragraph 2 above" lands on paragraph 2 (model built by hand)', () => {
    const { draft, text, offset } = atCursor(cursorAt(referring, '2 above'));
    const definition = definitionAt(withReferences(draft, 'paragraph 2 above', 'paragraphs 1 to 3 above'), offset);
    assert.deepEqual(definition?.targets.map((target) => textOf(text, target.selectionSpan)), ['2.']);
    assert.ok(textOf(text, definition?.targets[0]?.span ?? { start: 0, end: 0 }).startsWith('2. Requests'));
  });

  it('definition from the word "paragraphs" of a range lands on every paragraph of it (model built by hand)', () => {
    const { draft, text, offset } = atCursor(cursorAt(referring, 'paragraphs 1'));
    const definition = definitionAt(withReferences(draft, 'paragraph 2 above', 'paragraphs 1 to 3 above'), offset);
    assert.deepEqual(definition?.targets.map((target) => textOf(text, target.selectionSpan)), ['1.', '2.', '3.']);
  });

  const referenceCases: { name: string; draft: string; includeDeclaration: boolean; found: string[] }[] = [
    { name: 'from a footnote text: every call', draft: cursorAt(footnoted, 'A/61/179'), includeDeclaration: false, found: ['[^2]', '[^2]'] },
    { name: 'from a call, with the declaration', draft: cursorAt(footnoted, '[^1]'), includeDeclaration: true, found: ['[^1]', '[^1]:'] },
  ];
  for (const testCase of referenceCases) {
    it(`references ${testCase.name}`, () => {
      const { draft, text, offset } = atCursor(testCase.draft);
      assert.deepEqual(referencesAt(draft, offset, testCase.includeDeclaration).map((span) => textOf(text, span)), testCase.found);
    });
  }

  it('references from an operative paragraph\'s number: every cross-reference to it (model built by hand)', () => {
    const { draft, text, offset } = atCursor(cursorAt(referring, '2. Requests'));
    const withThem = withReferences(draft, 'paragraph 2 above', 'paragraphs 1 to 3 above');
    assert.deepEqual(referencesAt(withThem, offset, false).map((span) => textOf(text, span)), ['2', 'paragraphs 1 to 3 above']);
    assert.deepEqual(referencesAt(withThem, offset, true).map((span) => textOf(text, span)), ['2.', '2', 'paragraphs 1 to 3 above']);
  });

  it('references from a paragraph nothing refers to: none', () => {
    const { draft, offset } = atCursor(cursorAt(referring, '3. Invites'));
    assert.deepEqual(referencesAt(withReferences(draft, 'paragraph 2 above'), offset, false), []);
  });

  it('definition from "paragraph 2 above" with the parser\'s own cross-references (pending until the parser reads them)', function () {
    const text = referring;
    const draft = parse(text);
    if (draft.crossReferences.length === 0) this.skip();
    const offset = text.indexOf('2 above');
    const definition = definitionAt(draft, offset);
    assert.deepEqual(definition?.targets.map((target) => textOf(text, target.selectionSpan)), ['2.']);
  });
});
