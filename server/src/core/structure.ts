// Questions about the document model that several rules and features ask.
import { closingLinePattern } from './lexicon/lexicon';
import type { Draft, FootnoteCall, FootnoteText, Paragraph, Span, SubLabel, SubParagraph } from './model';
import { letterIndex, readNumberLabel } from './parse/labels';
import { isSpaceCode, listConjunctionMark } from './parse/lines';
import { isDigitCode, unitAt } from './text-scan';
import { DraftMemo } from './draft-memo';

/**
 * Whether the text records its adoption ("52nd plenary meeting", "Adopted by the Security Council at
 * its 4653rd meeting", "Adoptée à la …"): a copy of an adopted resolution, not a draft.
 */
export function recordsAdoption(draft: Draft): boolean {
  return draft.blocks.some((block) => (block.kind === 'closing' || block.kind === 'header') && closingLinePattern.test(draft.text.slice(block.span.start, block.span.end)));
}

/**
 * Every sub-paragraph below `items`, depth first, in text order. Callers on every paragraph of every
 * version test `items.length` first: a `for…of` makes an iterator even over the empty list.
 */
export function eachSubparagraph(items: readonly SubParagraph[]): readonly SubParagraph[] {
  // Most paragraphs have none: no list, no generator, for them (this runs per paragraph in several rules).
  if (items.length === 0) return noSubparagraphs;
  const all: SubParagraph[] = [];
  const add = (list: readonly SubParagraph[]): void => {
    for (const item of list) {
      all.push(item);
      add(item.children);
    }
  };
  add(items);
  return all;
}
/** The sub-paragraphs of every paragraph and item that has none (most): one list, never changed (the model is read-only). */
export const noSubparagraphs: readonly SubParagraph[] = [];

/** A label's name as references write it: "c", or "c bis" for an insert. */
export function labelName(label: SubLabel): string {
  return label.insertSuffix ? `${label.name} ${label.insertSuffix}` : label.name;
}

/** The item labelled `name` among `items` and the items inside them, the first in text order. */
export function subparagraphNamed(items: readonly SubParagraph[], name: string): SubParagraph | undefined {
  for (const item of eachSubparagraph(items)) if (item.label && labelName(item.label) === name) return item;
  return undefined;
}

/**
 * Whether `items` are a list numbered "1.", "2." (not yet lettered, which subparagraph-sequence
 * reports) with an item at the letter's place: "paragraph 1 (b)" names its second item once lettered.
 */
export function numberedListHolds(items: readonly SubParagraph[], name: string): boolean {
  const first = items[0]?.label;
  return first !== undefined && first.kind === 'number' && first.bracket !== 'parens' && letterIndex(name) <= items.length;
}

/** The item a reference's label names: the one labelled so, or the one at the letter's place in a list numbered "1.", "2.". */
export function subparagraphReferenced(items: readonly SubParagraph[], name: string): SubParagraph | undefined {
  return subparagraphNamed(items, name) ?? (numberedListHolds(items, name) ? items[letterIndex(name) - 1] : undefined);
}

/**
 * The operative paragraph a label of a reference names where the paragraph the reference stands in
 * (`holder`) has no item so labelled and its part letters its operative paragraphs: "(a) Demands …:"
 * … "(b) Requests … the measures referred to in (a) (iii) above;", « visées aux a) iii) ci-dessus ».
 * The letter is that paragraph's, not a missing item's. One answer for the cross-reference rule,
 * navigation and renumbering.
 */
export function letteredParagraphNamed(draft: Draft, holder: Paragraph, name: string): Paragraph | undefined {
  if (subparagraphReferenced(holder.subparagraphs, name) !== undefined) return undefined;
  const value = letterIndex(name.toLowerCase());
  if (Number.isNaN(value)) return undefined;
  for (const paragraph of draft.parts[holder.partIndex]?.operativeParagraphs ?? []) {
    const number = paragraph.number;
    if (number?.style === 'letter' && number.value === value && number.insertSuffix === undefined) return paragraph;
  }
  return undefined;
}

