// The running text of a draft as the citation and style rules read it: each paragraph's and
// sub-paragraph's own words, and each footnote text, as one string with its offsets kept. Pieces
// broken by page furniture are joined, footnote calls are blanked out ("2005,1" reads "2005, "),
// and quotations are located, so a rule can match words with a regular expression and still
// report spans in the draft's own text.
import type { Draft, Paragraph, Span, SubParagraph } from './model';
import { eachSubparagraph, firstWhere, footnoteTextPieces, ownTextEnd } from './structure';
import { DraftDigitRuns, digitRuns, digitRunsOfSegments, keptTextDigitRuns, type RunSegment } from './text-scan';
import type { RunStamp } from './text-memo';
import { DraftMemo } from './draft-memo';

export type ProseKind = 'paragraph' | 'subparagraph' | 'footnote' | 'annex';

/** A stretch of the draft in a run (text-scan.ts reads a run's digits off the draft's by them). */
type Segment = RunSegment;

export interface ProseRun {
  readonly kind: ProseKind;
  /** The paragraph the run belongs to (its own text, or one of its sub-paragraphs); none for a footnote. */
  readonly paragraph?: Paragraph;
  /** The pieces joined by a line break, with footnote calls replaced by spaces of the same length. */
  readonly text: string;
  readonly segments: readonly Segment[];
  /** Where the run starts in the draft when it is one segment (its offsets are the draft's, shifted); undefined for several. */
  readonly soleSegmentStart?: number;
  /** Quoted stretches of `text` (“…”, "…"), quotes included, in run offsets. */
  readonly quotations: readonly Span[];
  /** The runs of ASCII digits in `text`, as `digitRuns` lists them (start, end, start, end …). */
  readonly digitRuns: readonly number[];
  /** Where the run starts in the draft (its first segment's start). */
  readonly start: number;
  /** Left by an incremental session's memo (text-memo.ts), which names each run once per version. */
  stamp?: RunStamp;
}

/** A run whose quotations and digits are found on first use: most runs are never asked (see `isQuoted`). */
class LazyProseRun implements ProseRun {
  private found: readonly Span[] | undefined;
  /** Found on first use: until then undefined, or `digitsOfBlankedText` for a run whose text had calls blanked. */
  private digits: readonly number[] | undefined;
  readonly paragraph?: Paragraph;
  stamp?: RunStamp;

  /**
   * @param pieces the segments, when the run has several; a run of one piece (most are) keeps only
   * where it starts in the draft, `soleStart`, and makes its one segment when asked (rarely).
   * @param textDigitRuns the runs of digits of the draft's text, where the parse met them
   * (`keptTextDigitRuns`): the run's own are read off them.
   * @param blanked whether footnote calls were blanked in `text`: if not, its digits are the draft's
   * (said by `digits` until they are found: a field of its own was 28 kB more a corpus lint).
   */
  constructor(
    readonly kind: ProseKind,
    paragraph: Paragraph | undefined,
    readonly text: string,
    private readonly pieces: readonly Segment[] | undefined,
    private readonly soleStart: number,
    private readonly textDigitRuns: DraftDigitRuns | undefined,
    blanked: boolean,
  ) {
    if (paragraph) this.paragraph = paragraph;
    if (blanked) this.digits = digitsOfBlankedText;
  }

  get segments(): readonly Segment[] {
    return this.pieces ?? [{ runStart: 0, draftStart: this.soleStart, length: this.text.length }];
  }

  /** Where the run's one segment starts in the draft, or undefined for a run of several. */
  get soleSegmentStart(): number | undefined {
    return this.pieces ? undefined : this.soleStart;
  }

  get quotations(): readonly Span[] {
    this.found ??= findQuotations(this.text);
    return this.found;
  }

  get start(): number {
    return this.pieces ? (this.pieces[0]?.draftStart ?? -1) : this.soleStart;
  }

  get digitRuns(): readonly number[] {
    let digits = this.digits;
    if (digits === undefined || digits === digitsOfBlankedText) {
      digits = this.textDigitRuns ? digitRunsOfSegments(this.textDigitRuns, this.text, this.pieces, this.soleStart, digits === digitsOfBlankedText) : digitRuns(this.text);
      this.digits = digits;
    }
    return digits;
  }
}

