// The incremental session (the language server's linter) gives exactly what a fresh lint gives:
// random edit sequences on adopted texts, synthetic drafts and token soups, each version linted by
// one session and compared, draft and findings, with `lint` of the same text. And the whole-text
// searches a session keeps from version to version equal a search of the new text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import fc from 'fast-check';
import { defaultSettings, LineIndex, lint, LintSession, parse, type Settings } from '../server/src/core/index';
import { bracketCalls, superscriptMarks } from '../server/src/core/parse/footnote-calls';
import { changeBetween, literalPlaces, occurrencesOf, runsOf, visitInSpans, type SearchSpan } from '../server/src/core/parse/whole-text-search';
import { lexiconFor } from '../server/src/core/lexicon/lexicon';
import { nearestOpener } from '../server/src/core/nearest-opener';
import { corpusFolder } from './support/shared';

const numRuns = Number(process.env['FUZZ_RUNS'] ?? '') || 100;
const corpusTexts: readonly string[] = fs.existsSync(corpusFolder)
  ? fs.readdirSync(corpusFolder).filter((file) => file.endsWith('.txt')).sort().map((file) => fs.readFileSync(path.join(corpusFolder, file), 'utf8'))
  : [];

/** A draft in the draft format from the corpus's paragraphs, footnotes and all (as the benchmark builds its drafts). */
function syntheticDraft(paragraphCount: number, offset: number): string {
  const paragraphs = corpusTexts.flatMap((text) => parse(text).paragraphs).filter((paragraph) => paragraph.text.length > 40);
  if (paragraphs.length === 0) return 'The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to remain seized of the matter.\n';
  const lines = ['The General Assembly,', ''];
  const footnotes: string[] = [];
  let number = 1;
  for (let index = 0; index < paragraphCount; index++) {
    const paragraph = paragraphs[(offset + index) % paragraphs.length];
    if (!paragraph) continue;
    const words = paragraph.text.replace(/^\d+\.\s*/, '').replace(/\s+/g, ' ').replace(/[,;.:]$/, '');
    if (paragraph.kind === 'preambular') {
      const call = index % 5 === 0 ? `[^${footnotes.length + 1}]` : '';
      if (call) footnotes.push(`[^${footnotes.length + 1}]: Resolution ${60 + index}/${100 + index}, annex.`);
      lines.push(`${words},${call}`, '');
    } else {
      lines.push(`${number++}. ${words};`, '');
    }
  }
  return [...lines, ...footnotes.flatMap((footnote) => [footnote, ''])].join('\n');
}

/** Pieces that make the parser change its mind: numbers, labels, openers, footnote marks, page furniture, quotes. */
const token = fc.constantFrom(
  'x', ' ', '\n', '\n\n', ',', ';', '.', ':', '[', ']', '"', '“', '”', '¹', '²', '[^1]', '[^2]', '[^3]: Resolution 60/1.',
  '1.', '2.', '12.', '(a)', '(b)', '(i)', 'A', 'II', 'Recalling', 'Recalling also', 'Requests', 'Urging', 'paragraph 5 above',
  'resolution 60/175 of 16 December 2005', 'December 16, 2005', '62nd session', 'A/RES/61/181', 'organisation', 'programme',
  '_______________', '84th plenary meeting', 'Annex', 'The General Assembly,', '06-50372', 'Corruption2', '2005,3',
);

/** One edit, at a place given as a fraction of the text so that it lands anywhere in any text. */
type Edit =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'replace'; readonly at: number; readonly length: number; readonly text: string }
  | { readonly kind: 'move'; readonly from: number; readonly length: number; readonly to: number }
  | { readonly kind: 'undo'; readonly back: number }
  | { readonly kind: 'settings' };

const place = fc.double({ min: 0, max: 1, noNaN: true });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: place, text: token }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: place, length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: place, length: fc.integer({ min: 1, max: 12 }), text: token }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), from: place, length: fc.integer({ min: 1, max: 400 }), to: place }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), back: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'settings' as const }) },
);

function applyEdit(history: string[], change: Edit): string {
  const text = history[history.length - 1] ?? '';
  const offset = (fraction: number): number => Math.floor(fraction * text.length);
  switch (change.kind) {
    case 'insert':
      return text.slice(0, offset(change.at)) + change.text + text.slice(offset(change.at));
    case 'delete':
      return text.slice(0, offset(change.at)) + text.slice(offset(change.at) + change.length);
    case 'replace':
      return text.slice(0, offset(change.at)) + change.text + text.slice(offset(change.at) + change.length);
    case 'move': {
      const from = offset(change.from);
      const moved = text.slice(from, from + change.length);
      const rest = text.slice(0, from) + text.slice(from + change.length);
      const to = Math.floor(change.to * rest.length);
      return rest.slice(0, to) + moved + rest.slice(to);
    }
    case 'undo':
      return history[Math.max(0, history.length - 1 - change.back)] ?? text;
    case 'settings':
      return text;
  }
}

