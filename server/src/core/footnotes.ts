// Footnote numbering shared by the footnote rules and, later, the renumbering commands.
import type { TextEdit } from './findings';
import type { Draft, FootnoteCall, FootnoteText, Span } from './model';
import { eachSubparagraph, paragraphContaining } from './structure';
import { isDigitCode } from './text-scan';
import { DraftMemo } from './draft-memo';
import { conventionsOf } from './lexicon/lexicon';

/** The distinct footnote numbers in the order of their first call. */
export function numbersInFirstUseOrder(draft: Draft): number[] {
  const seen = new Set<number>();
  const order: number[] = [];
  for (const call of draft.footnoteCalls) {
    if (seen.has(call.number)) continue;
    seen.add(call.number);
    order.push(call.number);
  }
  return order;
}

/**
 * Whether footnotes keep a number series of their own (a yearbook's), rather than starting at 1: the
 * first call is not 1, and no text is numbered 1. A copy whose texts run 1, 2, 3 and whose first call
 * is 3 (a paragraph moved up) is out of order, not a yearbook's: it is renumbered as any other.
 */
export function continuesOuterNumbering(draft: Draft): boolean {
  return draft.footnoteTexts.length > 0 && draft.footnoteTexts.every((footnote) => footnote.style === 'bare' && footnote.number !== 1) && (numbersInFirstUseOrder(draft)[0] ?? 1) !== 1;
}

const superscripts = ['\u2070', '\u00B9', '\u00B2', '\u00B3', '\u2074', '\u2075', '\u2076', '\u2077', '\u2078', '\u2079'];

/** `number` in superscript digits: 12 → "¹²". */
function inSuperscript(number: number): string {
  return [...String(number)].map((digit) => superscripts[Number(digit)] ?? digit).join('');
}

/** The edit that gives the call `call` the number `number`, in its own style (digits, or superscripts). */
export function callEdit(draft: Draft, call: FootnoteCall, number: number): TextEdit | undefined {
  if (call.style === 'superscript') return { span: call.span, newText: inSuperscript(number) };
  // "[^agenda]": the name gives way to the number.
  if (call.name !== undefined) return { span: { start: call.span.start + 2, end: call.span.start + 2 + call.name.length }, newText: String(number) };
  const written = draft.text.slice(call.span.start, call.span.end);
  const digits = /\d+/.exec(written);
  if (!digits) return undefined;
  const start = call.span.start + digits.index;
  return { span: { start, end: start + digits[0].length }, newText: String(number) };
}

function textEdit(draft: Draft, footnote: FootnoteText, number: number): TextEdit | undefined {
  if (footnote.style === 'superscript') return { span: footnote.labelSpan, newText: inSuperscript(number) };
  if (footnote.name !== undefined) return { span: { start: footnote.labelSpan.start + 2, end: footnote.labelSpan.start + 2 + footnote.name.length }, newText: String(number) };
  const written = draft.text.slice(footnote.labelSpan.start, footnote.labelSpan.end);
  const digits = /\d+/.exec(written);
  if (!digits) return undefined;
  const start = footnote.labelSpan.start + digits.index;
  return { span: { start, end: start + digits[0].length }, newText: String(number) };
}

/**
 * Edits that renumber footnotes 1, 2, 3 … in the order of first use, calls and texts together.
 * Texts never called keep their place after. A yearbook's running numbers are left as they are.
 */
export function renumberFootnoteEdits(draft: Draft): TextEdit[] {
  const cached = footnoteRenumberCache.get(draft);
  if (cached) return cached;
  const edits = computeFootnoteRenumbering(draft);
  footnoteRenumberCache.set(draft, edits);
  return edits;
}

/** One set of renumbering edits per draft: every footnote-order finding carries the same fix. */
const footnoteRenumberCache = new DraftMemo<TextEdit[]>('footnote renumbering');

/**
 * In text copied out of a PDF, where a place in the body that may be the footnote's call stands: its
 * digits after a word or a mark, with at most one space between ("Outcome, 1  noting", "Truce”)3"),
 * not inside a number or a symbol ("48/11", "2005"). A call written so was read only where the calls
 * come in the order of their numbers (footnote-calls.ts): after a call out of that order, the next
 * ones were not read, and deleting "its" text deleted a note the body still calls, or renumbering
 * gave the unread call another note's number.
 */