/** A run's `digits` before they are found, where its text had footnote calls blanked (never a run's digits: compared by identity). */
const digitsOfBlankedText: readonly number[] = [];

/** The draft offset of a run offset. */
export function draftOffset(run: ProseRun, offset: number): number {
  const sole = run.soleSegmentStart;
  if (sole !== undefined) return sole + offset;
  let found = run.segments[0];
  for (const segment of run.segments) {
    if (segment.runStart > offset) break;
    found = segment;
  }
  return found ? found.draftStart + (offset - found.runStart) : offset;
}

/** The draft span of run offsets [start, end). */
export function draftSpan(run: ProseRun, start: number, end: number): Span {
  const from = draftOffset(run, start);
  // The end of a match that stops at a segment's end belongs to that segment, not the next one's start.
  const to = end > start ? draftOffset(run, end - 1) + 1 : from;
  return { start: from, end: to };
}

/** Whether run offsets [start, end) lie in one segment: a text edit over them changes nothing else. */
export function inOneSegment(run: ProseRun, start: number, end: number): boolean {
  if (run.soleSegmentStart !== undefined) return start >= 0 && end <= run.text.length;
  return run.segments.some((segment) => start >= segment.runStart && end <= segment.runStart + segment.length);
}

/** Whether run offsets [start, end) overlap a quotation. */
export function isQuoted(run: Pick<ProseRun, 'quotations'>, start: number, end: number): boolean {
  return run.quotations.some((quotation) => start < quotation.end && end > quotation.start);
}

/** “ „ « open a quotation, ” » close one; a straight " opens and closes. */
function quoteKind(code: number): 'open' | 'close' | 'straight' | undefined {
  if (code === 0x22) return 'straight';
  if (code === 0x201c || code === 0x201e || code === 0xab) return 'open';
  if (code === 0x201d || code === 0xbb) return 'close';
  return undefined;
}

/**
 * Quoted stretches: curly quotes pair by direction, straight double quotes alternate. A quotation
 * left open runs to the end of the run, so words after a lost closing quote are left alone too.
 */
const noQuotations: readonly Span[] = [];

