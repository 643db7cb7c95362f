// The language server's warm-up after a long draft is opened (lsp/keystroke-warm-up.ts): it lints edited
// versions of the draft with the document's own session while the editor is idle, stops at the first
// sign of the user, and leaves the session giving exactly what a fresh lint gives.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, lint, LintSession, parse, type LintResult, type Settings } from '../server/src/core/index';
import { AnalysisCache } from '../server/src/lsp/analysis-cache';
import type { DocumentSettings } from '../server/src/lsp/document-settings';
import { warmUpAnchors, warmUpMaximumLength, warmUpMinimumLength, warmUpQuietMs, warmUpTexts } from '../server/src/lsp/keystroke-warm-up';

/** A session that records every text it is asked to lint. */
class RecordingSession extends LintSession {
  readonly linted: string[] = [];

  override lint(text: string, settings?: Settings): LintResult {
    this.linted.push(text);
    return super.lint(text, settings);
  }
}

/** A draft in the draft format of `operativeCount` operative paragraphs, with preambular ones, footnotes and a slip. */
function longDraft(operativeCount: number): string {
  const lines = ['The General Assembly,', '', 'Recalling its resolution 60/1 of 16 September 2005,[^1]', '', 'Noting with appreciation the report of the Secretary-General,', ''];
  for (let number = 1; number <= operativeCount; number++) {
    // Paragraph 7 is numbered 8: an operative-numbering finding, so the warm-up's texts have findings to move.
    lines.push(`${number === 7 ? 8 : number}. Requests the Secretary-General to report to the General Assembly at its eighty-first session on the implementation of the present resolution;`, '');
  }
  lines.push('[^1]: See resolution 60/1.', '');
  return lines.join('\n');
}

const documentSettings: DocumentSettings = { settings: defaultSettings, settingsFile: undefined, generation: 0 };

/** A warm-up's error fails the test that did not expect one. */
const failOnError = (what: string, error: unknown): never => assert.fail(`${what}: ${String(error)}`);

