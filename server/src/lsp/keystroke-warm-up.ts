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
 * Six pairs (~0.45 s of processor time on a 1 MB draft) took the first edits after opening from 60–120 ms
 * to 20–45 ms through the server; ten or sixteen did no better (docs/performance.md).
 */
export const warmUpEditPairs = 6;

/**
 * The warm-up begins once the editor has been quiet this long after the opening's diagnostics: its first
 * step is its slowest (~100 ms on 1 MB, nothing compiled yet), and a person who types at once should
 * not wait for it. Their keystrokes stop the warm-up before it starts, and warm V8 up themselves.
 */
export const warmUpQuietMs = 200;

/**
 * The texts a warm-up lints, in order: the draft with one letter more, at a place spread through it,
 * then the draft itself again, so a warm-up that runs to the end leaves the session where it found it.
 * The letter goes alternately at the end of a line (a paragraph's end, which changes its findings) and
 * at the end of a word inside one (which changes none): the two paths a keystroke takes.
 */
export function* warmUpTexts(text: string, pairs: number = warmUpEditPairs): Generator<string, void, undefined> {
  for (let pair = 0; pair < pairs; pair++) {
    const from = Math.floor(((pair + 0.5) / pairs) * text.length);
    // Before a line break or a space: never inside a surrogate pair or a CR LF.
    const found = pair % 2 === 0 ? text.indexOf('\n', from) : text.indexOf(' ', from);
    const place = found < 0 ? text.length : found > 0 && text[found - 1] === '\r' ? found - 1 : found;
    const edited = text.slice(0, place) + 'x' + text.slice(place);
    yield edited;
    // The letter taken out again, as an editor's text is made: equal to the draft, built as a keystroke's text is.
    yield edited.slice(0, place) + edited.slice(place + 1);
  }
}