/** The footnote calls' spans by where they end, for skipping them when reading how a text ends (`endMark`). */
export function footnoteCallEnds(draft: Draft): ReadonlyMap<number, Span> {
  const cached = callEndCache.get(draft);
  if (cached) return cached;
  const byEnd = new Map<number, Span>();
  for (const call of draft.footnoteCalls) byEnd.set(call.span.end, call.span);
  callEndCache.set(draft, byEnd);
  return byEnd;
}
const callEndCache = new DraftMemo<Map<number, Span>>('footnote calls by end');

/**
 * Where the footnote calls written right after `offset` end, those of one place separated by commas
 * ("rapport[^1],[^2]" read from after "rapport"): `offset` itself where no call starts there.
 */
export function callsEndAfter(draft: Draft, offset: number): number {
  const calls = draft.footnoteCalls;
  let index = firstWhere(calls.length, (position) => (calls[position] as FootnoteCall).span.start >= offset);
  let end = offset;
  for (let call = calls[index]; call; call = calls[++index]) {
    const separated = end > offset && call.span.start === end + 1 && draft.text[end] === ',';
    if (call.span.start !== end && !separated) break;
    end = call.span.end;
  }
  return end;
}

export interface EndMark {
  /** The final punctuation mark, or the last character when there is none. */
  readonly span: Span;
  readonly mark: string;
  /** Whether `mark` is punctuation; if not, a mark is missing after `span`. */
  readonly isPunctuation: boolean;
}

/** ” » " ’ ' ) ]: a mark may stand before them ("… the Charter.”"). By code: asked at the end of every paragraph. */
function isClosingQuoteCode(code: number): boolean {
  return code === 0x201d || code === 0xbb /* » */ || code === 34 || code === 0x2019 || code === 39 || code === 41 || code === 93;
}

/** . ; : , : the marks read before a closing quote. */
function isMarkBeforeQuoteCode(code: number): boolean {
  return code === 46 || code === 59 || code === 58 || code === 44;
}

/** . , ; : ! ? and their Arabic and East Asian counterparts (، ؛ ， ； 。 ：): the marks a paragraph may end with. */
function isEndPunctuationCode(code: number): boolean {
  if (code < 128) return code === 46 || code === 44 || code === 59 || code === 58 || code === 33 || code === 63;
  return code === 0x60c || code === 0x61b || code === 0xff0c || code === 0xff1b || code === 0x3002 || code === 0xff1a;
}

/** A bare number after a final mark: a footnote call whose text the copy lost ("Nations, 122"). */
const lostCallPattern = /(?:[,;:][ \u00A0]?|\.[ \u00A0])\d{1,3}$/;

/**
 * How the text of `pieces` (from `from`, up to `limit`) ends: footnote calls and white space after the
 * last mark are skipped, and a list's "; and" ends in ";".
 * Asked of every paragraph and sub-paragraph (paragraph-punctuation): the text is read by code and the
 * patterns are module constants, tried only where the last unit allows them; the literals, one
 * RegExp made at each call, and a string made for every unit read were most of the rule's time.
 * `calls` is `footnoteCallEnds(draft)`, which a caller asking at every paragraph looks up once.
 */