describe('warm-up after a long draft is opened', () => {
  const text = longDraft(2200);

  it('is for drafts longer than the longest adopted text several times over', () => {
    assert.ok(text.length >= warmUpMinimumLength, `${text.length} characters`);
    assert.ok(warmUpMinimumLength >= 4 * 60_000);
  });

  it('lints the draft with one letter more at a line end or before a space, then the draft again; never inside a CR LF or a surrogate pair', () => {
    const piece = fc.constantFrom('a', 'Recalling', ' ', '\n', '\r\n', '\r', '😀', '\uD800', '1.', '');
    const draftAndAnchors = fc
      .array(piece, { maxLength: 30 })
      .map((pieces) => pieces.join(''))
      .chain((draft) => fc.tuple(fc.constant(draft), fc.array(fc.integer({ min: 0, max: draft.length }), { minLength: 1, maxLength: 3 })));
    fc.assert(
      fc.property(draftAndAnchors, ([draft, anchors]) => {
        const texts = [...warmUpTexts(draft, anchors)];
        assert.equal(texts.length, 2 * 3 * anchors.length);
        texts.forEach((edited, index) => {
          if (index % 2 === 1) return assert.equal(edited, draft);
          // No piece holds an x: the first is the one inserted.
          const place = edited.indexOf('x');
          assert.equal(edited, `${draft.slice(0, place)}x${draft.slice(place)}`, `one letter inserted into ${JSON.stringify(draft)}`);
          assert.ok(place === draft.length || /[ \r\n]/.test(draft[place] ?? ''), `before a break or a space: at ${place} of ${JSON.stringify(draft)}`);
          assert.ok(!(draft[place - 1] === '\r' && draft[place] === '\n'), 'not inside a CR LF');
          assert.ok(!(/[\uD800-\uDBFF]/.test(draft[place - 1] ?? '') && /[\uDC00-\uDFFF]/.test(draft[place] ?? '')), 'not inside a surrogate pair');
        });
      }),
      { numRuns: 500 },
    );
  });

  /** The place of each edit (the first unit that differs), in the order the warm-up makes them. */
  const placesOf = (draft: string, anchors: readonly number[]): number[] =>
    [...warmUpTexts(draft, anchors)].filter((_, index) => index % 2 === 0).map((edited) => [...edited].findIndex((character, at) => character !== draft[at]));

  it('types at the end of the middle operative paragraph\'s line, inside it and on the empty line after it, then the same in the middle preambular paragraph', () => {
    const draft = parse(text);
    const anchors = warmUpAnchors(draft);
    const middle = (kind: 'operative' | 'preambular') => {
      const paragraphs = draft.paragraphs.filter((paragraph) => paragraph.kind === kind);
      return paragraphs[Math.floor(paragraphs.length / 2)] as (typeof paragraphs)[number];
    };
    const operative = middle('operative');
    const preambular = middle('preambular');
    assert.match(text.slice(operative.span.start, operative.span.end), /^1101\. Requests/);
    assert.match(text.slice(preambular.span.start, preambular.span.end), /^Noting with appreciation/);
    assert.deepEqual(anchors, [operative.span.start, preambular.span.start]);
    const places = placesOf(text, anchors);
    assert.equal(places.length, 6);
    [operative, preambular].forEach((paragraph, part) => {
      const [lineEnd, inside, emptyLine] = places.slice(3 * part, 3 * part + 3) as [number, number, number];
      assert.equal(lineEnd, paragraph.span.end, 'at the end of its line');
      assert.ok(inside > paragraph.span.start && inside < paragraph.span.end && text[inside] === ' ', 'before a space inside it');
      assert.ok(text[emptyLine - 1] === '\n' && text[emptyLine] === '\n' && emptyLine === paragraph.span.end + 1, 'on the empty line after it');
    });
  });

  it('types by length where the draft has no paragraph of a kind: a tenth of the way in for the preamble, three fifths for the operative part', () => {
    const operativeOnly = ['The General Assembly,', '', ...Array.from({ length: 40 }, (_, index) => `${index + 1}. Decides to remain seized of the matter;`), ''].join('\n\n');
    const anchors = warmUpAnchors(parse(operativeOnly));
    assert.equal(anchors[1], Math.floor(0.1 * operativeOnly.length));
    const nothing = warmUpAnchors(parse('no resolution at all'));
    assert.deepEqual(nothing, [Math.floor(0.6 * 20), Math.floor(0.1 * 20)]);
  });

  it('finds an empty line, or a line with text, in a draft with CR LF breaks too, and does without where there is none', () => {
    const crlf = ['The General Assembly,', '', 'Recalling its resolution 60/1,', '', '1. Decides to remain seized of the matter.', ''].join('\r\n').repeat(3);
    placesOf(crlf, [crlf.indexOf('Recalling')]).forEach((place, kind) => {
      assert.equal(crlf[place], kind === 1 ? ' ' : '\r', `edit ${kind}`);
      if (kind === 2) assert.equal(crlf[place - 1], '\n', 'on an empty line');
      if (kind === 0) assert.notEqual(crlf[place - 1], '\n', 'at the end of a line with text');
    });
    // No empty line at all: the next line end serves (the third edit is the one for an empty line).
    const dense = 'The General Assembly,\nRecalling its resolution 60/1,\n1. Decides to remain seized of the matter.\n'.repeat(4);
    assert.equal(dense[placesOf(dense, [0])[2] as number], '\n');
  });

  /** A cache with a recording session, the draft opened in it, and the warm-up's steps held in a queue. */
  /** A cache whose documents' sessions record what they lint, in `sessions`. */
  function recordingCache(): { cache: AnalysisCache; sessions: RecordingSession[] } {
    const sessions: RecordingSession[] = [];
    const cache = new AnalysisCache(() => {
      const session = new RecordingSession();
      sessions.push(session);
      return session;
    });
    return { cache, sessions };
  }

  function opened(draft: string): { cache: AnalysisCache; document: TextDocument; session: () => RecordingSession; steps: (() => void)[]; started: boolean; editor: { movedOn: boolean } } {
    const { cache, sessions } = recordingCache();
    const document = TextDocument.create('file:///long.resolution', 'resolution', 1, draft);
    const steps: (() => void)[] = [];
    // What the server knows before the cache does: a change has arrived and waits to be linted.
    const editor = { movedOn: false };
    const started = cache.warmUp(cache.analysisOf(document, documentSettings), () => !editor.movedOn, failOnError, (step, afterMs) => {
      // The first step waits for a quiet moment; the next follow at once.
      assert.equal(afterMs, steps.length === 0 && sessions[0]?.linted.length === 1 ? warmUpQuietMs : 0);
      steps.push(step);
    });
    return { cache, document, session: () => sessions[0] as RecordingSession, steps, started, editor };
  }

  function runSteps(steps: (() => void)[], count = Infinity): void {
    for (let run = 0; run < count && steps.length > 0; run++) (steps.shift() as () => void)();
  }

  it('runs one lint per step with the document\'s own session, and ends where it began', () => {
    const { cache, document, session, steps, started } = opened(text);
    assert.equal(started, true);
    runSteps(steps);
    assert.deepEqual(session().linted, [text, ...warmUpTexts(text, warmUpAnchors(parse(text)))]);
    // The next keystroke's analysis is what a fresh lint of its text gives.
    const edited = TextDocument.update(document, [{ range: { start: { line: 20, character: 3 }, end: { line: 20, character: 3 } }, text: 'Urging ' }], 2);
    const analysis = cache.analysisOf(edited, documentSettings);
    assert.deepEqual(analysis.result.findings, lint(edited.getText(), defaultSettings).findings);
    assert.ok(analysis.result.findings.length >= 2, 'the numbering slip and the new opener');
  });

  it('does nothing for a draft shorter than that, or so long that one lint outlasts a pause between keystrokes', () => {
    const tooLong = longDraft(17_000);
    assert.ok(tooLong.length > warmUpMaximumLength, `${tooLong.length} characters`);
    for (const draft of [longDraft(20), tooLong]) {
      const { session, steps, started } = opened(draft);
      assert.equal(started, false);
      assert.equal(steps.length, 0);
      assert.equal(session().linted.length, 1);
    }
  });

  it('runs one warm-up at a time: a long draft opened during another\'s is not warmed up, one opened after it is', () => {
    const { cache, steps } = opened(text);
    const warmUpOf = (uri: string): boolean => {
      const document = TextDocument.create(uri, 'resolution', 1, text);
      return cache.warmUp(cache.analysisOf(document, documentSettings), () => true, failOnError, (step) => steps.push(step));
    };
    runSteps(steps, 2);
    assert.equal(warmUpOf('file:///second.resolution'), false);
    runSteps(steps);
    assert.equal(warmUpOf('file:///third.resolution'), true);
  });

  it('puts a step off while the editor asks for things (a hover, the outline), and lints once it has been quiet', () => {
    const { cache, sessions } = recordingCache();
    const document = TextDocument.create('file:///long.resolution', 'resolution', 1, text);
    const steps: { step: () => void; afterMs: number }[] = [];
    let clock = 10_000;
    assert.equal(cache.warmUp(cache.analysisOf(document, documentSettings), () => true, failOnError, (step, afterMs) => steps.push({ step, afterMs }), () => clock), true);
    const lintsSoFar = (): number => (sessions[0] as RecordingSession).linted.length;
    cache.noteRequest(clock);
    clock += 50;
    (steps.shift() as { step: () => void }).step();
    assert.equal(lintsSoFar(), 1, 'no warm-up lint 50 ms after a request');
    assert.equal(steps[0]?.afterMs, warmUpQuietMs - 50, 'tried again once the editor has been quiet long enough');
    clock += warmUpQuietMs;
    (steps.shift() as { step: () => void }).step();
    assert.equal(lintsSoFar(), 2, 'then the warm-up lints');
  });

  it('is over once it has stopped, and another may begin', () => {
    const { cache, document, steps } = opened(text);
    runSteps(steps, 2);
    cache.forget(document.uri);
    runSteps(steps);
    const again = TextDocument.create(document.uri, 'resolution', 1, text);
    assert.equal(cache.warmUp(cache.analysisOf(again, documentSettings), () => true, failOnError, (step) => steps.push(step)), true);
  });

  it('logs a lint that throws, never lets it out of the timer, and is over', () => {
    class FailingSession extends LintSession {
      calls = 0;
      override lint(draft: string, settings?: Settings): LintResult {
        if (++this.calls === 3) throw new Error('broken rule');
        return super.lint(draft, settings);
      }
    }
    const cache = new AnalysisCache(() => new FailingSession());
    const steps: (() => void)[] = [];
    const logged: string[] = [];
    const document = TextDocument.create('file:///failing.resolution', 'resolution', 1, text);
    cache.warmUp(cache.analysisOf(document, documentSettings), () => true, (what, error) => logged.push(`${what}: ${String(error)}`), (step) => steps.push(step));
    assert.doesNotThrow(() => runSteps(steps));
    assert.deepEqual(logged, ['Warming up for file:///failing.resolution: Error: broken rule']);
    const other = TextDocument.create('file:///other.resolution', 'resolution', 1, text);
    assert.equal(cache.warmUp(cache.analysisOf(other, documentSettings), () => true, () => undefined, (step) => steps.push(step)), true);
  });

  for (const [what, interrupt] of [
    ['a change that has arrived and waits to be linted', (_cache: AnalysisCache, _document: TextDocument, editor: { movedOn: boolean }): void => void (editor.movedOn = true)],
    ['a change', (cache: AnalysisCache, document: TextDocument): void => void cache.analysisOf(TextDocument.update(document, [{ text: `${text}x` }], 2), documentSettings)],
    ['new settings', (cache: AnalysisCache, document: TextDocument): void => void cache.analysisOf(document, { ...documentSettings, generation: 1 })],
    ['a close', (cache: AnalysisCache, document: TextDocument): void => cache.forget(document.uri)],
  ] as const) {
    it(`stops at ${what}, and the next analysis is still a fresh lint's`, () => {
      const { cache, document, session, steps, editor } = opened(text);
      runSteps(steps, 3);
      assert.equal(session().linted.length, 4);
      interrupt(cache, document, editor);
      const lintedBefore = session().linted.length;
      runSteps(steps);
      assert.equal(session().linted.length, lintedBefore, 'no warm-up lint after it');
      const next = TextDocument.update(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], 3);
      assert.deepEqual(cache.analysisOf(next, documentSettings).result.findings, lint(next.getText(), defaultSettings).findings);
    });
  }
});