const negotiation: Settings = { ...defaultSettings, mode: 'negotiation', alsoPosition: 'after' };

/** Lints every version with one session and checks it against a fresh lint. */
function checkSequence(start: string, edits: readonly Edit[]): void {
  const session = new LintSession();
  const history = [start];
  let settings = defaultSettings;
  const check = (text: string): void => {
    const incremental = session.lint(text, settings);
    const fresh = lint(text, settings);
    assert.deepStrictEqual(incremental.findings, fresh.findings);
    assert.deepStrictEqual(incremental.draft, fresh.draft);
    // The line index over the lines the session kept: every line where a fresh index has it.
    const kept = session.lineIndex(text);
    const searched = new LineIndex(text);
    assert.equal(kept.lineCount, searched.lineCount);
    for (let line = 0; line <= searched.lineCount; line++) {
      for (const character of [0, 1, Number.MAX_SAFE_INTEGER]) assert.equal(kept.offsetAt({ line, character }), searched.offsetAt({ line, character }));
      const offset = searched.offsetAt({ line, character: 0 });
      assert.deepEqual(kept.positionAt(offset), searched.positionAt(offset));
      assert.deepEqual(kept.positionAt(offset - 1), searched.positionAt(offset - 1));
    }
  };
  check(start);
  for (const change of edits) {
    if (change.kind === 'settings') settings = settings === defaultSettings ? negotiation : defaultSettings;
    const text = applyEdit(history, change);
    history.push(text);
    check(text);
  }
}

describe('the incremental session lints every version exactly as a fresh lint does', function () {
  this.timeout(120000);

  it('on adopted texts, cut and edited at random', function () {
    if (corpusTexts.length === 0) this.skip();
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 200, max: 12000 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (file, start, length, edits) => {
        const source = corpusTexts[file % corpusTexts.length] ?? '';
        const from = source.length === 0 ? 0 : start % source.length;
        checkSequence(source.slice(from, from + length), edits);
      }),
      { numRuns },
    );
  });

  it('on drafts of a few hundred paragraphs in the draft format, typed into', function () {
    if (corpusTexts.length === 0) this.skip();
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 300 }), fc.nat(), fc.array(edit, { minLength: 1, maxLength: 10 }), (paragraphs, offset, edits) => {
        checkSequence(syntheticDraft(paragraphs, offset), edits);
      }),
      { numRuns: Math.max(10, Math.floor(numRuns / 4)) },
    );
  });

  it('on token soups', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 80 }), fc.array(edit, { minLength: 1, maxLength: 15 }), (tokens, edits) => {
        checkSequence(tokens.join(' '), edits);
      }),
      { numRuns },
    );
  });
});