export function possibleUnreadCall(draft: Draft, number: number, notInside: readonly Span[] = []): Span | undefined {
  // After a word or a mark; or glued to a year, as « le 30 juillet 20022, » holds call 2; or after a
  // month-first date's day (or days: "May 2-3 4", "March 6–12 4") and a space, as "the session of May 2 4,"
  // holds call 4 where the copy set it apart.
  // Sticky, tried only where the number's digits stand: searched through a whole megabyte, its
  // lookbehinds were tried at every unit (28 ms for the corpus as one draft, once footnotes labelled
  // "[^N]:" were asked about too).
  const pattern = new RegExp(`(?:(?<=[\\p{L}\\p{P}] ?)(?<![\\d/])|(?<=(?<![\\d/])(?:19|20)\\d\\d)|(?<=\\p{L} \\d{1,2}(?:[-\\u2010\\u2013]\\d{1,2})? ))${number}(?![\\d/]|[.,]\\d)`, 'uy');
  const digits = String(number);
  for (const paragraph of draft.paragraphs) {
    const pieceLists = [paragraph.pieces, ...eachSubparagraph(paragraph.subparagraphs).map((sub) => sub.pieces)];
    for (const pieces of pieceLists) {
      for (const piece of pieces) {
        // The piece alone, as before: what stands before it is no part of its words.
        const text = draft.text.slice(piece.start, piece.end);
        for (let at = text.indexOf(digits); at >= 0; at = text.indexOf(digits, at + 1)) {
          pattern.lastIndex = at;
          if (!pattern.test(text)) continue;
          const start = piece.start + at;
          // "[^7]": a mark's own digits are no digit of the body.
          if (notInside.some((span) => span.start <= start && start < span.end)) continue;
          return { start, end: start + digits.length };
        }
      }
    }
  }
  return undefined;
}

/** Each footnote number's number in the order of first use; texts never called after the others. */
function renumberingMapping(draft: Draft): Map<number, number> {
  const order = numbersInFirstUseOrder(draft);
  const mapping = new Map<number, number>();
  order.forEach((number, index) => mapping.set(number, 1 + index));
  let next = 1 + order.length;
  for (const footnote of draft.footnoteTexts) {
    if (!mapping.has(footnote.number)) mapping.set(footnote.number, next++);
  }
  return mapping;
}

/**
 * A footnote that cites the source of the one before it ("[^4]: Ibid., vol. 1577, No. 27531.") and
 * that renumbering in the order of first use would put after another footnote: renumbered, it would
 * cite another source. Undefined where renumbering keeps every such footnote after the one it follows.
 */
/** The words the footnote opens with to cite the source of the one before it ("Ibid."), in the draft's language; undefined for most. */
export function sameSourceWordsOf(draft: Draft, footnote: FootnoteText): string | undefined {
  return conventionsOf(draft.language).sameSourceWords?.find((word) => footnote.body.startsWith(word));
}

export function footnoteRenumberingMovesSameSource(draft: Draft): { readonly footnote: FootnoteText; readonly words: string } | undefined {
  if (!conventionsOf(draft.language).sameSourceWords?.length || continuesOuterNumbering(draft)) return undefined;
  const citesTheOneBefore = (footnote: FootnoteText): boolean => sameSourceWordsOf(draft, footnote) !== undefined;
  if (!draft.footnoteTexts.some(citesTheOneBefore)) return undefined;
  const mapping = renumberingMapping(draft);
  const numbers = [...new Set(draft.footnoteTexts.map((footnote) => footnote.number))].sort((a, b) => a - b);
  const renumbered = [...numbers].sort((a, b) => (mapping.get(a) ?? a) - (mapping.get(b) ?? b));
  for (const footnote of draft.footnoteTexts) {
    if (!citesTheOneBefore(footnote)) continue;
    const before = numbers[numbers.indexOf(footnote.number) - 1];
    const beforeOnceRenumbered = renumbered[renumbered.indexOf(footnote.number) - 1];
    if (before !== undefined && before !== beforeOnceRenumbered) return { footnote, words: sameSourceWordsOf(draft, footnote) ?? '' };
  }
  return undefined;
}

