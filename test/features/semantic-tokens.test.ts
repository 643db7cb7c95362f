// Semantic tokens: openers, paragraph numbers, sub-paragraph labels, footnote references.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse, semanticTokens } from '../../server/src/core/index';
import { textOf } from './cursor';
import { canonicalDraft, draftLikeText } from './samples';

describe('features: semantic tokens', () => {
  it('mark the openers, numbers, labels and footnote references of a canonical draft', () => {
    const tokens = semanticTokens(parse(canonicalDraft)).map((token) => `${token.type}${token.modifiers.map((modifier) => `.${modifier}`).join('')} ${textOf(canonicalDraft, token.span)}`);
    assert.deepEqual(tokens, [
      'opener.preambular Recalling',
      'footnoteReference [^1]',
      'opener.preambular Recognizing also',
      'paragraphNumber 1.',
      'opener.operative Takes note with appreciation',
      'footnoteReference [^2]',
      'paragraphNumber 2.',
      'opener.operative Urges',
      'subparagraphLabel (a)',
      'subparagraphLabel (b)',
      'subparagraphLabel (i)',
      'subparagraphLabel (ii)',
      'paragraphNumber 3.',
      'opener.operative Requests',
      'footnoteReference [^1]:',
      'footnoteReference [^2]:',
    ]);
  });

  it('leave out an emphasis marker inside an opener emphasised in part', () => {
    const text = 'The General Assembly,\n\n*Recalling* its resolution 60/1,\n\n1. *Takes note with* appreciation of the report;\n\n2. *Also* requests a report.\n';
    const openers = semanticTokens(parse(text)).filter((token) => token.type === 'opener').map((token) => textOf(text, token.span));
    assert.deepEqual(openers, ['Recalling', 'Takes note with', ' appreciation', 'Also', ' requests']);
  });

  it('are in text order, never empty, never overlapping, inside the text, on any text', () => {
    fc.assert(
      fc.property(draftLikeText, (text) => {
        let end = 0;
        for (const token of semanticTokens(parse(text))) {
          assert.ok(token.span.start >= end && token.span.end > token.span.start && token.span.end <= text.length);
          end = token.span.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