export function endMark(draft: Draft, pieces: readonly Span[], limit: number, from = 0, calls = footnoteCallEnds(draft)): EndMark | undefined {
  const text = draft.text;
  for (let index = pieces.length - 1; index >= 0; index--) {
    const whole = pieces[index] as Span;
    // The text before `from` (a paragraph's number, a label) is not the paragraph's own: "1." ends nothing.
    // (Its bounds as two numbers, not a span made per piece: this runs for every paragraph of every version.)
    const pieceStart = Math.max(whole.start, from);
    if (pieceStart >= limit || pieceStart >= whole.end) continue;
    let end = Math.min(whole.end, limit);
    for (;;) {
      while (end > pieceStart && isSpaceCode(unitAt(text, end - 1))) end--;
      const call = calls.get(end);
      if (call && call.start >= pieceStart) {
        end = call.start;
        // The comma between two marks ("[^1],[^2]") separates them; it is not the text's own mark.
        if (end > 0 && unitAt(text, end - 1) === 44 /* , */ && calls.has(end - 1)) end--;
        continue;
      }
      // A bare number after the final mark is a footnote call whose text the copy lost: "Nations, 122".
      const lostCall = end > pieceStart && isDigitCode(unitAt(text, end - 1)) ? lostCallPattern.exec(text.slice(Math.max(pieceStart, end - 6), end)) : null;
      if (lostCall) {
        end -= lostCall[0].length - 1;
        continue;
      }
      break;
    }
    if (end <= pieceStart) continue;
    // "…; and" / "…; or" at the end of a list item: the mark is the one before the conjunction.
    const conjunctionMark = listConjunctionMark(text, Math.max(pieceStart, end - 12), end);
    if (conjunctionMark >= 0) return { span: { start: conjunctionMark, end: conjunctionMark + 1 }, mark: text.charAt(conjunctionMark), isPunctuation: true };
    // "*Recalling its resolution 1701 (2006),*": the emphasis closes after the mark, which ends the text.
    let emphasisStart = end;
    while (emphasisStart > pieceStart && end - emphasisStart < 3 && isEmphasisCode(unitAt(text, emphasisStart - 1))) emphasisStart--;
    if (emphasisStart < end && emphasisStart > pieceStart && isEndPunctuationCode(unitAt(text, emphasisStart - 1))) {
      return { span: { start: emphasisStart - 1, end: emphasisStart }, mark: text[emphasisStart - 1] as string, isPunctuation: true };
    }
    const lastCode = unitAt(text, end - 1);
    if (isClosingQuoteCode(lastCode)) {
      // French sets a space inside its guillemets: « … un rapport. » ends with the full stop before it.
      let markEnd = end - 1;
      while (markEnd > pieceStart && isSpaceCode(unitAt(text, markEnd - 1))) markEnd--;
      if (markEnd > pieceStart && isMarkBeforeQuoteCode(unitAt(text, markEnd - 1))) {
        return { span: { start: markEnd - 1, end: markEnd }, mark: text[markEnd - 1] as string, isPunctuation: true };
      }
    }
    return { span: { start: end - 1, end }, mark: text[end - 1] as string, isPunctuation: isEndPunctuationCode(lastCode) };
  }
  return undefined;
}

/** Markdown's emphasis marks, `*` and `_`, which a drafter closes after the paragraph's last mark. */
function isEmphasisCode(code: number): boolean {
  return code === 42 /* * */ || code === 95 /* _ */;
}

/** Where a paragraph's own text stops: at its first sub-paragraph, or its end. */
/** A footnote text's words, as pieces of the draft: its body, and the rest carried on to the next page's foot where there is one. */
export function footnoteTextPieces(footnote: FootnoteText): Span[] {
  return footnote.continuation ? [footnote.bodySpan, footnote.continuation] : [footnote.bodySpan];
}

export function ownTextEnd(node: Paragraph | SubParagraph): number {
  const first = 'subparagraphs' in node ? node.subparagraphs[0] : node.children[0];
  return first ? first.span.start : node.span.end;
}

/**
 * Whether removing a paragraph's number up to `numberEnd` would do more than that, so that a fix must
 * not offer it: leave it no words of its own above its sub-paragraphs ("(4)" alone over "(a) …": the
 * paragraph would go, and its items would be read as headings or other paragraphs), or let a line of
 * its own words below open it with that line's number ("2.U" under "2.U" in a copy without blank
 * lines): the next reading would find a paragraph to remove a number from again, one a round (found
 * by fuzzing).
 */
export function numberRemovalChangesMore(draft: Draft, paragraph: Paragraph, numberEnd: number): boolean {
  return (paragraph.subparagraphs.length > 0 && wordlessAfter(draft, paragraph, numberEnd)) || numberedLineBelow(draft, paragraph, numberEnd);
}