/** Whether two of the texts listed at the end carry one number in one series (a file of resolutions numbers each one's from 1). */
function endTextNumberedTwice(draft: Draft): boolean {
  const seriesStarts = draftFootnoteSeriesStarts(draft);
  let nextSeries = 0;
  const seen = new Set<number>();
  for (const footnote of draft.footnoteTexts) {
    if (nextSeries < seriesStarts.length && footnote.span.start >= (seriesStarts[nextSeries] as number)) {
      while (nextSeries < seriesStarts.length && footnote.span.start >= (seriesStarts[nextSeries] as number)) nextSeries++;
      seen.clear();
    }
    if (footnote.placement !== 'end') continue;
    if (seen.has(footnote.number)) return true;
    seen.add(footnote.number);
  }
  return false;
}

function computeFootnoteRenumbering(draft: Draft): TextEdit[] {
  // A yearbook's footnotes carry the volume's running numbers: they are not the text's to renumber.
  if (continuesOuterNumbering(draft)) return [];
  // An "Ibid." that would follow another footnote once renumbered would cite another source: by hand.
  if (footnoteRenumberingMovesSameSource(draft)) return [];
  // A copy's text no call was read for, whose number the body may hold as a call the reading missed:
  // the order of first use is not known, and renumbering would give that call another note's number.
  const called = new Set(draft.footnoteCalls.map((call) => call.number));
  if (draft.footnoteTexts.some((footnote) => footnote.style === 'bare' && !called.has(footnote.number) && possibleUnreadCall(draft, footnote.number))) return [];
  // Two texts listed at the end with one number ("[^1]: …" twice, or "[^note]" and "[^Note]"): which
  // one the calls mean is the drafter's, and putting the texts in order kept one of them only.
  if (endTextNumberedTwice(draft)) return [];
  const mapping = renumberingMapping(draft);
  // A call with no text that renumbering would move ("[^3]" made "[^2]" where text 2 was just
  // deleted as unused): its number is the only clue to the text it wants; by hand.
  const defined = new Set(draft.footnoteTexts.map((footnote) => footnote.number));
  if (draft.footnoteCalls.some((call) => !defined.has(call.number) && mapping.get(call.number) !== call.number)) return [];
  // Calls written both as marks and as bare digits (a copy's "Weapons;12" beside a mistyped "[^12]"):
  // a digit is read as a call only where no mark has its number, so a mark renumbered away from a
  // number the body holds as an unread digit makes that digit a call, of another note's text.
  if (callsMixBareDigitsAndMarks(draft) && renumberedMarkFreesADigit(draft, mapping)) return [];
  const edits: TextEdit[] = [];
  for (const call of draft.footnoteCalls) {
    const target = mapping.get(call.number);
    if (target === undefined || target === call.number) continue;
    const edit = callEdit(draft, call, target);
    if (edit) edits.push(edit);
  }
  // The texts listed at the end, "[^N]: …" each, follow their new numbers: 1, 2, 3 … in that order.
  const reordered = reorderedEndTexts(draft, mapping);
  if (reordered) return [...edits, ...reordered];
  const renamedTexts = new Set<number>();
  for (const footnote of draft.footnoteTexts) {
    const target = mapping.get(footnote.number);
    // Two texts with one number: only the first is renamed, the duplicate is another rule's business.
    if (target === undefined || target === footnote.number || renamedTexts.has(footnote.number)) continue;
    renamedTexts.add(footnote.number);
    const edit = textEdit(draft, footnote, target);
    if (edit) edits.push(edit);
  }
  return edits;
}

/**
 * Where renumbering leaves the list of footnote texts at the end out of order ("[^2]: …" above
 * "[^1]: …", or "² …" above "¹ …"), the edits that list them in their new order: each text's place takes the text that
 * belongs there, its label renumbered. Only where every text is one of the end list, all written one
 * way, each number once, one after another with nothing but white space between them; otherwise
 * (texts at page feet, "[^7]: …" beside "¹ …", a duplicate, a paragraph between two texts: moving
 * a text across it would move words) undefined, and each text keeps its place with its new number.
 */
