// Every feature answers at any offset of any adopted text without throwing, and only with spans
// inside the text: the language server's handlers rely on it.
import * as assert from 'node:assert/strict';
import {
  completionsAt,
  definitionAt,
  documentLinks,
  documentStatistics,
  documentSymbols,
  foldingRanges,
  formattingEdits,
  hoverAt,
  lexiconFor,
  parse,
  referencesAt,
  semanticTokens,
  type Span,
} from '../../server/src/core/index';
import { corpusTexts } from './cursor';

/** How far apart the offsets probed in each text are: a prime, so they fall on every kind of character. */
const probeStep = 61;

describe('features: robustness on the corpus', () => {
  const corpus = corpusTexts();

  it(`every feature, at offsets all through every adopted text (${corpus.length} texts)`, function () {
    if (corpus.length === 0) this.skip();
    const options = { lexicon: lexiconFor('en'), alsoPosition: 'auto' as const };
    for (const { name, text } of corpus) {
      const draft = parse(text);
      const within = (span: Span, what: string): void => assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${name}: ${what} outside the text`);
      documentSymbols(draft);
      foldingRanges(draft).forEach((fold) => within(fold.span, 'a fold'));
      semanticTokens(draft).forEach((token) => within(token.span, 'a token'));
      documentLinks(draft).forEach((link) => within(link.span, 'a link'));
      formattingEdits(draft).forEach((edit) => within(edit.span, 'a formatting edit'));
      documentStatistics(draft);
      for (let offset = 0; offset <= text.length; offset += probeStep) {
        const hover = hoverAt(draft, offset);
        if (hover) within(hover.span, 'a hover');
        definitionAt(draft, offset)?.targets.forEach((target) => within(target.span, 'a definition'));
        referencesAt(draft, offset, true).forEach((span) => within(span, 'a reference'));
        completionsAt(draft, offset, options).forEach((completion) => within(completion.replaceSpan, 'a completion'));
      }
    }
  });
});

// A line of a megabyte, and every feature asked at its end and middle, as an editor does at each
// keystroke there. Completion read the whole line again for each opener of the lexicon and took 10 s
// on "Deeply concerned " repeated to 1.7 MB (found through the fuzzer's slowest case); it now stops
// reading past the longest opener and answers in tens of milliseconds. The limit below is a hundred
// times that: it fails on the quadratic reading, not on a slow machine.
describe('features: robustness on a megabyte line', function () {
  this.timeout(10_000);
  const options = { lexicon: lexiconFor('en'), alsoPosition: 'auto' as const };
  for (const [name, line] of [
    ['openers', 'Deeply concerned '.repeat(100_000)],
    ['an opener, then references', `Recalling ${'paragraph 5 above '.repeat(55_000)}`],
    ['an opener, then footnote marks', `Recalling ${'[^1]'.repeat(250_000)}`],
  ] as const) {
    it(`answers at once at the end and middle of a line of ${name}`, () => {
      const text = `The General Assembly,\n\n${line}`;
      const draft = parse(text);
      for (const offset of [text.length, text.length >> 1]) {
        // Words typed past any opener's length are offered nothing; after "[^" the footnote numbers are.
        const completions = completionsAt(draft, offset, options);
        assert.ok(completions.every((completion) => completion.kind === 'footnote'), `${name} at ${offset}: ${completions.map((completion) => completion.label).join(', ')}`);
        hoverAt(draft, offset);
        definitionAt(draft, offset);
        referencesAt(draft, offset, true);
      }
    });
  }
});
