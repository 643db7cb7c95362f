// The first keystrokes in a long draft are slow, and not because of the draft: at opening, V8 compiled
// the parser and the rules for reading a whole draft once, and it compiles them again for re-reading an
// edited one during the first edits (measured through the server on a 1 MB draft: the first ten edits
// 60–120 ms, the fifty after them p95 26–31 ms; docs/performance.md). So after a long draft is opened
// the server types into it itself while the editor is idle: a few pairs of edits, a character in and
// out again, each linted by the document's own session, one per timer turn, so that a real change waits
// for one of them at most (and for none if it comes at once: the warm-up waits for a quiet moment to
// begin). One warm-up runs at a time. It stops when a change arrives, the document is closed or its
// settings change; the session then goes on from the last text it read, as after any edit, with
// exactly `lint`'s results (test/session.test.ts).
import type { Draft, ParagraphKind } from '../core/index';

/**
 * Drafts shorter than this are linted in a few milliseconds even before V8 has compiled the keystroke
 * path, and pay nothing. The longest adopted text in the corpus has 60,000 characters.
 */
export const warmUpMinimumLength = 250_000;

/**
 * Nor are drafts longer than this warmed up: there a warm-up step, one lint (at 2.5 MB ~100 ms before V8
 * has compiled the keystroke path, ~50 ms after), would hold up the very keystrokes it is for, and the
 * twelve would cost seconds of processor time and hundreds of megabytes of garbage.
 */
export const warmUpMaximumLength = 2_500_000;

/**
 * The warm-up begins once the editor has been quiet this long after the opening's diagnostics: its first
 * step is its slowest (~100 ms on 1 MB, nothing compiled yet), and a person who types at once should
 * not wait for it. Their keystrokes stop the warm-up before it starts, and warm V8 up themselves.
 */
export const warmUpQuietMs = 200;

/**
 * Where the warm-up types, as offsets it types after: the start of the middle operative paragraph, then
 * of the middle preambular one. A letter takes other paths in each: after an operative paragraph's
 * semicolon an empty line's letter is text a page break displaced, after a preambular paragraph's comma
 * it continues the paragraph (a page break split the sentence). With places spread through the draft
 * by length instead, the preamble (a fifth of the bench's draft) had one, at a line end, and a user's
 * first letters on an empty line in the preamble met code V8 had compiled without that path (measured
 * through the server: docs/performance.md). A part without paragraphs has its place by length: a tenth
 * of the way into the draft for the preamble, three fifths for the operative part. Two places, three
 * edits at each: six pairs (~0.45 s of processor time on a 1 MB draft) took the first edits after
 * opening from 60–120 ms to 20–45 ms through the server; ten or sixteen did no better.
 */
export function warmUpAnchors(draft: Draft): number[] {
  const middleOf = (kind: ParagraphKind, fraction: number): number => {
    const paragraphs = draft.paragraphs.filter((paragraph) => paragraph.kind === kind);
    const middle = paragraphs[Math.floor(paragraphs.length / 2)];
    return middle ? middle.span.start : Math.floor(fraction * draft.text.length);
  };
  // The preamble last: a path met last is one V8 has compiled for, and a user's first edits are often there.
  return [middleOf('operative', 0.6), middleOf('preambular', 0.1)];
}

/**
 * The texts a warm-up lints, in order: for each anchor, the draft with one letter more, then the draft
 * itself again, so a warm-up that runs to the end leaves the session where it found it. The letter goes
 * in turn at the end of the anchor's line (which changes its paragraph's findings), at the end of a
 * word inside it (which changes none), and on the empty line after it (a new paragraph begun, or one
 * continued, which changes how the paragraphs around it are read): the paths a keystroke takes.
 */
export function* warmUpTexts(text: string, anchors: readonly number[]): Generator<string, void, undefined> {
  for (const from of anchors) {
    for (let kind = 0; kind < 3; kind++) {
      // Before a line break or a space: never inside a surrogate pair or a CR LF.
      const found = kind === 1 ? text.indexOf(' ', from) : lineBreakAfter(text, from, kind === 2);
      const place = found < 0 ? text.length : found > 0 && text[found - 1] === '\r' ? found - 1 : found;
      const edited = text.slice(0, place) + 'x' + text.slice(place);
      yield edited;
      // The letter taken out again, as an editor's text is made: equal to the draft, built as a keystroke's text is.
      yield edited.slice(0, place) + edited.slice(place + 1);
    }
  }
}

/**
 * The first line feed at or after `from` that ends an empty line (`empty`) or one with text; failing
 * that, the first line feed at all (-1 if none).
 */
function lineBreakAfter(text: string, from: number, empty: boolean): number {
  const first = text.indexOf('\n', from);
  for (let found = first; found >= 0; found = text.indexOf('\n', found + 1)) {
    const before = text[found - 1] === '\r' ? found - 2 : found - 1;
    const lineIsEmpty = before < 0 || text[before] === '\n';
    if (lineIsEmpty === empty) return found;
  }
  return first;
}