function reorderedEndTexts(draft: Draft, mapping: ReadonlyMap<number, number>): TextEdit[] | undefined {
  const texts = draft.footnoteTexts;
  const style = texts[0]?.style;
  if (texts.length < 2 || texts.some((footnote) => footnote.placement !== 'end' || footnote.style === 'bare' || footnote.style !== style)) return undefined;
  if (texts.some((footnote, index) => index > 0 && draft.text.slice((texts[index - 1] as FootnoteText).span.end, footnote.span.start).trim() !== '')) return undefined;
  if (new Set(texts.map((footnote) => footnote.number)).size !== texts.length) return undefined;
  const targetOf = (footnote: FootnoteText): number => mapping.get(footnote.number) ?? footnote.number;
  const inNewOrder = [...texts].sort((a, b) => targetOf(a) - targetOf(b));
  if (inNewOrder.every((footnote, index) => footnote === texts[index])) return undefined;
  const edits: TextEdit[] = [];
  texts.forEach((place, index) => {
    const moved = inNewOrder[index] as FootnoteText;
    // A named text whose number stays keeps its name, as its calls do ("[^csw]" stays "[^csw]").
    const relabel = targetOf(moved) === moved.number ? undefined : textEdit(draft, moved, targetOf(moved));
    const written = draft.text.slice(moved.span.start, moved.span.end);
    const newText = relabel
      ? `${written.slice(0, relabel.span.start - moved.span.start)}${relabel.newText}${written.slice(relabel.span.end - moved.span.start)}`
      : written;
    if (newText !== draft.text.slice(place.span.start, place.span.end)) edits.push({ span: place.span, newText });
  });
  return edits;
}

/** The whole line(s) of a footnote text, with the white space around it and the line break after it: what removing it removes. */
export function footnoteLinesSpan(draft: Draft, footnote: FootnoteText): Span {
  const { text } = draft;
  let start = footnote.span.start;
  while (start > 0 && text[start - 1] !== '\n' && /[ \t]/.test(text[start - 1] ?? '')) start--;
  let end = footnote.span.end;
  while (text[end] === ' ' || text[end] === '\t') end++;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return { start, end };
}

/** The text of a footnote as compared for duplicates: white space folded, case kept. */
export function footnoteBodyKey(footnote: FootnoteText): string {
  // The parser folds white space in `body` already. Most bodies begin and end with a printable ASCII
  // unit, which `trim` would not remove: those are their own key, with no call of it.
  const { body } = footnote;
  return isPrintableAscii(body.charCodeAt(0)) && isPrintableAscii(body.charCodeAt(body.length - 1)) ? body : body.trim();
}

/** ! to ~: no white space or line terminator as `String.prototype.trim` knows them (NaN, past the end: false). */
function isPrintableAscii(code: number): boolean {
  return code > 32 && code < 127;
}

/**
 * Where a later resolution of a file numbers its footnotes from 1 again: the start of each chapeau
 * whose part's texts include a number no higher than one of a text above it (`chapeauStarts` in text
 * order, `footnoteTexts` too). Parts A and B of one resolution, whose numbers run on, start none.
 * The parser matches each such series' calls against its own texts; the footnote rules compare texts
 * within a series only.
 */
export function footnoteSeriesStarts(chapeauStarts: readonly number[], footnoteTexts: readonly FootnoteText[]): number[] {
  const starts: number[] = [];
  if (chapeauStarts.length < 2 || footnoteTexts.length < 2) return starts;
  let highestAbove = 0;
  let text = 0;
  for (let chapeau = 0; chapeau < chapeauStarts.length; chapeau++) {
    const partStart = chapeauStarts[chapeau] as number;
    const partEnd = chapeauStarts[chapeau + 1] ?? Number.POSITIVE_INFINITY;
    let lowestOwn = Number.POSITIVE_INFINITY;
    let highestOwn = 0;
    // Texts above the first chapeau (a header's) count with the first part.
    for (; text < footnoteTexts.length && (footnoteTexts[text] as FootnoteText).span.start < partEnd; text++) {
      const number = (footnoteTexts[text] as FootnoteText).number;
      lowestOwn = Math.min(lowestOwn, number);
      highestOwn = Math.max(highestOwn, number);
    }
    if (chapeau > 0 && highestOwn > 0 && lowestOwn <= highestAbove) {
      starts.push(partStart);
      highestAbove = 0;
    }
    highestAbove = Math.max(highestAbove, highestOwn);
  }
  return starts;
}