/** The quote marks `quoteKind` knows, searched for: the native search passes the units between them faster than a loop. */
const quoteMark = /["\u201c\u201e\u00ab\u201d\u00bb]/g;

function findQuotations(text: string): readonly Span[] {
  // Made at the first quotation: most runs quote nothing, and one empty list stands for all of them.
  let quotations: Span[] | undefined;
  let openAt: number | undefined;
  let straight = false;
  quoteMark.lastIndex = 0;
  while (quoteMark.test(text)) {
    const index = quoteMark.lastIndex - 1;
    const kind = quoteKind(text.charCodeAt(index));
    if (kind === undefined) continue;
    if (openAt === undefined) {
      if (kind === 'open' || kind === 'straight') {
        openAt = index;
        straight = kind === 'straight';
      }
    } else if (straight ? kind === 'straight' : kind === 'close') {
      (quotations ??= []).push({ start: openAt, end: index + 1 });
      openAt = undefined;
    }
  }
  if (openAt !== undefined) (quotations ??= []).push({ start: openAt, end: text.length });
  return quotations ?? noQuotations;
}

function buildRun(draft: Draft, callSpans: Int32Array, pieces: readonly Span[], from: number, limit: number, kind: ProseKind, paragraph: Paragraph | undefined, textDigitRuns: DraftDigitRuns | undefined): ProseRun | undefined {
  // Most runs are one piece: no list of segments is made for them (this runs for every paragraph of every version).
  let soleStart = -1;
  let soleEnd = -1;
  let segments: Segment[] | undefined;
  let text = '';
  for (const piece of pieces) {
    const start = Math.max(piece.start, from);
    const end = Math.min(piece.end, limit);
    if (end <= start) continue;
    if (soleStart < 0) {
      soleStart = start;
      soleEnd = end;
      text = draft.text.slice(start, end);
      continue;
    }
    segments ??= [{ runStart: 0, draftStart: soleStart, length: soleEnd - soleStart }];
    text += '\n';
    segments.push({ runStart: text.length, draftStart: start, length: end - start });
    text += draft.text.slice(start, end);
  }
  if (soleStart < 0) return undefined;
  // Footnote calls are blanked with as many spaces as they have UTF-16 units, so offsets stay aligned.
  // The calls are sorted: a binary search finds those of each segment, and the text is rebuilt by
  // slices around them (never character by character: this runs over the whole draft).
  let blanks: Blank[] | undefined;
  if (segments) for (const segment of segments) blanks = blanksOf(callSpans, segment.runStart, segment.draftStart, segment.length, blanks);
  else blanks = blanksOf(callSpans, 0, soleStart, soleEnd - soleStart, blanks);
  let blanked = text;
  if (blanks) {
    blanked = '';
    let cursor = 0;
    for (const { at, length } of blanks) {
      blanked += text.slice(cursor, at) + ' '.repeat(length);
      cursor = at + length;
    }
    blanked += text.slice(cursor);
  }
  return new LazyProseRun(kind, paragraph, blanked, segments, segments ? -1 : soleStart, textDigitRuns, blanks !== undefined);
}

/** A footnote call to blank in a run's text: where it starts there, and its length. */
interface Blank {
  readonly at: number;
  readonly length: number;
}

/**
 * The spans of the draft's footnote calls, in text order, as one flat list: start, end, start, end …
 * Every run searches them: read off a typed list, the search does not load each call's span, then its
 * start (half of what making the runs cost).
 */
function callSpansOf(calls: Draft['footnoteCalls']): Int32Array {
  const spans = new Int32Array(2 * calls.length);
  for (let index = 0; index < calls.length; index++) {
    const span = (calls[index] as Draft['footnoteCalls'][number]).span;
    spans[2 * index] = span.start;
    spans[2 * index + 1] = span.end;
  }
  return spans;
}

/** `blanks` (made when the first is found) with the calls (`callSpansOf`) inside the segment at [draftStart, draftStart + length) added. */
function blanksOf(callSpans: Int32Array, runStart: number, draftStart: number, length: number, blanks: Blank[] | undefined): Blank[] | undefined {
  const segmentEnd = draftStart + length;
  for (let index = firstCallAtOrAfter(callSpans, draftStart); index < callSpans.length; index += 2) {
    const callStart = callSpans[index] as number;
    const callEnd = callSpans[index + 1] as number;
    if (callStart >= segmentEnd) break;
    if (callEnd > segmentEnd) continue;
    (blanks ??= []).push({ at: runStart + (callStart - draftStart), length: callEnd - callStart });
  }
  return blanks;
}

/** The index in `callSpans` of the first call starting at or after `offset` (calls are in text order). */
function firstCallAtOrAfter(callSpans: Int32Array, offset: number): number {
  let low = 0;
  let high = callSpans.length >> 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((callSpans[2 * middle] as number) < offset) low = middle + 1;
    else high = middle;
  }
  return 2 * low;
}

function subRuns(draft: Draft, callSpans: Int32Array, paragraph: Paragraph, sub: SubParagraph, textDigitRuns: DraftDigitRuns | undefined): ProseRun | undefined {
  return buildRun(draft, callSpans, sub.pieces, sub.textStart, ownTextEnd(sub), 'subparagraph', paragraph, textDigitRuns);
}

const runCache = new DraftMemo<{ body: ProseRun[]; footnotes: ProseRun[]; annexes: ProseRun[] }>('prose runs');

