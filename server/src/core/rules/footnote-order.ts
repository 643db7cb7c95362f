import { continuesOuterNumbering, draftFootnoteSeriesStarts, footnoteRenumberingMovesSameSource, renumberFootnoteEdits, stopsMidSentence } from '../footnotes';
import type { RelatedPlace, TextEdit } from '../findings';
import type { Draft, FootnoteCall, FootnoteText } from '../model';
import { localMessage } from '../messages';
import type { Rule, RuleContext } from '../rule';

export const footnoteOrderRule: Rule = {
  id: 'footnote-order',
  description: 'Footnotes are numbered 1, 2, 3 … in the order of their first reference.',
  defaultSeverity: 'error',
  fixable: true,
  needsLexicon: false,
  check(draft, context) {
    // A yearbook's texts carry the volume's running numbers (41, 56 …): there, only the order counts.
    const outer = continuesOuterNumbering(draft);
    // A footnote never called at all is footnote-unused's finding; the order skips over it.
    const called = new Set(draft.footnoteCalls.map((call) => call.number));
    const defined = new Set(draft.footnoteTexts.map((footnote) => footnote.number));
    const nextCalled = (after: number): number => {
      let next = after + 1;
      while (defined.has(next) && !called.has(next)) next++;
      return next;
    };
    // Worked out at the first finding, not at every lint of a draft whose footnotes are in order (a keystroke's).
    let held: { readonly note: RelatedPlace | undefined; readonly edits: readonly TextEdit[] } | undefined;
    const renumbering = (): NonNullable<typeof held> => {
      if (held) return held;
      // An "Ibid." renumbering would move after another footnote: no fix, and the finding says why.
      const sameSource = outer ? undefined : footnoteRenumberingMovesSameSource(draft);
      const note = sameSource && {
        span: sameSource.footnote.labelSpan,
        message: localMessage(context.lexicon, 'footnote-order/same-source', { number: String(sameSource.footnote.number), words: sameSource.words },
          `Footnote ${sameSource.footnote.number} opens with '${sameSource.words}' and cites the source of the footnote before it: renumbered, it would follow another footnote. Renumber the footnotes by hand.`),
      };
      // None where renumbering is held back (a yearbook's series, an "Ibid.", a copy's call not read): renumberFootnoteEdits says so.
      held = { note, edits: outer ? [] : renumberFootnoteEdits(draft) };
      return held;
    };
    const seen = new Set<number>();
    let previous: number | undefined;
    /** Where `previous` is first called: shown beside a finding that names it. */
    let previousCall: FootnoteCall | undefined;
    for (const call of draft.footnoteCalls) {
      if (seen.has(call.number)) continue;
      seen.add(call.number);
      const callBefore = previousCall;
      previousCall = call;
      const expected = previous === undefined ? (outer ? call.number : nextCalled(0)) : nextCalled(previous);
      // The number renumbering gives it: its place in the order of first use.
      const target = seen.size;
      const wrong = outer ? previous !== undefined && call.number < previous : call.number !== expected && call.number !== target;
      if (wrong) {
        const [number, wanted] = [String(call.number), String(target)];
        const said = previous === undefined
            ? localMessage(context.lexicon, 'footnote-order/first', { number, expected: wanted },
              `The first footnote referenced is numbered ${number}: expected ${wanted} (footnotes are numbered in the order of first use).`)
            : outer
              ? localMessage(context.lexicon, 'footnote-order/after-outer', { number, previous: String(previous) },
                `Footnote ${number} is first referenced after footnote ${previous}: footnotes are numbered in the order of first use.`)
              : call.number < previous
              ? localMessage(context.lexicon, 'footnote-order/after', { number, previous: String(previous), expected: wanted },
                `Footnote ${number} is first referenced after footnote ${previous}: expected ${wanted} (footnotes are numbered in the order of first use).`)
              : localMessage(context.lexicon, 'footnote-order/next', { number, previous: String(previous), expected: wanted },
                `Footnote ${number} is the next footnote referenced after footnote ${previous}: expected ${wanted} (footnotes are numbered in the order of first use).`);
        const { note: sameSourceNote, edits } = renumbering();
        context.report({
          span: call.span,
          // Said in the message too: a command line shows no related notes, and its --fix leaves the finding.
          message: sameSourceNote ? `${said} ${sameSourceNote.message}` : said,
          // A yearbook's numbers are the volume's: renumbering them would break the volume's series.
          ...(edits.length === 0 ? {} : { fix: { title: localMessage(context.lexicon, 'fix/renumber-footnotes', {}, 'Renumber footnotes'), edits } }),
          related: [
            ...(callBefore ? [{ span: callBefore.span, message: localMessage(context.lexicon, 'footnote-order/here', { number: String(previous) }, `Footnote ${previous} is first referenced here.`) }] : []),
            ...(sameSourceNote ? [sameSourceNote] : []),
          ],
        });
      }
      previous = call.number;
    }
    reportNumbersGivenTwice(draft, context);
  },
};

/**
 * Two texts with one number in one series ("[^2]: Resolution 67/296." over "[^2]: Resolution 55/2.",
 * a call and its text added under a number already taken): every call of that number reaches the
 * first, and the second can never be read. Reported on the second; which was meant is the drafter's.
 */
function reportNumbersGivenTwice(draft: Draft, context: RuleContext): void {
  const seriesStarts = draftFootnoteSeriesStarts(draft);
  let nextSeries = 0;
  const first = new Map<number, FootnoteText>();
  // Only a number called (a text no call reaches is footnote-unused's). An extraction that labelled a
  // footnote's wrapped line "[^7]: February 1984." gave such a pair in A/RES/80/18: the wrapped line
  // is told by the text above it, which stops mid-sentence (below). Called once, such a pair was left
  // unsaid once; but footnote renumbering holds back while a number has two texts, and this finding
  // says why.
  const callsOf = new Map<number, number>();
  for (const call of draft.footnoteCalls) callsOf.set(call.number, (callsOf.get(call.number) ?? 0) + 1);
  let textBefore: FootnoteText | undefined;
  for (const footnote of draft.footnoteTexts) {
    // A text under one that stops mid-sentence ("… as from" over "[^7]: February 1984.") is that
    // one's wrapped line an extraction labelled: not a second text of its number.
    const wrappedLine = textBefore !== undefined && stopsMidSentence(textBefore);
    textBefore = footnote;
    if (wrappedLine) continue;
    // A file of resolutions numbers each one's footnotes from 1 again: compared within a series.
    if (nextSeries < seriesStarts.length && footnote.span.start >= (seriesStarts[nextSeries] as number)) {
      while (nextSeries < seriesStarts.length && footnote.span.start >= (seriesStarts[nextSeries] as number)) nextSeries++;
      first.clear();
    }
    // A yearbook's page serves several texts; a copy's page feet may repeat a block: only the draft format's list.
    if (footnote.placement !== 'end' || !callsOf.has(footnote.number)) continue;
    const earlier = first.get(footnote.number);
    if (!earlier) {
      first.set(footnote.number, footnote);
      continue;
    }
    const number = String(footnote.number);
    context.report({
      span: footnote.labelSpan,
      message: localMessage(context.lexicon, 'footnote-order/number-twice', { number }, `Footnote number ${number} is given to two texts: its calls reach only the first, and this one is never read. Give it a number of its own.`),
      related: [{ span: earlier.labelSpan, message: localMessage(context.lexicon, 'footnote-order/first-text', { number }, `The first text numbered ${number}.`) }],
    });
  }
}