/** Whether a paragraph has no words of its own after `numberEnd` (above its sub-paragraphs, if it has any). */
export function wordlessAfter(draft: Draft, paragraph: Paragraph, numberEnd: number): boolean {
  return draft.text.slice(numberEnd, ownTextEnd(paragraph)).trim() === '';
}

/** Whether a line of a paragraph's own words below its first opens with a paragraph's number ("2.", "(2)"; not a bare "12", a wrapped "12 December 2005"). */
function numberedLineBelow(draft: Draft, paragraph: Paragraph, numberEnd: number): boolean {
  const text = draft.text;
  const end = ownTextEnd(paragraph);
  for (let lineBreak = text.indexOf('\n', numberEnd); lineBreak >= 0 && lineBreak < end; lineBreak = text.indexOf('\n', lineBreak + 1)) {
    let lineStart = lineBreak + 1;
    while (lineStart < end && (text.charCodeAt(lineStart) === 32 || text.charCodeAt(lineStart) === 9)) lineStart++;
    if (lineStart < end && (readNumberLabel(text, lineStart)?.style ?? 'bare') !== 'bare') return true;
  }
  return false;
}

export function subparagraphsOf(node: Paragraph | SubParagraph): readonly SubParagraph[] {
  return 'subparagraphs' in node ? node.subparagraphs : node.children;
}

/** A short quotation of a paragraph for messages: its opening words. */
export function quoteStart(text: string, words = 6): string {
  const parts = text.split(/\s+/).slice(0, words).join(' ');
  return parts.length < text.length ? `${parts} …` : parts;
}

/** Upper-cases the first letter, keeping the rest as it is. */
export function capitalize(word: string): string {
  return word.charAt(0).toLocaleUpperCase() + word.slice(1);
}

/**
 * Whether a character changes when upper-cased, as `toLocaleUpperCase` says: an ASCII one by its code
 * (a–z change in every locale, no other does), others by asking. Asked of every opener's and footnote's first.
 */
export function changesInUpperCase(character: string): boolean {
  const code = character.charCodeAt(0);
  if (code < 128 && character.length === 1) return code >= 97 && code <= 122;
  return character !== character.toLocaleUpperCase();
}

export function lowerFirst(word: string): string {
  return word.charAt(0).toLocaleLowerCase() + word.slice(1);
}

export interface ParagraphIndex {
  /** Whether `draft.paragraphs` is in text order (as `parse` leaves it): only then is binary search right. */
  readonly sorted: boolean;
  /** The greatest end among paragraphs 0 … i. */
  readonly endsSoFar: readonly number[];
}
const paragraphIndexCache = new DraftMemo<ParagraphIndex>('paragraph index');

/** The index `paragraphContaining` and `firstParagraphAfter` halve, of paragraphs in the draft's order. */
export function indexParagraphs(paragraphs: readonly Paragraph[]): ParagraphIndex {
  // Made to its length at once: on a 10 MB draft, 33,000 numbers.
  const index = new ParagraphIndexer(new Array<number>(paragraphs.length));
  for (const paragraph of paragraphs) index.add(paragraph.span);
  return index.index();
}

/**
 * A paragraph index made paragraph by paragraph, in the draft's order: the parser adds each paragraph
 * as it makes it, while its span is at hand. Made after the parse, on a 10 MB draft, it read every
 * paragraph's span again once they had left the processor's caches.
 */
export class ParagraphIndexer {
  private sorted = true;
  private lastStart = Number.NEGATIVE_INFINITY;
  private end = Number.NEGATIVE_INFINITY;
  private count = 0;

  /** `endsSoFar`: where the greatest ends go, one a paragraph (a list of the right length, or an empty one grown as they come). */
  constructor(private readonly endsSoFar: number[]) {}

  add(span: Span): void {
    if (span.start < this.lastStart) this.sorted = false;
    this.lastStart = span.start;
    this.end = Math.max(this.end, span.end);
    this.endsSoFar[this.count++] = this.end;
  }