/** `footnoteSeriesStarts` of a parsed draft: its parts' chapeaus. */
export function draftFootnoteSeriesStarts(draft: Draft): readonly number[] {
  if (draft.parts.length < 2) return noSeriesStarts;
  const chapeauStarts: number[] = [];
  for (const part of draft.parts) if (part.chapeau) chapeauStarts.push(part.chapeau.span.start);
  return footnoteSeriesStarts(chapeauStarts, draft.footnoteTexts);
}
const noSeriesStarts: readonly number[] = [];

/**
 * Whether the text at offsets `a` and `b` belongs to one footnote series (`draftFootnoteSeriesStarts`):
 * in a file of several resolutions, each numbering its footnotes from 1, a call names a text of its own
 * resolution, not the other's text of the same number.
 */
export function inSameFootnoteSeries(draft: Draft, a: number, b: number): boolean {
  const starts = draftFootnoteSeriesStarts(draft);
  for (const start of starts) if ((a < start) !== (b < start)) return false;
  return true;
}

/**
 * Whether `footnote` stops mid-sentence ("… as from"), so that a text listed under it may be its
 * wrapped line, which an extraction labelled as a footnote of its own ("[^7]: February 1984." in
 * A/RES/80/18): footnote-order does not count such a line as a second text of its number, and
 * footnote-style does not end `footnote` with a full stop where its sentence goes on below.
 */
export function stopsMidSentence(footnote: FootnoteText): boolean {
  return !/[.!?;:)\]"”’»]$/u.test(footnote.body.trimEnd());
}

/**
 * Whether some calls are bare digits and others marks (`[^3]`, `³`): the digits are read as calls
 * only where no mark has their number (footnote-calls.ts), so an edit that gives a mark another number
 * may change which digits are calls. footnote-duplicate's merge holds back; renumbering, where a
 * digit would be freed (`renumberedMarkFreesADigit`).
 */
export function callsMixBareDigitsAndMarks(draft: Draft): boolean {
  let bare = false;
  let marks = false;
  for (const call of draft.footnoteCalls) {
    if (call.style === 'bare') bare = true;
    else marks = true;
    if (bare && marks) return true;
  }
  return false;
}

/** Whether a mark that renumbering moves leaves its old number to a bare digit of the body the reading passed over. */
function renumberedMarkFreesADigit(draft: Draft, mapping: ReadonlyMap<number, number>): boolean {
  const callSpans = draft.footnoteCalls.map((call) => call.span);
  return draft.footnoteCalls.some((call) => call.style !== 'bare' && (mapping.get(call.number) ?? call.number) !== call.number && possibleUnreadCall(draft, call.number, callSpans) !== undefined);
}

/**
 * Where the body holds footnote `number`'s call mistyped, so that the reading did not take it for
 * one: "[2]", "[^ 3]", "[^3" with no bracket closing it, "(^3)", "<sup>3</sup>". Deleting "its" text as
 * unused lost the citation the drafter meant to call. The number's places are found by a plain search
 * and each is tried in a few units around it: a pattern run over every paragraph cost a tenth of a lint.
 */
export function mistypedCall(draft: Draft, number: number): Span | undefined {
  const digits = String(number);
  const text = draft.text;
  const pattern = new RegExp(`(?:\\[[ \\t]{0,3}(?:\\^[ \\t]{0,3})?${digits}[ \\t]{0,3}\\](?!:)|\\[\\^${digits}(?![\\d\\]])|\\(\\^[ \\t]{0,3}${digits}[ \\t]{0,3}\\)|<sup>[ \\t]{0,3}${digits}[ \\t]{0,3}</sup>)`, 'u');
  for (let at = text.indexOf(digits); at >= 0; at = text.indexOf(digits, at + 1)) {
    const end = at + digits.length;
    if (isDigitCode(text.charCodeAt(at - 1)) || isDigitCode(text.charCodeAt(end))) continue;
    // What stands right before a mistyped call's digits: its bracket, its caret, a space or the tag's ">".
    const before = text.charCodeAt(at - 1);
    if (before !== 91 /* [ */ && before !== 94 /* ^ */ && before !== 32 && before !== 9 && before !== 62 /* > */) continue;
    const from = Math.max(0, at - 10);
    const found = pattern.exec(text.slice(from, Math.min(text.length, end + 10)));
    if (!found || from + found.index > at || from + found.index + found[0].length < end || !paragraphContaining(draft, at)) continue;
    return { start: from + found.index, end: from + found.index + found[0].length };
  }
  return undefined;
}