function runsOf(draft: Draft): { body: ProseRun[]; footnotes: ProseRun[]; annexes: ProseRun[] } {
  const cached = runCache.get(draft);
  if (cached) return cached;
  const body: ProseRun[] = [];
  // The runs of digits the parse met looking for bare calls are the whole text's: every run of prose reads
  // its digits off them, the footnotes' too (their 567 runs in the corpus searched their text again, a
  // pattern's call at each of their many numbers). A reader each, as each asks in text order.
  const kept = keptTextDigitRuns(draft);
  const textDigitRuns = kept && new DraftDigitRuns(kept);
  const callSpans = callSpansOf(draft.footnoteCalls);
  for (const paragraph of draft.paragraphs) {
    const own = buildRun(draft, callSpans, paragraph.pieces, paragraph.textStart, ownTextEnd(paragraph), 'paragraph', paragraph, textDigitRuns);
    if (own) body.push(own);
    if (paragraph.subparagraphs.length === 0) continue;
    for (const sub of eachSubparagraph(paragraph.subparagraphs)) {
      const run = subRuns(draft, callSpans, paragraph, sub, textDigitRuns);
      if (run) body.push(run);
    }
  }
  const footnotes: ProseRun[] = [];
  const footnoteDigitRuns = kept && new DraftDigitRuns(kept);
  for (const footnote of draft.footnoteTexts) {
    const pieces = footnoteTextPieces(footnote);
    const run = buildRun(draft, callSpans, pieces, footnote.bodySpan.start, (pieces[pieces.length - 1] as Span).end, 'footnote', undefined, footnoteDigitRuns);
    if (run) footnotes.push(run);
  }
  // An annex's text, heading to last line, as one run: most drafts have none.
  const annexes: ProseRun[] = [];
  if (draft.annexes.length > 0) {
    const annexDigitRuns = kept && new DraftDigitRuns(kept);
    for (const annex of draft.annexes) {
      const run = buildRun(draft, callSpans, [annex.span], annex.span.start, annex.span.end, 'annex', undefined, annexDigitRuns);
      if (run) annexes.push(run);
    }
  }
  const runs = { body, footnotes, annexes };
  runCache.set(draft, runs);
  return runs;
}

/** The text of each annex, as one run each, in text order. */
export function annexProse(draft: Draft): readonly ProseRun[] {
  return runsOf(draft).annexes;
}

/** The own text of every paragraph and sub-paragraph, in text order. */
export function bodyProse(draft: Draft): readonly ProseRun[] {
  return runsOf(draft).body;
}

/**
 * Whether the draft offset `offset`, in a paragraph's or sub-paragraph's own text, lies in a
 * quotation there: words quoted from another text ("the measures referred to in paragraph 9 above").
 */
export function quotedInBody(draft: Draft, offset: number): boolean {
  const place = bodyPlaceOf(draft, offset);
  return place !== undefined && isQuoted(place.run, place.runOffset, place.runOffset + 1);
}

/**
 * Whether the draft offset is quoted only by a straight quotation mark that is never closed: "… du
 * Secrétaire général\" et approuvées au paragraphe 3 ci-dessous" (S/RES/712 (1991) in French), a stray
 * mark as often as a quotation that lost its end. What stands after it may be this text's own words.
 */
export function quotedByUnclosedMark(draft: Draft, offset: number): boolean {
  const place = bodyPlaceOf(draft, offset);
  if (!place) return false;
  const { run, runOffset } = place;
  const holding = run.quotations.filter((quotation) => runOffset >= quotation.start && runOffset < quotation.end);
  return holding.length > 0 && holding.every((quotation) => quotation.end === run.text.length && run.text.charCodeAt(quotation.start) === 0x22 /* " */);
}

/** The body's run that holds a draft offset, and the offset in it. */
function bodyPlaceOf(draft: Draft, offset: number): { readonly run: ProseRun; readonly runOffset: number } | undefined {
  const runs = bodyProse(draft);
  // The runs are in text order: the last to start at or before the offset is the one that may hold it.
  const found = runs[firstWhere(runs.length, (index) => (runs[index] as ProseRun).start > offset) - 1];
  if (!found) return undefined;
  for (const segment of found.segments) {
    if (offset >= segment.draftStart && offset < segment.draftStart + segment.length) return { run: found, runOffset: segment.runStart + (offset - segment.draftStart) };
  }
  return undefined;
}

/** The text of every footnote. */
export function footnoteProse(draft: Draft): readonly ProseRun[] {
  return runsOf(draft).footnotes;
}

/**
 * Lets go of the draft's runs once its rules have read them: nothing else reads them, and a draft is
 * kept for a while (the language server answers from it), so its runs are not kept with it.
 */
export function forgetProse(draft: Draft): void {
  runCache.delete(draft);
}