  index(): ParagraphIndex {
    return { sorted: this.sorted, endsSoFar: this.endsSoFar };
  }
}

/**
 * The draft's paragraph index, made by the parser (`keepParagraphIndex`) as it orders the
 * paragraphs, or now. Made later, on a 10 MB draft, it read every paragraph's span after the parse
 * had left them: a cache miss each, 2.6 ms against 0.065 ms on a 1 MB draft.
 */
function paragraphIndexOf(draft: Draft): ParagraphIndex {
  let index = paragraphIndexCache.get(draft);
  if (!index) {
    index = indexParagraphs(draft.paragraphs);
    paragraphIndexCache.set(draft, index);
  }
  return index;
}

/** The parser's index of the paragraphs of the draft it returns (`indexParagraphs` of them). */
export function keepParagraphIndex(draft: Draft, index: ParagraphIndex): void {
  paragraphIndexCache.set(draft, index);
}

/** The first position below `length` that passes `test`, which fails and then passes along the positions (or `length`). */
export function firstWhere(length: number, test: (position: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (test(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * `(span) => spans.some((other) => other.start < span.end && span.start < other.end)`, answered by
 * halving: the spans by start, and how far those up to each reach (as paragraphContaining reads the
 * paragraphs). Asked for every block or finding of a draft, the plain search was quadratic (20,000
 * headings took 9 s to render; 25,000 sub-paragraphs most of a second to preview).
 */
export function overlapsAnyOf(spans: readonly Span[]): (span: Span) => boolean {
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const other of byStart) reach.push(Math.max(other.end, reach[reach.length - 1] ?? other.end));
  return (span) => {
    // The spans that start before `span` ends; one of them overlaps it if they reach past its start.
    const last = firstWhere(byStart.length, (at) => (byStart[at] as Span).start >= span.end) - 1;
    return last >= 0 && (reach[last] as number) > span.start;
  };
}

/** The first paragraph (in the draft's order) whose span holds `offset`, its ends included. */
export function paragraphContaining(draft: Draft, offset: number): Paragraph | undefined {
  const { sorted, endsSoFar } = paragraphIndexOf(draft);
  const paragraphs = draft.paragraphs;
  if (!sorted) return paragraphs.find((paragraph) => paragraph.span.start <= offset && offset <= paragraph.span.end);
  // The paragraphs that start at or before `offset` are a prefix; the first of them to reach it is
  // the first whose running greatest end does.
  const startedCount = firstWhere(paragraphs.length, (position) => (paragraphs[position] as Paragraph).span.start > offset);
  const first = firstWhere(startedCount, (position) => (endsSoFar[position] as number) >= offset);
  return first < startedCount ? paragraphs[first] : undefined;
}

/** The first paragraph (in the draft's order) that starts after `offset`. */
export function firstParagraphAfter(draft: Draft, offset: number): Paragraph | undefined {
  const paragraphs = draft.paragraphs;
  if (!paragraphIndexOf(draft).sorted) return paragraphs.find((paragraph) => paragraph.span.start > offset);
  return paragraphs[firstWhere(paragraphs.length, (position) => (paragraphs[position] as Paragraph).span.start > offset)];
}

/** The index of the resolution part `offset` stands in: the last part that starts at or before it. */
export function partIndexAt(draft: Draft, offset: number): number {
  let index = 0;
  draft.parts.forEach((part, partIndex) => {
    const start = part.chapeau?.span.start ?? part.preambularParagraphs[0]?.span.start ?? part.operativeParagraphs[0]?.span.start;
    if (start !== undefined && start <= offset) index = partIndex;
  });
  return index;
}

/**
 * The part whose paragraphs a cross-reference at `offset` names: that of the paragraph it stands in,
 * or, in an annex ("paragraph 3 of the present resolution"), of the part the annex follows.
 */
export function referencePartAt(draft: Draft, paragraphHolding: Paragraph | undefined, offset: number): number {
  return paragraphHolding?.partIndex ?? partIndexAt(draft, offset);
}
