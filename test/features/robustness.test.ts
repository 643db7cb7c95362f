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