describe('the whole-text searches a session keeps equal a search of the new text', () => {
  // Besides the marks: characters whose UTF-8 shares a superscript's first bytes (± ´ ⁄ ⁱ), a no-break
  // space, a byte order mark, a pair and lone halves of surrogates: the superscripts are found in UTF-8.
  const alphabet = fc.constantFrom('a', ' ', '\n', '[', '^', '1', '2', ']', '[^1]', '[^12]', '[^ab]', '-', '¹', '²³', '⁴', '⁰⁹', 'para', 'Para', 'pa', '±', '´', '\u2044', '\u2071', '\u00A0', '\uFEFF', '’', '👍', '\uD800', '\uDC00');
  const text = fc.array(alphabet, { maxLength: 60 }).map((pieces) => pieces.join(''));
  /** The patterns of the marks, as the parser searched for them with them before. */
  const superscripts = /[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+/g;
  /** Up to six digits, as footnote-calls.ts allows since canonical calls go past 9,999 (d298abf), or a Markdown footnote's name. */
  const brackets = /\[\^(?:\d{1,6}|[A-Za-z][\w-]{0,31})\]/g;
  /** The matches a plain search of the whole text finds. */
  const searched = (subject: string, pattern: RegExp): number[] => [...subject.matchAll(new RegExp(pattern.source, pattern.flags))].flatMap((match) => [match.index, match.index + match[0].length]);

  it('what changed, marks found again only where it did, and the same marks as a new search', () => {
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), (before, inserted, at, removed) => {
        const cut = at % (before.length + 1);
        const after = before.slice(0, cut) + inserted + before.slice(cut + (removed % 5));
        const change = changeBetween(before, after);
        assert.equal(after.slice(0, change.start), before.slice(0, change.start));
        assert.equal(after.slice(change.newEnd), before.slice(change.oldEnd));
        assert.deepEqual(runsOf(after, superscriptMarks), searched(after, superscripts));
        assert.deepEqual(occurrencesOf(after, bracketCalls), searched(after, brackets));
        assert.deepEqual(runsOf(after, superscriptMarks, { runs: runsOf(before, superscriptMarks), change }), runsOf(after, superscriptMarks));
        assert.deepEqual(occurrencesOf(after, bracketCalls, { occurrences: occurrencesOf(before, bracketCalls), change }), occurrencesOf(after, bracketCalls));
        assert.deepEqual(literalPlaces(after, 'para', { places: literalPlaces(before, 'para'), change }), literalPlaces(after, 'para'));
      }),
      { numRuns: numRuns * 10 },
    );
  });

  it('bracket calls of one to six digits, and none of seven, as the search of the whole text finds them', () => {
    // The random texts above reach five or six digits only once in tens of thousands of cases ("[^1" and
    // "2212]" joined by an edit): the oracle kept four digits for months after the parser took six.
    for (const subject of ['[^1]', '[^1234]', '[^12345]', '[^123456]', '[^1234567]', 'a[^12212]b[^9]', '[^agenda]', '[^a-1_b]', `[^a${'b'.repeat(31)}]`, `[^a${'b'.repeat(32)}]`, '[^1a]', '[^-a]']) {
      assert.deepEqual(occurrencesOf(subject, bracketCalls), searched(subject, brackets), subject);
    }
    assert.deepEqual(occurrencesOf('[^123456][^1234567]', bracketCalls), [0, 9]);
  });

  it('what changed in a long text: the longest part the same at the start, then at the end, as unit by unit', () => {
    /** The reference: unit by unit from the start, then from the end up to the part the same at the start. */
    const unitByUnit = (before: string, after: string): { start: number; oldEnd: number; newEnd: number } => {
      const shortest = Math.min(before.length, after.length);
      let start = 0;
      while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
      let same = 0;
      while (same < shortest - start && before.charCodeAt(before.length - same - 1) === after.charCodeAt(after.length - same - 1)) same++;
      return { start, oldEnd: before.length - same, newEnd: after.length - same };
    };
    // Long enough for stretches of every length the search compares, with repeats that make a part the same at both ends.
    const longText = fc.tuple(fc.array(fc.constantFrom('a', 'ab', 'para ', '\n', '’', '[^1]'), { maxLength: 40 }), fc.nat({ max: 3000 })).map(([pieces, times]) => pieces.join('').repeat(1 + (times % 400)));
    fc.assert(
      fc.property(longText, text, fc.nat(), fc.nat(), (before, inserted, at, removed) => {
        const cut = at % (before.length + 1);
        const after = before.slice(0, cut) + inserted + before.slice(cut + (removed % 50));
        assert.deepEqual(changeBetween(before, after), unitByUnit(before, after));
        assert.deepEqual(changeBetween(after, before), unitByUnit(after, before));
      }),
      { numRuns },
    );
  });

  it('superscripts in a text longer than the pieces it is read in, around their edges and split pairs', () => {
    // Read in pieces of 65,536 units (whole-text-search.ts): marks on either side of an edge, a
    // surrogate pair cut by one, a byte order mark and astral characters before, so that every
    // unit's place is counted across pieces.
    const edge = 1 << 16;
    const pieces = ['\uFEFF👍 a¹ ', 'x'.repeat(edge - 9), '²', '\uD83D', '\uDC4D', '³⁴', 'y'.repeat(edge - 3), '⁵', '⁶', ' z⁰ ', '👍'.repeat(10), '⁷⁸⁹'];
    fc.assert(
      fc.property(fc.nat({ max: 40 }), (shift) => {
        const subject = 'b'.repeat(shift) + pieces.join('');
        assert.deepEqual(runsOf(subject, superscriptMarks), searched(subject, superscripts));
      }),
      { numRuns: 41 },
    );
  });

  it('the marks inside spans, as a search of span after span finds them', () => {
    /** The search the parser did before: a global pattern over the text, span after span. */
    function searchSpans(subject: string, shared: RegExp, spans: readonly SearchSpan[]): number[][] {
      const pattern = new RegExp(shared.source, shared.flags);
      const found: number[][] = [];
      let cursor = 0;
      pattern.lastIndex = spans[0]?.start ?? subject.length;
      for (let match = pattern.exec(subject); match; match = pattern.exec(subject)) {
        while (cursor < spans.length && (spans[cursor] as SearchSpan).end <= match.index) cursor++;
        const span = spans[cursor];
        if (!span) break;
        if (match.index < span.start) {
          pattern.lastIndex = span.start;
          continue;
        }
        if (match.index + match[0].length <= span.end) found.push([match.index, match.index + match[0].length, cursor]);
      }
      return found;
    }
    const spans = fc.array(fc.record({ start: fc.nat({ max: 80 }), length: fc.nat({ max: 15 }) }), { maxLength: 6 });
    fc.assert(
      fc.property(text, spans, (subject, drawn) => {
        const sorted = drawn.map(({ start, length }) => ({ start: Math.min(start, subject.length), end: Math.min(start + length, subject.length) })).sort((a, b) => a.start - b.start);
        for (const [kind, pattern, matches] of [
          ['runs', superscripts, runsOf(subject, superscriptMarks)],
          ['occurrences', brackets, occurrencesOf(subject, bracketCalls)],
        ] as const) {
          const visited: number[][] = [];
          visitInSpans(matches, kind, sorted, (start, end, span) => visited.push([start, end, sorted.indexOf(span)]));
          assert.deepEqual(visited, searchSpans(subject, pattern, sorted));
        }
      }),
      { numRuns: numRuns * 10 },
    );
  });
});

