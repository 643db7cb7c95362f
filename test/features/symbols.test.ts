// The outline: chapeau, preamble by opener, operative part "1. Takes note …" with sub-paragraphs,
// annexes, footnotes. Expectations are the outline as indented lines "name ← selected text".
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { documentSymbols, parse, type OutlineSymbol, type Span } from '../../server/src/core/index';
import { foundingDocument, textOf } from './cursor';
import { canonicalDraft, draftLikeText } from './samples';

function outline(text: string, symbols: readonly OutlineSymbol[], indent = ''): string[] {
  return symbols.flatMap((symbol) => [`${indent}${symbol.name} ← ${textOf(text, symbol.selectionSpan)}`, ...outline(text, symbol.children, `${indent}  `)]);
}

function inside(inner: Span, outer: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

describe('features: document symbols', () => {
  it('outline a canonical draft', () => {
    assert.deepEqual(outline(canonicalDraft, documentSymbols(parse(canonicalDraft))), [
      'The General Assembly, ← General Assembly',
      'Preamble ← Recalling',
      '  Recalling ← Recalling',
      '  Recognizing also ← Recognizing also',
      'Operative part ← 1. Takes note with appreciation',
      '  1. Takes note with appreciation … ← 1. Takes note with appreciation',
      '  2. Urges … ← 2. Urges',
      '    (a) Invites donors to contribute; ← (a)',
      '    (b) Encourages regional organizations: ← (b)',
      '      (i) To share information; ← (i)',
      '      (ii) To report on progress; ← (ii)',
      '  3. Requests … ← 3. Requests',
      'Footnotes ← [^1]:',
      '  [^1] Resolution 46/152, annex. ← [^1]:',
      '  [^2] A/81/179. ← [^2]:',
    ]);
  });

  it('name a chapeau in Markdown emphasis by its words, without the markers', () => {
    const text = '**The General Assembly**,\n\n*Recalling* its resolution 60/1,\n\n1. *Requests* a report.\n';
    assert.deepEqual(outline(text, documentSymbols(parse(text))).slice(0, 1), ['The General Assembly, ← General Assembly']);
  });

  it('name a preambular paragraph by its opener, with its first words as detail', () => {
    const [, preamble] = documentSymbols(parse('The General Assembly,\n\n*Deeply concerned* by the situation in the region,\n\n1. Decides to remain seized of the matter.\n'));
    assert.equal(preamble?.children[0]?.name, 'Deeply concerned');
    assert.equal(preamble?.children[0]?.detail, 'by the situation in the …');
  });

  it('list annexes after the resolution', () => {
    const text = 'The General Assembly,\n\n1. Adopts the Declaration annexed to the present resolution.\n\nAnnex\n\nDeclaration\n\n1. Every State shall cooperate.\n';
    const names = documentSymbols(parse(text)).map((symbol) => symbol.name);
    assert.ok(names.includes('Annex'), names.join(' | '));
  });

  it('list an annex whose heading carries a footnote call, "Annex[^2]", and count the call', () => {
    const text = 'The General Assembly,\n\n1. Adopts the Declaration annexed to the present resolution.[^1]\n\nAnnex[^2]\n\nDeclaration\n\n1. Every State shall cooperate.\n\n[^1]: A note.\n[^2]: A note on the annex.\n';
    const draft = parse(text);
    const names = documentSymbols(draft).map((symbol) => symbol.name);
    assert.ok(names.some((name) => name.startsWith('Annex')), names.join(' | '));
    assert.deepEqual(draft.footnoteCalls.map((call) => call.number), [1, 2]);
  });

  it('outline the founding document: 7 preambular paragraphs, 9 operative, 6 footnotes', function () {
    const text = foundingDocument();
    if (text === undefined) this.skip();
    const symbols = documentSymbols(parse(text));
    const section = (name: string): OutlineSymbol | undefined => symbols.find((symbol) => symbol.name === name);
    assert.equal(section('Preamble')?.children.length, 7);
    assert.equal(section('Operative part')?.children.length, 9);
    assert.equal(section('Footnotes')?.children.length, 6);
    assert.deepEqual(section('Preamble')?.children.map((symbol) => symbol.name), [
      'Recalling', 'Recognizing', 'Bearing in mind', 'Recognizing', 'Recognizing also', 'Recalling', 'Bearing in mind',
    ]);
    assert.equal(section('Operative part')?.children[0]?.name, '1. Takes note with appreciation …');
    assert.equal(section('Footnotes')?.children[5]?.name, '[^6] A/61/179.');
  });

  it('keep what LSP requires on any text: names not empty, selection inside range, children inside parents', () => {
    fc.assert(
      fc.property(draftLikeText, (text) => {
        const check = (symbols: readonly OutlineSymbol[], parent?: Span): void => {
          for (const symbol of symbols) {
            assert.notEqual(symbol.name.trim(), '');
            assert.ok(inside(symbol.selectionSpan, symbol.span), `${symbol.name}: selection outside range`);
            if (parent) assert.ok(inside(symbol.span, parent), `${symbol.name}: outside its parent`);
            assert.ok(symbol.span.start >= 0 && symbol.span.end <= text.length);
            check(symbol.children, symbol.span);
          }
        };
        check(documentSymbols(parse(text)));
      }),
      { numRuns: 300 },
    );
  });
});