describe('a session keeps no old version of the text alive', function () {
  this.timeout(60000);

  /** A full collection, made callable for this test (V8's flag, set at run time, holds for a new context). */
  function collectGarbage(): void {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
  }

  it('after versions of a 1 MB one-byte draft, each with a new long word read with a paragraph\'s opener', () => {
    // Plain ASCII, as a draft typed without curly quotes is: V8 keeps it one byte a character, and there
    // lower-casing a slice that is lower case already gives the slice itself, which holds its whole text.
    const paragraphs = ['The General Assembly,', ''];
    for (let index = 0; paragraphs.join('\n').length < 1_000_000; index++) {
      paragraphs.push(`Recalling its resolution ${60 + (index % 20)}/${100 + index} of 16 September 2005 and the report of the Secretary-General on its implementation,`, '');
    }
    paragraphs.push('1. Decides to remain seized of the matter.', '');
    let text = paragraphs.join('\n');
    const session = new LintSession();
    session.lint(text);
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const versions = 20;
    const at = text.indexOf('\n1. Decides');
    for (let version = 0; version < versions; version++) {
      const letters = String.fromCharCode(97 + version).repeat(3);
      // A known opener with a word of thirteen letters or more after it: the opener reader reads it, and
      // keeps it in its table of the words it has read.
      const added = `\nNoting with appreciation reconsideration${letters} of the matter,\n`;
      text = `${text.slice(0, at)}${added}${text.slice(at)}`;
      session.lint(text);
    }
    text = '';
    collectGarbage();
    const grownMB = (process.memoryUsage().heapUsed - before) / 1e6;
    // Each version kept alive would be a megabyte: twenty of them at least twenty.
    assert.ok(grownMB < 8, `the heap grew by ${grownMB.toFixed(1)} MB over ${versions} versions`);
  });

  it('after the nearest known opener is asked for an unknown one cut from each of twenty 1 MB texts', () => {
    const lexicon = lexiconFor('en');
    assert.ok(lexicon);
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    for (let version = 0; version < 20; version++) {
      // Made as a message's text is (one byte a character), and the word cut from it as the rule cuts it.
      const text = JSON.parse(JSON.stringify(`${'Recalling its resolution 60/1,\n\n'.repeat(33_000)}Underwhelmingly${String.fromCharCode(97 + version).repeat(3)}ing the matter,\n`)) as string;
      const at = text.indexOf('Underwhelmingly');
      nearestOpener(lexicon, text.slice(at, at + 21), 'preambular');
    }
    collectGarbage();
    const grownMB = (process.memoryUsage().heapUsed - before) / 1e6;
    assert.ok(grownMB < 8, `the heap grew by ${grownMB.toFixed(1)} MB over 20 texts`);
  });
});
