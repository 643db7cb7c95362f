// parse(text) → Draft. Works in three passes over the lines:
//   1. regions: header, body, footnote blocks, page furniture, annexes (a line-by-line walk);
//   2. chunks of body text (runs of lines) classified into paragraphs, sub-paragraphs, headings,
//      closing blocks, or continuations of the paragraph before a page break;
//   3. footnote calls found in the text of those nodes.
// It never throws: anything it cannot place is kept as an `unclassified` block.
import { adoptionMeetingNumber, annexHeadingPattern, draftMetadataLinePattern, partLabelPattern, annexTitledHeadingPattern, closingLinePattern, conventionsOf, languageConventions, languageOfWords, lexiconFor, lexiconLanguages, withArticle, withoutDiacritics, type Lexicon } from '../lexicon/lexicon';
import type {
  Annex,
  Block,
  BlockKind,
  Chapeau,
  Draft,
  FootnoteText,
  FootnoteTextStyle,
  NumberLabel,
  Opener,
  Paragraph,
  ParagraphKind,
  ResolutionPart,
  Span,
  SubLabel,
  SubParagraph,
} from '../model';
import { alternation, dateJointsOf, escapeForPattern, firstDayLettersPattern, styleFor } from '../lexicon/style';
import { ChunkTable, type ChunkRegion } from './chunks';
import { findCrossReferences } from './cross-references';
import { endFootnoteLabel, findFootnoteCalls, numberNamedFootnotes, type NumberWords, type SearchSpan } from './footnote-calls';
import { footnoteSeriesStarts } from '../footnotes';
import { letterIndex, plainDotNumberValue, readNumberLabel, readSubLabel } from './labels';
import {
  bareFootnoteTextPattern,
  pageFootnoteLabel,
  footnoteSeparatorPattern,
  isPageFurniture,
  isSeparatorLine,
  isSpaceCode,
  isSuperscriptDigitCode,
  mayBePageFurniture,
  mayBeSeparator,
  OpeningUnits,
  separatorPattern,
  symbolLinePattern,
  LineTable,
  isMarkdownDecorationCode,
  isOpeningQuoteCode,
  endsWithListConjunction,
  wordsInsideDecoration,
} from './lines';
import { readOpener } from './openers';
import { nearestOpener, openerHeadStarts, sameStart } from '../nearest-opener';
import { AnnexParagraphNode, BlockNode, ChapeauNode, FootnoteTextNode, NumberLabelNode, ParagraphNode, ResolutionPartNode, SpanNode, SubLabelNode, SubParagraphNode } from './nodes';
import { emptyList, listOf } from '../records';
import type { SearchMemo } from './search-memo';
import { indexParagraphs, keepParagraphIndex, noSubparagraphs, ParagraphIndexer, type ParagraphIndex } from '../structure';
import { trailingCallLength, withoutTrailingCalls } from '../text-ends';
import { isAsciiLowerCode, isCapitalAt, isDigitCode, keepTextDigitRuns, UnitSet } from '../text-scan';

export interface ParseOptions {
  /** "auto" (or undefined) reads the language from the chapeau. */
  readonly language?: string;
  readonly extraOpeners?: { readonly operative: readonly string[]; readonly preambular: readonly string[] };
  /** An incremental session's searches of the previous version, reused where the text did not change. */
  readonly searches?: SearchMemo;
}

export function parse(text: string, options: ParseOptions = {}): Draft {
  try {
    const parser = new Parser(text, options);
    const draft = parser.run();
    // A piece copied out of a PDF's middle has no header to know its running title by: learnt from the
    // page furniture its walk met, the text is read again knowing it. Only such pieces pay for it.
    const runningTitle = parser.runningTitleToLearn();
    return runningTitle === undefined ? draft : new Parser(text, options, runningTitle).run();
  } catch {
    // The parser must never fail its caller; a bug here degrades to "nothing recognised".
    return {
      text,
      fromScan: false,
      form: 'canonical',
      language: 'unknown',
      parts: [],
      paragraphs: [],
      footnoteCalls: [],
      footnoteTexts: [],
      crossReferences: [],
      blocks: text.length > 0 ? [{ kind: 'unclassified', span: { start: 0, end: text.length } }] : [],
      annexes: [],
      displacedText: [],
    };
  }
}

// The parser's own records are classes, not object literals: what lives through a pass is made by
// `new`, which V8 never pretenures (nodes.ts says why that matters).

class ChapeauMatch {
  constructor(
    readonly language: string,
    readonly organ: string,
    readonly organSpan: Span,
    readonly comma: Span | undefined,
    readonly fullStop: Span | undefined,
    /** Matched by the generic "The <Capitalised Words>," pattern, not a known organ. */
    readonly generic: boolean,
    /** The article the line leaves out ("The" of "General Assembly,"), where it does. */
    readonly missingArticle?: string,
    /** The footnote call the line carries, after the comma ("…Assembly,[^1]") or before it ("…générale[^1],"). */
    readonly call?: Span,
    /** Markdown emphasis around the line: `*The General Assembly,*`. */
    readonly emphasis?: Chapeau['emphasis'],
    /** The quotation mark that opens a quoted draft's chapeau: "“The General Assembly,". */
    readonly openingQuote?: Span,
  ) {}
}

/** A chapeau line: its index and what it says. */
class ChapeauLine {
  constructor(readonly index: number, readonly match: ChapeauMatch) {}
}

class MutableSub {
  constructor(
    public span: Span,
    readonly pieces: Span[],
    readonly label: SubLabel | undefined,
    readonly level: number,
    readonly textStart: number,
    readonly children: MutableSub[],
  ) {}
}

/**
 * The paragraph being read, the only one that can still grow. One object a part, filled again as each
 * paragraph begins (`begin`): it is frozen into the model's node before the next one begins, and
 * nothing else keeps it. A new one for each paragraph was ~300 KB of the corpus parse's garbage.
 */
class MutableParagraph {
  kind: ParagraphKind = 'preambular';
  pieces: Span[] = emptyList();
  number: NumberLabel | undefined = undefined;
  opener: Opener | undefined = undefined;
  subject: Span | undefined = undefined;
  textStart = 0;
  subparagraphs: MutableSub[] = noOpenSubs;
  sectionIndex = 0;
  /** The deepest open sub-paragraph chain: where a continuation or a deeper label attaches. */
  subStack: MutableSub[] = noOpenSubs;

  constructor(readonly partIndex: number) {}

  /** Starts the next paragraph of the part, at its chunk reading `at`: every field but the part set again. */
  begin(kind: ParagraphKind, pieces: Span[], readings: ChunkReadings, at: number, sectionIndex: number): this {
    this.kind = kind;
    this.pieces = pieces;
    this.number = readings.number(at);
    this.opener = readings.opener(at);
    this.subject = readings.subject(at);
    this.textStart = readings.textStart(at);
    this.subparagraphs = noOpenSubs;
    this.sectionIndex = sectionIndex;
    this.subStack = noOpenSubs;
    return this;
  }
}

/**
 * What the start of each chunk of a part says about it, read once before classifying, by the chunk's
 * place in the part ("reading `at`"). Columns, not an object a chunk: the readings live to the end
 * of their part's classification, and on a 10 MB draft of one part, 31,000 objects of 80 bytes were
 * copied by each young-generation collection until the old generation took them. The rarer fields
 * (numbers, sub-labels, subjects) are written only from a chunk that has one on.
 */
class ChunkReadings {
  private readonly spans: Span[] = emptyList();
  private readonly openers: (Opener | undefined)[] = emptyList();
  private readonly numbers: (NumberLabel | undefined)[] = emptyList();
  private readonly subLabels: (SubLabel | undefined)[] = emptyList();
  private readonly subjects: (Span | undefined)[] = emptyList();

  /**
   * `chunks` and `textStarts`: columns as long as the parse's chunks, written from their start by
   * each part's readings in turn (a part's readings die before the next part's begin), so that a
   * part's numbers cost no typed array of its own.
   */
  constructor(private readonly chunks: Int32Array, private readonly textStarts: Int32Array) {}

  get count(): number {
    return this.spans.length;
  }

  /** The reading of `chunk` (its index in the parser's ChunkTable), the part's next. */
  add(chunk: number, span: Span, number: NumberLabel | undefined, subLabel: SubLabel | undefined, opener: Opener | undefined, subject: Span | undefined, textStart: number): void {
    const at = this.spans.length;
    this.chunks[at] = chunk;
    this.spans.push(span);
    this.openers.push(opener);
    if (number) setFrom(this.numbers, at, number);
    if (subLabel) setFrom(this.subLabels, at, subLabel);
    if (subject) setFrom(this.subjects, at, subject);
    this.textStarts[at] = textStart;
  }

  /** The chunk's index in the parser's ChunkTable. */
  chunk(at: number): number {
    return this.chunks[at] as number;
  }

  span(at: number): Span {
    return this.spans[at] as Span;
  }

  number(at: number): NumberLabel | undefined {
    return this.numbers[at];
  }

  subLabel(at: number): SubLabel | undefined {
    return this.subLabels[at];
  }

  opener(at: number): Opener | undefined {
    return this.openers[at];
  }

  subject(at: number): Span | undefined {
    return this.subjects[at];
  }

  textStart(at: number): number {
    return this.textStarts[at] as number;
  }
}

/**
 * `list[at] = value`, the places before it that were never written filled with undefined: the list
 * stays packed (a write far past its end would make it a dictionary), and as short as its last value.
 */
function setFrom<Item>(list: (Item | undefined)[], at: number, value: Item): void {
  while (list.length < at) list.push(undefined);
  list[at] = value;
}

/**
 * The pieces of every paragraph and sub-paragraph, in text order (nearly always the order they come
 * in: a paragraph's pieces precede its sub-paragraphs'): what the footnote and cross-reference
 * searches read.
 */
class PieceList {
  private readonly spans: Span[] = emptyList();
  private lastStart = -1;
  private inOrder = true;

  addParagraph(paragraph: Paragraph): void {
    // Piece by piece, not spread: a spread is a call of its own for each paragraph's one or two pieces.
    for (const piece of paragraph.pieces) this.add(piece);
    if (paragraph.subparagraphs.length > 0) this.addSubs(paragraph.subparagraphs);
  }

  inTextOrder(): Span[] {
    return this.inOrder ? this.spans : this.spans.sort((a, b) => a.start - b.start);
  }

  private addSubs(subs: readonly SubParagraph[]): void {
    for (const sub of subs) {
      for (const piece of sub.pieces) this.add(piece);
      if (sub.children.length > 0) this.addSubs(sub.children);
    }
  }

  private add(piece: Span): void {
    // Out of order is seen as the pieces come, not by a second pass over the list.
    if (piece.start < this.lastStart) this.inOrder = false;
    this.lastStart = piece.start;
    this.spans.push(piece);
  }
}

/**
 * The paragraphs in the order the parts give them, with their index and pieces made as each is
 * frozen, while it is at hand: on a 10 MB draft, passes over the finished paragraphs (to list them,
 * index them and gather their pieces) read each again after it had left the processor's caches.
 */
class KeptParagraphs {
  readonly paragraphs: Paragraph[] = emptyList();
  readonly index = new ParagraphIndexer(emptyList());
  readonly pieces = new PieceList();

  /** `paragraph`, also into the part's list of its kind. */
  add(paragraph: Paragraph, preambular: Paragraph[], operative: Paragraph[]): void {
    this.paragraphs.push(paragraph);
    if (paragraph.kind === 'preambular') preambular.push(paragraph);
    else if (paragraph.kind === 'operative') operative.push(paragraph);
    this.index.add(paragraph.span);
    this.pieces.addParagraph(paragraph);
  }
}

/** A block's span searched for footnote calls where a bare number is one only if its text exists. */
class DefinedOnlySpan implements SearchSpan {
  readonly bareCalls = 'defined-only';
  constructor(readonly start: number, readonly end: number) {}
}

/** A footnote text being read, line by line, until it is flushed as a `FootnoteText`. */
class PendingFootnote {
  constructor(
    readonly label: Span,
    readonly number: number,
    readonly bodyStart: number,
    public bodyEnd: number,
    readonly start: number,
    readonly style: FootnoteTextStyle,
    readonly indent: number,
    readonly placement: FootnoteText['placement'],
  ) {}
}

/**
 * Whether text[start, end), white space trimmed, is one of `articles` ("The"), or is empty where the
 * language has none: compared in place, as `text.slice(start, end).trim() === article.trim()` would.
 */
function isArticleOf(articles: readonly string[], text: string, start: number, end: number): boolean {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (start === end) return articles.length === 0;
  for (const article of articles) {
    const trimmed = article.trim();
    // As written, or in capitals with the organ ("THE GENERAL ASSEMBLY,"); never in lower case, which a
    // wrapped line of a sentence is ("… to report to\nthe General Assembly,").
    if (trimmed.length === end - start && (text.startsWith(trimmed, start) || text.startsWith(trimmed.toUpperCase(), start))) return true;
  }
  return false;
}

/** "A", "B.", "II": a section marker alone on its line (a scan may read "C" as "c"). */
const sectionMarkerPattern = /^(?:[IVXLC]{1,6}|[A-Za-z])\.?$/;
/**
 * Every organ's name, by its last UTF-16 unit, and by that unit without its accent ("sécurité" by "é"
 * and "e"), each in capitals too ("THE GENERAL ASSEMBLY,", as Model UN drafts write it).
 */
const organsByLastCode = new Map<number, string[]>();
for (const organ of languageConventions.flatMap((conventions) => conventions.organs)) {
  const last = organ.charAt(organ.length - 1);
  const bare = withoutDiacritics(last);
  const codes = new Set([last, bare, last.toUpperCase(), bare.toUpperCase()].filter((unit) => unit.length === 1).map((unit) => unit.charCodeAt(0)));
  for (const code of codes) organsByLastCode.set(code, [...(organsByLastCode.get(code) ?? []), organ]);
}

const noOrgans: readonly string[] = [];
/**
 * The UTF-16 units a chapeau line can start with: an article's first ("The", "L'"), an organ's where
 * its language has no article, and "T" of the generic "The …,". Asked first of every line: most lines
 * of a draft (wrapped lines of paragraphs) start with a lower-case word and are out at once.
 */
const chapeauFirstCodes = new UnitSet([
  84 /* T */,
  ...languageConventions.flatMap((conventions) => {
    const articles = conventions.articles.map((article) => article.trim());
    // Where the article may be none, the organ's name opens the line.
    const starts = articles.length === 0 || articles.includes('') ? [...articles, ...conventions.organs] : articles;
    return starts.filter((start) => start !== '').map((start) => start.charCodeAt(0));
  }),
]);
/**
 * The UTF-16 units an annex heading can start with: its annex word's first ("Annex", "Приложение").
 * Asked of every chunk's first line before the pattern runs: most open otherwise and are out at once.
 */
const annexFirstCodes = new UnitSet(languageConventions.flatMap((conventions) => conventions.annexWords).map((word) => word.charCodeAt(0)));

/**
 * `annexHeadingPattern.test(content)`, run only on a line whose first unit may open one (the pattern
 * opens with an annex word, case and all); or its words inside Markdown decoration ("**Annex**",
 * "# Annex I"); or the word with the annex's title after a colon ("Annex: Declaration on …").
 */
function isAnnexHeading(content: string): boolean {
  const first = content.charCodeAt(0);
  if (isMarkdownDecorationCode(first)) {
    const words = wordsInsideDecoration(content);
    return words.start > 0 && isAnnexHeading(content.slice(words.start, words.end));
  }
  return annexFirstCodes.has(first) && (annexHeadingPattern.test(content) || annexColonTitlePattern.test(content));
}

/**
 * How many units an opening quotation mark takes at `start` with the space after it (« with its no-break
 * space, as French sets it): “ « „ or a straight double quote followed by a letter or a digit. 0 if none.
 */
function openingQuoteLength(text: string, start: number, end: number): number {
  const code = text.charCodeAt(start);
  if (!isOpeningQuoteCode(code)) return 0;
  let after = start + 1;
  while (after < end && after - start <= 2 && isSpaceCode(text.charCodeAt(after))) after++;
  return after < end && /[\p{L}\d]/u.test(text.charAt(after)) ? after - start : 0;
}

/**
 * Whether text[start, end) is a label over a part of the draft, as Model UN templates print one:
 * "Preambular clauses:", "**Operative Clauses**", « Paragraphes du dispositif : ». Short lines only.
 */
function isPartLabel(text: string, start: number, end: number): boolean {
  if (end - start > 60 || end - start < 6) return false;
  // Asked of most lines of a draft without blank lines: out at once unless its first letter past any
  // Markdown ("# ", "**") may open a label ("Operative …", « Paragraphes … »), before a copy is made.
  let first = start;
  for (let code = text.charCodeAt(first); first < end && (isMarkdownDecorationCode(code) || code === 32); code = text.charCodeAt(first)) first++;
  if (!partLabelOpenings.has(text.charCodeAt(first))) return false;
  const content = text.slice(start, end);
  const words = wordsInsideDecoration(content);
  // The label's words without a final colon, emphasis markers and spaces ("Operative clauses:**", "Préambule :").
  let wordsEnd = words.end;
  for (let code = content.charCodeAt(wordsEnd - 1); wordsEnd > words.start && (code === 58 || code === 42 || code === 95 || isSpaceCode(code)); code = content.charCodeAt(wordsEnd - 1)) wordsEnd--;
  return partLabelPattern.test(content.slice(words.start, wordsEnd).trim());
}

/** The units a part's label can open with, its Markdown passed ("O" of "Operative clauses"). */
const partLabelOpenings = OpeningUnits.of(partLabelPattern);

/** "Annex: Declaration on Future Generations", "Annex II: Programme of action": the title after a colon. */
const annexColonTitlePattern = new RegExp(
  `^(?:${languageConventions.flatMap((conventions) => conventions.annexWords).map(escapeForPattern).join('|')})(?: [IVXLC]{1,6}| [A-Z]| \\d{1,2})?[ \\u00A0]?:[ \\u00A0]+[\\p{Lu}\\d][^;]{0,200}$`,
  'u',
);
/** The units a closing line can open with: a digit, "A" or "a" in the lexicon's languages written in Latin letters. */
const closingOpenings = OpeningUnits.of(closingLinePattern);

/**
 * `closingLinePattern.test(text.slice(start, end))`, with the text sliced only where its first unit
 * may open a closing line: asked of every chunk's first line, most of which open otherwise.
 */
function opensAsClosingLine(text: string, start: number, end: number): boolean {
  return closingOpenings.has(text.charCodeAt(start)) && closingLinePattern.test(text.slice(start, end));
}
/**
 * Whether text[start, end) ends as a paragraph does, with a comma, semicolon, full stop (or ! ?), past
 * white space and footnote calls: not open (`endsOpenIn`), and not with a colon, whose list or
 * quotation follows. Read in place where the last unit decides (most lines).
 */
function endsParagraph(text: string, start: number, end: number): boolean {
  let last = end;
  while (last > start && isSpaceCode(text.charCodeAt(last - 1))) last--;
  const lastCode = last > start ? text.charCodeAt(last - 1) : Number.NaN;
  if (lastCode === 44 || lastCode === 59 || lastCode === 46 || lastCode === 33 || lastCode === 63) return true;
  if (lastCode === 58 || (lastCode >= 97 && lastCode <= 122) || (lastCode >= 65 && lastCode <= 90)) return false;
  if (endsOpenIn(text, start, end)) return false;
  // Closed past a footnote call ("…by:4"): the mark before the call decides.
  const content = text.slice(start, last);
  return !content.slice(0, content.length - trailingCallLength(content)).trimEnd().endsWith(':');
}

/**
 * The length of the footnote call that ends a chapeau line ("The General Assembly,[^1]", "…Assembly,¹"),
 * or 0: a bracket call or superscript digits, not bare digits ("The Security Council 1" is no chapeau).
 * Read by code, not as text-ends' `trailingCallLength` reads a string: asked of every line the chapeau
 * search meets, most of which end otherwise and are out at once, with no slice made.
 */
function chapeauCallLength(text: string, start: number, end: number): number {
  const last = text.charCodeAt(end - 1);
  if (isSuperscriptDigitCode(last)) {
    let at = end - 1;
    while (at > start && isSuperscriptDigitCode(text.charCodeAt(at - 1))) at--;
    return end - at;
  }
  if (last !== 93 /* ] */) return 0;
  let at = end - 2;
  while (at > start && end - 2 - at < 4 && isDigitCode(text.charCodeAt(at))) at--;
  return at < end - 2 && text.charCodeAt(at) === 94 /* ^ */ && text.charCodeAt(at - 1) === 91 /* [ */ ? end - at + 1 : 0;
}

/**
 * Whether an annex paragraph's number opens text at `offset`: "3." up to 999 (a year ending a sentence,
 * "2005.", is none), its words capitalised on the line or the next ("3. We gather", "3.\nWe gather").
 */
export function opensAnnexParagraphAt(text: string, offset: number): boolean {
  let dot = offset;
  while (dot - offset < 4 && isDigitCode(text.charCodeAt(dot))) dot++;
  if (dot - offset > 3 || plainDotNumberValue(text, offset) < 0) return false;
  let words = dot + 1;
  while (words < text.length && isSpaceCode(text.charCodeAt(words))) words++;
  return isCapitalAt(text, words);
}

/** How much of a draft without a chapeau its common words are counted in, for its language: a page or two. */
const commonWordsReach = 6000;

/** A section's marker, alone or before its title: "I.", "II. Implementation …", "B. Follow-up". */
export const sectionMarkerStart = /^(?:[IVXLC]{1,6}|[A-Z])\.(?:[ \t\u00A0]+\p{Lu}|\s*$)/u;

/** Whether text[start, end) ends with a comma, semicolon or colon (past white space): a sentence or list going on. */
function endsWithListMark(text: string, start: number, end: number): boolean {
  let at = end;
  while (at > start && isSpaceCode(text.charCodeAt(at - 1))) at--;
  const last = text.charCodeAt(at - 1);
  return last === 44 || last === 59 || last === 58;
}

/** What `annexesAt` gives for an offset in no annex (typed read-only; never changed). */
const inNoAnnex: readonly number[] = [];
const numberWordsByLexicon = new WeakMap<Lexicon, NumberWords>();
/**
 * A paragraph's sub-paragraphs and open ones while it is read, until it has one (most never do): one
 * list for all, frozen so that a push onto it fails (addSub gives the paragraph lists of its own first).
 * On a long draft, two empty lists a paragraph alive to the end of the classification were 2 MB in 10.
 */
const noOpenSubs: MutableSub[] = Object.freeze([]) as unknown as MutableSub[];

/**
 * "The Security Council", "Le Conseil de sécurité", "L'Assemblée générale": every organ with its
 * article, by its first UTF-16 unit, in the languages' order, built once (readSubject is asked at
 * every paragraph start of a draft without a chapeau).
 */
const subjectPhrasesByFirstCode = new Map<number, { readonly phrase: string; readonly language: string }[]>();
for (const candidate of languageConventions) {
  for (const article of candidate.articles) {
    for (const organ of candidate.organs) {
      const phrase = withArticle(article, organ);
      const first = phrase.charCodeAt(0);
      subjectPhrasesByFirstCode.set(first, [...(subjectPhrasesByFirstCode.get(first) ?? []), { phrase, language: candidate.language }]);
    }
  }
}
const noSubjectPhrases: readonly { readonly phrase: string; readonly language: string }[] = [];
const letterPattern = /\p{L}/uy;
const lowerCaseLetterPattern = /\p{Ll}/uy;

/** Whether a lower-case letter starts at `offset`: /^\p{Ll}/u on the text from there, with no slice. */
function isLowerCaseLetterAt(text: string, offset: number): boolean {
  // An ASCII unit is a whole character, a lower-case letter only if a–z: answered without the pattern's call.
  const code = text.charCodeAt(offset);
  if (code < 128) return code >= 97 && code <= 122;
  lowerCaseLetterPattern.lastIndex = offset;
  return lowerCaseLetterPattern.test(text);
}

/** Whether a letter starts at `offset` (a whole code point: "𝐀" is one). */
function isLetterAt(text: string, offset: number): boolean {
  letterPattern.lastIndex = offset;
  return letterPattern.test(text);
}

/** Whether text[start, end) ends with an organ's name. */
function endsWithOrgan(text: string, start: number, end: number): boolean {
  for (const organ of organsByLastCode.get(text.charCodeAt(end - 1)) ?? noOrgans) {
    if (end - organ.length >= start && spellsOrgan(text, end - organ.length, organ)) return true;
  }
  return false;
}

/**
 * Whether the text at `at` is `organ`, or the organ with a letter in the wrong case ("General assembly",
 * "Assemblée Générale") or without its accent (« Assemblee generale », typed on a keyboard without
 * them): a chapeau all the same, whose spelling the chapeau rule asks to mend.
 */
function spellsOrgan(text: string, at: number, organ: string): boolean {
  if (text.startsWith(organ, at)) return true;
  if (at < 0 || at + organ.length > text.length) return false;
  // Unit by unit, with no copy: asked of every short line that ends as an organ's name does.
  for (let index = 0; index < organ.length; index++) {
    const written = text.charCodeAt(at + index);
    const expected = organ.charCodeAt(index);
    if (written === expected) continue;
    if (written < 128 && expected < 128) {
      if ((written | 0x20) !== (expected | 0x20) || !isAsciiLetterCode(written)) return false;
    } else if (!sameLetterBarCaseAndAccent(written, expected)) return false;
  }
  return true;
}

/** How a footnote text ends when its page held all of it: a full stop, perhaps inside a parenthesis or quotation. */
const footnoteTextEnded = /[.!?][)\]"”’]?$/;

/** Whether the unit `written` is the letter `expected` (not ASCII) in another case, or without its accent. */
function sameLetterBarCaseAndAccent(written: number, expected: number): boolean {
  const writtenLower = String.fromCharCode(written).toLowerCase();
  const expectedLower = String.fromCharCode(expected).toLowerCase();
  return writtenLower === expectedLower || (written < 128 && writtenLower === withoutDiacritics(expectedLower));
}

/** Whether `number` is off the series of a page's footnote block that `last` leads: no lower than it, at most two above (a copy may lose one). */
function outOfBlockSeries(number: number, last: number): boolean {
  return number <= last - 1 || number > last + 2;
}

function isAsciiLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * A cheap first test for a chapeau line, text[start, end): it ends with an organ's name (perhaps and
 * a comma or full stop), or with a comma. Read in the text itself, with no copy of the line.
 */
function hasChapeauEnding(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  if (last === 44 /* , */) return true;
  if (endsWithOrgan(text, start, end)) return true;
  // . , ، ， and ; : where the comma belongs, after a space too (« L'Assemblée générale : », as French spaces its colon)
  if (!(last === 46 || last === 0x60c || last === 0xff0c || last === 59 || last === 58)) return false;
  let organEnd = end - 1;
  while (organEnd > start && isSpaceCode(text.charCodeAt(organEnd - 1))) organEnd--;
  return endsWithOrgan(text, start, organEnd);
}
/** The first units of the articles of the languages whose bodies' chapeaus are read by their nouns (`genericOrganNouns`). */
const genericArticleFirstCodes = new Set(languageConventions.flatMap((conventions) => (conventions.genericOrganNouns ? conventions.articles.map((article) => article.charCodeAt(0)) : [])));
// "The Special Political and Decolonization Committee (Fourth Committee),": a name may end with another in brackets.
const genericEnglishChapeau = /^The ((?:[A-Z][\p{L}'’-]*)(?: (?:[A-Z][\p{L}'’-]*|of|and|on|for|the|in|to|against))*(?: \([A-Z][\p{L}'’-]*(?: (?:[A-Z][\p{L}'’-]*|of|and|on|for|the|in|to|against))*\))?) ?(,)?$/u;
/**
 * Whether `content` is a date alone, as the language writes it ("18 December 2026"): the adoption date
 * under a closing line, with a blank line between them (as a draft typed in a word processor has it),
 * is no footnote 18 of the kind a yearbook prints there ("18 Official Records …"). Asked only of a line
 * that opens with a number under the closing block.
 */
function isWrittenDate(content: string, language: string): boolean {
  let pattern = writtenDatePatterns.get(language);
  if (pattern === undefined) {
    const style = styleFor(language);
    // « 18 de diciembre de 2026 »: the words the style writes between the parts, where it writes any.
    const joints = style && dateJointsOf(style);
    const joint = (word: string): string => (word === '' ? ' ' : ` ${escapeForPattern(word)} `);
    pattern = style && joints ? new RegExp(`^\\d{1,2}${firstDayLettersPattern(style)}${joint(joints.dayMonth)}${alternation(style.months)}${joint(joints.monthYear)}\\d{4}\\.?$`, 'u') : null;
    writtenDatePatterns.set(language, pattern);
  }
  return pattern !== null && pattern.test(content);
}
const writtenDatePatterns = new Map<string, RegExp | null>();
/** The most lines a page's running title wraps over: A/RES/80/2's takes two. */
const maxRunningTitleLines = 3;

/** A text's running title, and the units its words begin and end with (worked out when first asked). */
interface RunningTitle {
  readonly fromLine: number;
  readonly title: string;
  edges: Int32Array | undefined;
}

/**
 * The pairs of units the words of `title` begin and end with (a pair with the space beside a one-letter
 * word): where a title, or a piece of it wrapped at a space, can begin and end. Kept as bits of two
 * small tables, the initials' and then the finals', in one array (one allocation a title, not three):
 * asked at every line of a text with a title, a search of the lists cost more than the rest.
 */
function wordEdgesOf(title: string): Int32Array {
  const edges = new Int32Array(2 * edgeTableWords);
  for (let at = 0; at < title.length; at++) {
    if (title.charCodeAt(at) === 32) continue;
    if (at === 0 || title.charCodeAt(at - 1) === 32) setEdge(edges, initialEdges, edgePair(title.charCodeAt(at), title.charCodeAt(at + 1)));
    if (at === title.length - 1 || title.charCodeAt(at + 1) === 32) setEdge(edges, finalEdges, edgePair(title.charCodeAt(at - 1), title.charCodeAt(at)));
  }
  return edges;
}

/** A table of 512 bits: a line may match only where its pair's bit is set (two pairs may share one). */
const edgeTableWords = 16;
/** Where the initials' and the finals' tables start in a title's edges. */
const initialEdges = 0;
const finalEdges = edgeTableWords;

function edgeBit(pair: number): number {
  return (pair ^ (pair >>> 9) ^ (pair >>> 18)) & 511;
}

function setEdge(edges: Int32Array, table: number, pair: number): void {
  const bit = edgeBit(pair);
  const word = table + (bit >> 5);
  edges[word] = (edges[word] as number) | (1 << (bit & 31));
}

function hasEdge(edges: Int32Array, table: number, pair: number): boolean {
  const bit = edgeBit(pair);
  return ((edges[table + (bit >> 5)] as number) & (1 << (bit & 31))) !== 0;
}

/** Two units as one number, white space of any kind read as a space (a line is compared with its title single-spaced). */
function edgePair(first: number, second: number): number {
  return (isSpaceCode(first) ? 32 : first || 0) * 0x10000 + (isSpaceCode(second) ? 32 : second || 0);
}

/**
 * `text` with each run of white space one space. The pattern matches only the runs that are not one
 * space already (one that is not a space, or two and more): `/\s+/g` matched every gap between words,
 * and its ~3,000 matches, each replaced by the space it was, were most of the folding's cost (the
 * corpus's 98 multi-line footnote bodies: 0.21 → 0.09 ms). A text with no such run matches nowhere and
 * comes back as it is, not copied: a one-line footnote (most of a copy of a PDF's) is its own folded form.
 */
function singleSpaced(text: string): string {
  return text.replace(foldableWhiteSpacePattern, ' ');
}
const foldableWhiteSpacePattern = /[^\S ]\s*| \s+/g;

/**
 * `nodes` sorted in place by where their spans start, and returned. Not sorted again where they already
 * are, as a parse's blocks and footnote texts nearly always are: the sort calls its comparator at each
 * step even then, and the loop below compares in place. (The sort is stable, so sorted input is left
 * as it is either way.)
 */
function sortBySpanStart<T extends { readonly span: Span }>(nodes: T[]): T[] {
  for (let index = 1; index < nodes.length; index++) {
    if ((nodes[index] as T).span.start < (nodes[index - 1] as T).span.start) return nodes.sort((a, b) => a.span.start - b.span.start);
  }
  return nodes;
}

/** "A", "B.", "II": a section marker alone on its line (at most seven characters: see sectionMarkerPattern). */
function isSectionMarker(content: string): boolean {
  return content.length <= 7 && sectionMarkerPattern.test(content);
}
const headerTitlePattern = /^\d{1,3}\/\d{1,4}\.[ \t\u00A0]+(\S.*)$/;
/** How many lines above a later text's chapeau its header's title may stand (symbol, session, agenda item, adoption, title). */
const laterTitleReach = 30;
const terminalPunctuation = /[,;:.!?]$/;
/**
 * How long a heading between paragraphs may be: a section of an omnibus text is headed by an agenda
 * item's title ("Implementation of the outcome of the World Summit for Social Development and of the
 * twenty-fourth special session of the General Assembly", 137 units, 22 words).
 */
const headingMostUnits = 200;
const headingMostWords = 32;
/** A heading whose first word is an opener's ("Review of the fund") is short: a longer such line is a paragraph that lost its mark. */
const headingWithOpenerMostWords = 8;
/** The numeral after each that may be read as a letter ("(i)" after "(h)"): what the next label must be for it to be a numeral. */
const romanAfter: ReadonlyMap<string, string> = new Map([['i', 'ii'], ['v', 'vi'], ['x', 'xi']]);

export function endsOpen(content: string): boolean {
  return endsOpenIn(content, 0, content.length);
}

/** Sticky: a word and the space after it, as a misspelt opener opens a line ("Reafirming its …"). */
const misspeltOpenerWord = /[\p{L}\p{M}]+(?=[ \u00A0])/uy;

/** Whether the text before `end` is `ending` (lower case ASCII) in either case. */
function endsWithIgnoringCase(text: string, end: number, ending: string): boolean {
  if (end < ending.length) return false;
  for (let index = 0; index < ending.length; index++) {
    const code = text.charCodeAt(end - ending.length + index);
    if ((code >= 65 && code <= 90 ? code | 0x20 : code) !== ending.charCodeAt(index)) return false;
  }
  return true;
}

/** `endsOpen` of text[start, end), read in place where its last unit decides (most lines): no slice. */
function endsOpenIn(text: string, start: number, end: number): boolean {
  const lastCode = end > start ? text.charCodeAt(end - 1) : Number.NaN;
  // The common cases without a regular expression: a letter ends open, a mark ends closed.
  if (lastCode === 44 || lastCode === 59 || lastCode === 58 || lastCode === 46 || lastCode === 33 || lastCode === 63) return false;
  if ((lastCode >= 97 && lastCode <= 122) || (lastCode >= 65 && lastCode <= 90)) return true;
  const content = start === 0 && end === text.length ? text : text.slice(start, end);
  let trimmed = content.trimEnd();
  const callLength = trailingCallLength(trimmed);
  const beforeCall = trimmed.slice(0, trimmed.length - callLength).trimEnd();
  if (callLength > 0 && terminalPunctuation.test(beforeCall)) trimmed = beforeCall;
  // A quotation that ends with its sentence ("…shall not apply to supplies;\"") ends closed too.
  if (closingQuotes.includes(trimmed.charAt(trimmed.length - 1)) && terminalPunctuation.test(trimmed.slice(0, -1))) return false;
  return !terminalPunctuation.test(trimmed);
}
const closingQuotes = '"”’»\'';
const openingQuotes = '"“‘«\'';

class Parser {
  private readonly lines: LineTable;
  private readonly blocks: Block[] = [];
  /** The footnote calls that end chapeau lines, searched with the text's other calls. */
  private readonly chapeauCalls: Span[] = [];
  private readonly footnoteTexts: FootnoteText[] = [];
  private readonly chunks: ChunkTable;
  private readonly chapeaus: Chapeau[] = [];
  private readonly annexes: { heading: Span; start: number; end: number }[] = [];
  /** Whether the annexes stand in text order, apart (see annexesAreApart). */
  private annexesApart: boolean | undefined;
  private language = 'unknown';
  private lexicon: Lexicon | undefined;
  private title: string | undefined;
  /**
   * The running titles of the texts of the file, each from the line of its header on: a second
   * resolution pasted after a first has pages headed by its own title ("Scale of assessments …").
   */
  private readonly laterTitles: RunningTitle[] = [];
  /** The first text's running title (`title`), as an entry of `laterTitles` is. */
  private firstTitle: RunningTitle | undefined;
  /** Which of `laterTitles` was in force at the line asked last (-1: the first text's): the walk asks in line order. */
  private titleCursor = -1;
  private sawFootnoteSeparator = false;
  /** Read from the header and the adoption line before paragraphs are classified (see isFromScan). */
  private scanned = false;
  private readonly displaced: Span[] = [];
  private sawPageFurniture = false;
  /** The lines the walk read as a document symbol on a page ("A/RES/80/6"), where a running title may stand beside. */
  private readonly symbolLines: number[] = [];

  constructor(
    private readonly text: string,
    private readonly options: ParseOptions,
    /** The running title learnt by a first reading of a text with no header title (`runningTitleToLearn`). */
    private readonly learntRunningTitle?: string,
  ) {
    this.lines = options.searches?.lineTable(text) ?? new LineTable(text);
    this.chunks = new ChunkTable(this.lines.count);
  }

  /**
   * A draft with no chapeau to tell its language: the language whose lexicon knows the most of the
   * capitalised words that open its first lines (« Rappelant », « 1. Prie »), two at least, English
   * where none knows more than English's. Read as English, a French draft's « Decide » was "fixed" to
   * "Decides"; a piece of English whose one wrapped line opens with "encourage" stays English. Its
   * common words decide first where they are clear: a piece of an English declaration whose items
   * open "Invite …" (a French opener) is English.
   */
  private languageWithoutChapeau(): string {
    const byWords = languageOfWords(this.text.slice(0, commonWordsReach));
    if (byWords && lexiconLanguages.includes(byWords)) return byWords;
    const hits = new Map<string, number>();
    const lines = Math.min(this.lines.count, 400);
    for (let index = 0; index < lines; index++) {
      const start = this.lines.contentStart(index);
      const opening = /^(?:\d{1,3}[.)][ \t]+)?[*_]{0,2}(\p{Lu}[\p{L}'’-]*)/u.exec(this.text.slice(start, Math.min(start + 40, this.lines.contentEnd(index))));
      const word = opening?.[1]?.toLowerCase().replace(/’/g, "'");
      if (!word) continue;
      for (const language of lexiconLanguages) {
        const form = lexiconFor(language)?.byForm.get(word);
        if (form && form.kind !== 'other') hits.set(language, (hits.get(language) ?? 0) + 1);
      }
    }
    let best = 'en';
    for (const [language, count] of hits) if (count >= 2 && count > (hits.get(best) ?? 0)) best = language;
    return best;
  }

  run(): Draft {
    const chapeauLines = this.findChapeaus();
    const firstChapeau = chapeauLines[0];
    const chosen = this.options.language && this.options.language !== 'auto' ? this.options.language : undefined;
    this.language = chosen ?? firstChapeau?.match.language ?? this.languageWithoutChapeau();
    this.lexicon = lexiconFor(this.language, this.options.extraOpeners);
    this.title = this.findTitle(0, firstChapeau?.index ?? this.lines.count)?.title;
    const runningTitle = this.title ?? this.learntRunningTitle;
    this.firstTitle = runningTitle === undefined ? undefined : { fromLine: 0, title: runningTitle, edges: undefined };
    // The header of each later text stands in the few lines above its chapeau: its title is the nearest.
    for (let chapeau = 1; chapeau < chapeauLines.length; chapeau++) {
      const at = (chapeauLines[chapeau] as (typeof chapeauLines)[number]).index;
      const from = Math.max((chapeauLines[chapeau - 1] as (typeof chapeauLines)[number]).index + 1, at - laterTitleReach);
      for (let line = at - 1; line >= from; line--) {
        // A title line opens with its number ("80/5."): most lines are passed without their content.
        if (!isDigitCode(this.text.charCodeAt(this.lines.contentStart(line))) || !headerTitlePattern.test(this.lines.content(line))) continue;
        const found = this.findTitle(line, at);
        if (found) this.laterTitles.push({ fromLine: found.line, title: found.title, edges: undefined });
        break;
      }
    }

    const bodyStart = firstChapeau?.index ?? this.findBodyStartWithoutChapeau();
    this.walk(bodyStart, chapeauLines);
    this.scanned = this.isFromScan();
    const { parts, paragraphs, annexParagraphs, paragraphIndex, pieces } = this.classify();
    const byAnnex = this.annexes.map((): { span: Span; number: NumberLabel }[] => []);
    for (const item of annexParagraphs) {
      for (const index of this.annexesAt(item.span.start)) byAnnex[index]?.push(item);
    }
    const annexes: Annex[] = this.annexes.map((annex, index) => ({
      heading: annex.heading,
      span: { start: annex.start, end: annex.end },
      numberedParagraphs: byAnnex[index] ?? [],
    }));
    sortBySpanStart(this.blocks);
    let footnoteTexts: readonly FootnoteText[] = sortBySpanStart(this.footnoteTexts);
    // The pieces of every paragraph and sub-paragraph, in text order: read by both searches below.
    const searchable = this.searchableSpansWithChapeauCalls(pieces);
    const form = this.sawFootnoteSeparator || this.sawPageFurniture ? 'pdf' : 'canonical';
    let digitRuns: Int32Array | undefined;
    let footnoteCalls = findFootnoteCalls(
      this.text,
      searchable,
      footnoteTexts,
      // Bare digits are read as calls only where footnote texts exist to match them against.
      footnoteTexts.length > 0,
      this.numberWords(),
      this.options.searches?.footnoteMarks(this.text),
      (runs) => {
        digitRuns = runs;
      },
      footnoteSeriesStarts(this.chapeaus.map((chapeau) => chapeau.span.start), footnoteTexts),
    );
    const named = numberNamedFootnotes(this.text, footnoteTexts, footnoteCalls);
    if (named) ({ texts: footnoteTexts, calls: footnoteCalls } = named);
    const usesBareCalls = footnoteCalls.some((call) => call.style === 'bare');
    const searches = this.options.searches;
    const draft: Draft = {
      text: this.text,
      fromScan: this.scanned,
      form: form === 'pdf' || (usesBareCalls && footnoteTexts.every((footnote) => footnote.style === 'bare')) ? 'pdf' : 'canonical',
      language: this.language,
      parts,
      paragraphs,
      footnoteCalls,
      footnoteTexts,
      // An annex names the resolution's paragraphs too ("established under paragraph 3 of the present resolution").
      crossReferences: findCrossReferences(this.text, pieces, this.lexicon, searches && ((word) => searches.placesOf(this.text, word)), annexes.length > 0 ? annexes.map((annex) => annex.span) : undefined),
      blocks: this.blocks,
      annexes,
      displacedText: this.displaced,
      ...(this.title ? { title: this.title } : {}),
    };
    // Met looking for bare calls: the paragraphs' runs of prose read their digits off them (prose.ts).
    if (digitRuns) keepTextDigitRuns(draft, digitRuns);
    keepParagraphIndex(draft, paragraphIndex);
    return draft;
  }

  /** The lexicon's words that take a number, for telling a footnote call from a count or a reference. */
  private numberWords(): NumberWords {
    const lexicon = this.lexicon ?? lexiconFor('en');
    if (!lexicon) return { numberedNouns: new Set(), counts: new Set(), months: new Set() };
    // Made once per lexicon, not at every parse (a keystroke's, a file's of many).
    let words = numberWordsByLexicon.get(lexicon);
    if (!words) {
      words = { numberedNouns: new Set(lexicon.numberedNouns), counts: new Set(lexicon.wordsBeforeCounts), months: new Set(styleFor(lexicon.language)?.months) };
      numberWordsByLexicon.set(lexicon, words);
    }
    return words;
  }

  /**
   * Whether the text came through OCR from a printed record: its heading dates it before 1999
   * ("Resolution 687 (1991)", "82 (1950). Resolution of …"), or its adoption line names a meeting
   * before the 4000th (held in 1999).
   */
  private isFromScan(): boolean {
    const candidates: { kind: 'header' | 'closing'; span: Span }[] = [];
    for (const block of this.blocks) if (block.kind === 'header') candidates.push({ kind: 'header', span: block.span });
    // The closing block is not classified yet: any chunk that opens like one is looked at.
    for (let chunk = 0; chunk < this.chunks.count; chunk++) {
      if (this.chunks.opensLikeClosing(chunk)) candidates.push({ kind: 'closing', span: this.chunkSpan(chunk) });
    }
    for (const block of candidates) {
      const blockText = this.text.slice(block.span.start, block.span.end);
      const year = block.kind === 'header' ? /\b\d{1,4} \((19\d\d)\)/.exec(blockText)?.[1] : undefined;
      if (year && Number(year) < 1999) return true;
      // OCR reads digits as letters too ("7I5e séance"): a misread number still marks a scan.
      const meeting = adoptionMeetingNumber(blockText);
      if (meeting && (!/^\d+$/.test(meeting) || Number(meeting) < 4000)) return true;
    }
    return false;
  }

  // ---- pass 1: regions -------------------------------------------------------------------

  /**
   * The chapeau that the line with content text[contentStart, contentEnd) is, if any. Read in the text
   * itself, with no line object and no copy of the line: it is asked of every short line ending in a
   * comma or an organ's name, and a copy of a PDF has thousands.
   */
  private matchChapeau(contentStart: number, lineEnd: number): ChapeauMatch | undefined {
    const text = this.text;
    // A footnote call after the chapeau ("The General Assembly,[^1]") is the chapeau's note, not its words.
    // (Asked only of a line that ends with "]" or a unit from "²" up: most end otherwise.)
    const lastCode = text.charCodeAt(lineEnd - 1);
    const callAfter = lastCode === 93 /* ] */ || lastCode >= 0xb2 ? chapeauCallLength(text, contentStart, lineEnd) : 0;
    let contentEnd = lineEnd - callAfter;
    while (callAfter > 0 && contentEnd > contentStart && isSpaceCode(text.charCodeAt(contentEnd - 1))) contentEnd--;
    const length = contentEnd - contentStart;
    if (length > 120 || length < 3 || !chapeauFirstCodes.has(text.charCodeAt(contentStart)) || !hasChapeauEnding(text, contentStart, contentEnd)) return undefined;
    for (const candidate of languageConventions) {
      const commaStart = contentEnd - candidate.comma.length;
      const written = commaStart >= contentStart && text.startsWith(candidate.comma, commaStart) ? candidate.comma : '';
      // The comma doubled ("The General Assembly,,") or set off by a space ("The General Assembly ,") is
      // the chapeau's comma mistyped: read as the mark written for it, which the chapeau rule mends.
      const doubled = written && text.startsWith(written, commaStart - written.length) ? written.length : 0;
      const spaced = written && !doubled && commaStart > contentStart && isSpaceCode(text.charCodeAt(commaStart - 1)) ? written.length : 0;
      const comma = doubled || spaced ? '' : written;
      // A full stop, semicolon or colon where the comma belongs (a slip, or a scan's misreading) still ends a chapeau line.
      const lastCode = text.charCodeAt(contentEnd - 1);
      const stop = doubled ? 2 * doubled : spaced || (!comma && (lastCode === 46 /* . */ || lastCode === 59 /* ; */ || lastCode === 58 /* : */) ? 1 : 0);
      // Where the text before the comma ends, white space trimmed, and a footnote call before the comma
      // ("L'Assemblée générale[^1],", as French writes it) left out.
      let withoutCommaEnd = contentEnd - comma.length - stop;
      while (withoutCommaEnd > contentStart && isSpaceCode(text.charCodeAt(withoutCommaEnd - 1))) withoutCommaEnd--;
      const callBeforeMark = comma.length + stop > 0 ? chapeauCallLength(text, contentStart, withoutCommaEnd) : 0;
      const callBeforeMarkEnd = withoutCommaEnd;
      if (callBeforeMark > 0) {
        withoutCommaEnd -= callBeforeMark;
        while (withoutCommaEnd > contentStart && isSpaceCode(text.charCodeAt(withoutCommaEnd - 1))) withoutCommaEnd--;
      }
      if (withoutCommaEnd === contentStart || !organsByLastCode.has(text.charCodeAt(withoutCommaEnd - 1))) continue;
      for (const organ of candidate.organs) {
        const organStart = withoutCommaEnd - organ.length;
        if (organStart < contentStart || !spellsOrgan(text, organStart, organ)) continue;
        // "Security Council" alone may be a wrapped line of a sentence; "The Security Council" is a chapeau.
        if (!isArticleOf(candidate.articles, text, contentStart, organStart)) continue;
        return new ChapeauMatch(
          candidate.language,
          organ,
          new SpanNode(organStart, organStart + organ.length),
          comma ? new SpanNode(contentEnd - comma.length, contentEnd) : undefined,
          stop ? new SpanNode(contentEnd - stop, contentEnd) : undefined,
          false,
          undefined,
          callAfter > 0 ? new SpanNode(lineEnd - callAfter, lineEnd) : callBeforeMark > 0 ? new SpanNode(callBeforeMarkEnd - callBeforeMark, callBeforeMarkEnd) : undefined,
        );
      }
    }
    // The generic pattern opens with "The ": most lines are out without running it.
    const generic = text.startsWith('The ', contentStart) ? genericEnglishChapeau.exec(text.slice(contentStart, contentEnd)) : null;
    if (generic?.[2] && generic[1] && generic[1].split(' ').length <= 10) {
      const organ = generic[1];
      const organStart = contentStart + 4;
      return new ChapeauMatch('en', organ, new SpanNode(organStart, organStart + organ.length), new SpanNode(contentEnd - 1, contentEnd), undefined, true, undefined,
        callAfter > 0 ? new SpanNode(lineEnd - callAfter, lineEnd) : undefined);
    }
    // Another body's chapeau in a language that capitalises its first word only: its article and a
    // body's noun, with its comma (« La Commission de la condition de la femme, »).
    return text.charCodeAt(contentEnd - 1) === 44 /* , */ ? this.matchGenericChapeau(contentStart, contentEnd - 1, callAfter > 0 ? new SpanNode(lineEnd - callAfter, lineEnd) : undefined) : undefined;
  }

  /** A body's name after its article, up to `nameEnd` (its comma): « La Commission de statistique ». */
  private matchGenericChapeau(contentStart: number, nameEnd: number, call: Span | undefined): ChapeauMatch | undefined {
    const text = this.text;
    // Asked of every line that ends with a comma: out at its first letter unless an article can open it.
    if (!genericArticleFirstCodes.has(text.charCodeAt(contentStart))) return undefined;
    for (const conventions of languageConventions) {
      const nouns = conventions.genericOrganNouns;
      if (!nouns) continue;
      for (const article of conventions.articles) {
        if (!text.startsWith(article, contentStart)) continue;
        const elided = article.endsWith("'") || article.endsWith('’');
        const nameStart = contentStart + article.length + (elided ? 0 : 1);
        if (!elided && text.charCodeAt(contentStart + article.length) !== 32) continue;
        const noun = nouns.find((candidate) => text.startsWith(candidate, nameStart) && !isLetterAt(text, nameStart + candidate.length));
        const name = text.slice(nameStart, nameEnd);
        if (!noun || name.split(' ').length > 14 || /[,;:.]/u.test(name)) continue;
        return new ChapeauMatch(conventions.language, name, new SpanNode(nameStart, nameEnd), new SpanNode(nameEnd, nameEnd + 1), undefined, true, undefined, call);
      }
    }
    return undefined;
  }

  /**
   * A chapeau in Markdown emphasis, as a drafter sets print's italics (or a student's bold):
   * `*The General Assembly,*`, `**The Security Council**,`, `_L'Assemblée générale,_`. The comma
   * (or the mark written for it) may stand inside the emphasis or just after it.
   */
  private matchEmphasisedChapeau(contentStart: number, contentEnd: number): ChapeauMatch | undefined {
    const text = this.text;
    const marker = text.charCodeAt(contentStart);
    if (marker === 35 /* # */) return this.matchHeadingChapeau(contentStart, contentEnd);
    if (!isMarkdownDecorationCode(marker) || contentEnd - contentStart < 5) return undefined;
    const markerLength = text.charCodeAt(contentStart + 1) === marker ? 2 : 1;
    const markers = text.slice(contentStart, contentStart + markerLength);
    // The mark after the emphasis, if any: one unit (",", "，", "،", or a full stop, semicolon or colon written for it).
    const markOutside = text.startsWith(markers, contentEnd - markerLength) ? 0 : text.startsWith(markers, contentEnd - 1 - markerLength) ? 1 : -1;
    if (markOutside < 0) return undefined;
    const closeStart = contentEnd - markOutside - markerLength;
    const innerStart = contentStart + markerLength;
    if (closeStart <= innerStart || isSpaceCode(text.charCodeAt(innerStart)) || isSpaceCode(text.charCodeAt(closeStart - 1))) return undefined;
    const inner = this.matchChapeau(innerStart, closeStart);
    if (!inner) return undefined;
    const emphasis = { open: new SpanNode(contentStart, innerStart), close: new SpanNode(closeStart, closeStart + markerLength) };
    if (markOutside === 0) {
      return new ChapeauMatch(inner.language, inner.organ, inner.organSpan, inner.comma, inner.fullStop, inner.generic, inner.missingArticle, inner.call, emphasis);
    }
    // Read without its mark inside, the line has none: the mark after the emphasis is its comma, or the slip written for it.
    if (inner.comma || inner.fullStop) return undefined;
    const markAt = contentEnd - 1;
    const mark = text.charAt(markAt);
    const comma = mark === conventionsOf(inner.language).comma ? new SpanNode(markAt, contentEnd) : undefined;
    const fullStop = !comma && (mark === '.' || mark === ';' || mark === ':') ? new SpanNode(markAt, contentEnd) : undefined;
    if (!comma && !fullStop) return undefined;
    return new ChapeauMatch(inner.language, inner.organ, inner.organSpan, comma, fullStop, inner.generic, inner.missingArticle, inner.call, emphasis);
  }

  /**
   * A chapeau set as a Markdown heading, `## The General Assembly,`: the "#"s are markup, as emphasis
   * is (`Chapeau.emphasis`, its close empty at the line's end). Only with its comma: a heading "# The
   * General Assembly" over the draft is its title, not a chapeau.
   */
  private matchHeadingChapeau(contentStart: number, contentEnd: number): ChapeauMatch | undefined {
    const text = this.text;
    let innerStart = contentStart;
    while (innerStart < contentEnd && text.charCodeAt(innerStart) === 35 /* # */) innerStart++;
    if (innerStart - contentStart > 6 || !isSpaceCode(text.charCodeAt(innerStart))) return undefined;
    while (innerStart < contentEnd && isSpaceCode(text.charCodeAt(innerStart))) innerStart++;
    const inner = this.matchChapeau(innerStart, contentEnd);
    if (!inner?.comma) return undefined;
    const emphasis = { open: new SpanNode(contentStart, innerStart), close: new SpanNode(contentEnd, contentEnd) };
    return new ChapeauMatch(inner.language, inner.organ, inner.organSpan, inner.comma, inner.fullStop, inner.generic, inner.missingArticle, inner.call, emphasis);
  }

  /**
   * The chapeau of a draft quoted in another text, its line opened by a quotation mark: "“The General
   * Assembly,", « « L'Assemblée générale, », as an Economic and Social Council resolution recommends a
   * draft to the General Assembly. A known organ's only: a quotation in a paragraph may name another.
   */
  private matchQuotedChapeau(contentStart: number, contentEnd: number): ChapeauMatch | undefined {
    const quoteLength = openingQuoteLength(this.text, contentStart, contentEnd);
    if (quoteLength === 0) return undefined;
    const inner = this.matchChapeau(contentStart + quoteLength, contentEnd);
    if (!inner || inner.generic) return undefined;
    return new ChapeauMatch(inner.language, inner.organ, inner.organSpan, inner.comma, inner.fullStop, inner.generic, inner.missingArticle, inner.call, undefined,
      new SpanNode(contentStart, contentStart + 1));
  }

  /**
   * A known organ's name and its comma alone on a line, without the article ("General Assembly,"):
   * a chapeau whose article the chapeau rule asks for. Only in a language with one article to give it
   * ("The"; French and Spanish choose theirs by the organ).
   */
  private matchChapeauWithoutArticle(contentStart: number, contentEnd: number): ChapeauMatch | undefined {
    const text = this.text;
    // Most lines are out at once: too long, or no organ's last letter before a one-unit comma.
    if (contentEnd - contentStart > 60 || contentEnd - contentStart < 3 || !organsByLastCode.has(text.charCodeAt(contentEnd - 2))) return undefined;
    for (const candidate of languageConventions) {
      const article = candidate.articles[0];
      if (candidate.articles.length !== 1 || article === undefined || article.trim() === '') continue;
      const commaStart = contentEnd - candidate.comma.length;
      if (commaStart <= contentStart || !text.startsWith(candidate.comma, commaStart)) continue;
      for (const organ of candidate.organs) {
        if (commaStart - contentStart !== organ.length || !spellsOrgan(text, contentStart, organ)) continue;
        return new ChapeauMatch(candidate.language, organ, new SpanNode(contentStart, commaStart), new SpanNode(commaStart, contentEnd), undefined, false, article.trim());
      }
    }
    return undefined;
  }

  /**
   * Whether line `index` stands where a chapeau can: after a blank line (or first), before the draft's
   * first paragraph, and above a blank line or a paragraph's first line. A wrapped line of a sentence
   * ("… by the\nGeneral Assembly,") follows text; in a copy of a PDF, a paragraph's last line does too.
   */
  private standsAsChapeau(index: number, firstParagraphLine: () => number): boolean {
    if (index > 0 && this.lines.contentStart(index - 1) !== this.lines.contentEnd(index - 1)) return false;
    if (index >= firstParagraphLine()) return false;
    const next = index + 1;
    if (next >= this.lines.count) return true;
    const nextStart = this.lines.contentStart(next);
    return nextStart === this.lines.contentEnd(next) || this.startsParagraph(nextStart);
  }

  /** Chapeau lines, by index: an organ's name alone on its line (a known organ's with or without its comma), not inside a paragraph. */
  private findChapeaus(): ChapeauLine[] {
    const found: ChapeauLine[] = [];
    // Where the first paragraph opens: found once, and only where a chapeau without its article asks.
    let firstParagraph: number | undefined;
    const firstParagraphLine = (): number => (firstParagraph ??= this.firstParagraphLine(true));
    for (let index = 0; index < this.lines.count; index++) {
      const contentStart = this.lines.contentStart(index);
      const contentEnd = this.lines.contentEnd(index);
      let match = this.matchChapeau(contentStart, contentEnd);
      // In emphasis ("*The General Assembly,*") or quoted ("“The General Assembly,"): asked only of a line that opens so.
      if (!match) {
        const first = this.text.charCodeAt(contentStart);
        if (isMarkdownDecorationCode(first)) match = this.matchEmphasisedChapeau(contentStart, contentEnd);
        else if (isOpeningQuoteCode(first)) match = this.matchQuotedChapeau(contentStart, contentEnd);
      }
      // "General Assembly," is read as the chapeau only as the draft's first, where nothing else stands.
      if (!match && found.length === 0) {
        const withoutArticle = this.matchChapeauWithoutArticle(contentStart, contentEnd);
        if (withoutArticle && this.standsAsChapeau(index, firstParagraphLine)) match = withoutArticle;
      }
      if (!match) continue;
      // A chapeau stands alone, never in the middle of a paragraph; a known organ's name is
      // distinctive enough to be taken even right under a heading line ("of 15 August 1991").
      const previous = index > 0 ? this.lines.content(index - 1) : '';
      const known = match.organ !== undefined && !match.generic;
      if (!known && previous !== '' && endsOpen(previous) && !isPageFurniture(previous)) continue;
      found.push(new ChapeauLine(index, match));
    }
    return found;
  }

  /** Whether the line whose content starts at `contentStart` opens a paragraph: a number or an item's label perhaps, then a known opener. */
  private startsParagraph(contentStart: number, language = 'en'): boolean {
    const number = readNumberLabel(this.text, contentStart);
    const label = number ? undefined : readSubLabel(this.text, contentStart);
    const textStart = this.skipSpaces(number?.span.end ?? label?.span.end ?? contentStart);
    const subject = this.readSubject(textStart);
    const opener = readOpener(this.text, subject ? this.skipSpaces(subject.end) : textStart, lexiconFor(subject?.language ?? language));
    return opener?.match !== undefined;
  }

  /** Whether the text at `offset` opens as an operative paragraph does: "1. Decides …". */
  private looksOperative(offset: number): boolean {
    const number = readNumberLabel(this.text, offset);
    if (!number || number.style !== 'dot') return false;
    return readOpener(this.text, this.skipSpaces(number.span.end), this.lexicon ?? lexiconFor('en'))?.match?.kind === 'operative';
  }

  /**
   * "The Security Council" at `offset`, followed by a verb: the organ as the subject of the paragraph.
   * Or followed by a comma and a clause in lower case, as a decision's one sentence runs ("The General
   * Assembly, recalling …, decides …"): `clauses`, its verb further on, and no opener to read.
   */
  private readSubject(offset: number): (Span & { language: string; clauses: boolean }) | undefined {
    for (const { phrase, language } of subjectPhrasesByFirstCode.get(this.text.charCodeAt(offset)) ?? noSubjectPhrases) {
      if (!this.text.startsWith(phrase, offset)) continue;
      const end = offset + phrase.length;
      const after = this.text.charCodeAt(end);
      if (after === 32 /* space */ && isLetterAt(this.text, end + 1)) return { start: offset, end, language, clauses: false };
      if (after === 44 /* , */ && this.text.charCodeAt(end + 1) === 32 && isLowerCaseLetterAt(this.text, end + 2)) return { start: offset, end, language, clauses: true };
    }
    return undefined;
  }

  /**
   * With no title in a header to know it by (a piece copied out of the middle of a PDF), the running
   * title as a page's top or foot shows it: the line beside a symbol line the walk met ("A/RES/80/6"
   * over "Report of the International Criminal Court"), or the two or three lines a long one wraps
   * over, with a job number or page number ("25-18301", "4/5") within five lines of the symbol.
   * Unknown, it was read as body text, and a conversion joined it into the paragraph that the page
   * break cut ("issued by the Report of the International Criminal Court International Criminal
   * Court"). Only lines of three words or more together ("Awaza Political Declaration") that open with
   * a capital or a year, end with none of the marks a paragraph or a wrapped line of one ends with, are
   * no page furniture, and have a blank line or page furniture on their other side. Undefined where
   * the text has a title, or was read knowing one already. (A search of every line for symbols before
   * the walk cost the corpus parse 3 %, 94.6 → 97.4 million instructions; the walk meets them anyway.)
   */
  runningTitleToLearn(): string | undefined {
    if (this.title !== undefined || this.learntRunningTitle !== undefined) return undefined;
    const lines = this.lines;
    for (const index of this.symbolLines) {
      if (!this.hasPageNumberingNear(index)) continue;
      for (const side of [-1, 1]) {
        // The lines beside the symbol up to a blank line or furniture: a long title wraps over two or three.
        const run: string[] = [];
        let at = index + side;
        for (; run.length <= maxRunningTitleLines && !this.endsPageBlock(at); at += side) run.push(lines.content(at));
        if (run.length === 0 || run.length > maxRunningTitleLines) continue;
        if (side < 0) run.reverse();
        // A title may open with a year: "2025 Political Declaration on the Implementation of …".
        const first = run[0] as string;
        if (!(isCapitalAt(first, 0) || isDigitCode(first.charCodeAt(0))) || run.some((line) => /[.,;:!?\d)\]]$/.test(line))) continue;
        const title = singleSpaced(run.join(' '));
        if (title.split(' ').length >= 3) return title;
      }
    }
    return undefined;
  }

  /**
   * Whether line `index` is blank, page furniture or beyond the text: what stands on a running title's
   * far side from the symbol. A body line that a layout left right beside the symbol has the rest of
   * its paragraph there, and is not taken for a title.
   */
  private endsPageBlock(index: number): boolean {
    if (index < 0 || index >= this.lines.count) return true;
    const content = this.lines.content(index);
    return content === '' || isPageFurniture(content);
  }

  /**
   * Whether a job number or page number ("25-18301", "4/5") stands within five lines of line `index`
   * (a blank line and a title wrapped over two lines may stand between them).
   */
  private hasPageNumberingNear(index: number): boolean {
    for (let neighbour = Math.max(0, index - 5); neighbour <= Math.min(this.lines.count - 1, index + 5); neighbour++) {
      const content = this.lines.content(neighbour);
      if (neighbour !== index && isDigitCode(content.charCodeAt(0)) && isPageFurniture(content)) return true;
    }
    return false;
  }

  /** "80/5. Doha Political Declaration of …", with the lines it wraps onto, up to a blank line. */
  private findTitle(from: number, before: number): { line: number; title: string } | undefined {
    for (let index = from; index < Math.min(before, this.lines.count); index++) {
      const match = headerTitlePattern.exec(this.lines.content(index));
      if (!match?.[1]) continue;
      let title = match[1];
      for (let next = index + 1; next < Math.min(before, this.lines.count); next++) {
        const continuation = this.lines.content(next);
        if (continuation === '' || isPageFurniture(continuation)) break;
        title += ` ${continuation}`;
      }
      return { line: index, title: title.replace(/\s+/g, ' ') };
    }
    return undefined;
  }

  /** Without a chapeau, the body starts at the first line that opens a paragraph or is numbered or labelled. */
  private findBodyStartWithoutChapeau(): number {
    // Read with the draft's lexicon: in a French draft, English's wrong form "Decide" opens no paragraph.
    const first = this.firstParagraphLine(false, this.language);
    // A piece copied out of the middle of a text has no header: from its first line that opens with a
    // paragraph's number or an item's label ("43. We reiterate …", "(b)"), which no header's line does,
    // it is body text, read as the body is (items joined across page breaks, page furniture and
    // footnotes taken out). What stands above is the end of a paragraph, kept apart as a header is;
    // where the label is indented under it (as a conversion writes an item under its paragraph), or
    // a page's foot comes first (its rule over text), that paragraph is body text too.
    for (let index = 0; index < first; index++) {
      const contentStart = this.lines.contentStart(index);
      if (contentStart === this.lines.contentEnd(index)) continue;
      if (opensAnnexParagraphAt(this.text, contentStart) || readSubLabel(this.text, contentStart) !== undefined) {
        return contentStart > this.lines.start(index) ? 0 : index;
      }
      if (isSeparatorLine(this.lines.content(index)) && !this.onlyBlankFrom(index + 1, 1)) return 0;
      // A footnote's text ("[^2]: …") is no header's line either: the piece is body text from its top
      // (its numbered lines then read the same whatever the lines below; found by fuzzing, seed 30000).
      if (this.text.charCodeAt(contentStart) === 91 /* [ */ && endFootnoteLabel(this.lines.content(index)) !== undefined) return 0;
    }
    return first < this.lines.count ? first : 0;
  }

  /**
   * The first line that opens a paragraph, or the line count where none does. `passingAdoptionRecords`:
   * a record of adoption above the text ("Adopted by the Security Council at its 3137th meeting,", which
   * opens as "Adopted …" might) is passed over. Openers are read with `language`'s lexicon.
   */
  private firstParagraphLine(passingAdoptionRecords = false, language = 'en'): number {
    for (let index = 0; index < this.lines.count; index++) {
      const contentStart = this.lines.contentStart(index);
      if (contentStart === this.lines.contentEnd(index)) continue;
      if (passingAdoptionRecords && opensAsClosingLine(this.text, contentStart, this.lines.contentEnd(index))) continue;
      if (this.startsParagraph(contentStart, language)) return index;
    }
    return this.lines.count;
  }

  /** Whether a capital letter opens the text after `offset` and the white space there. */
  private capitalAfter(offset: number): boolean {
    return isCapitalAt(this.text, this.skipSpaces(offset));
  }

  private skipSpaces(offset: number): number {
    let position = offset;
    while (position < this.text.length && isSpaceCode(this.text.charCodeAt(position))) position++;
    return position;
  }

  /**
   * The number of the next footnote text a page's block lists after line `index` (its wrapped lines
   * passed over, a few lines at most), or undefined where the block ends first.
   */
  private nextFootnoteLabelInBlock(index: number): number | undefined {
    for (let next = index + 1; next < Math.min(this.lines.count, index + 9); next++) {
      const contentStart = this.lines.contentStart(next);
      if (contentStart === this.lines.contentEnd(next)) continue;
      const content = this.lines.content(next);
      if (isPageFurniture(content) || isSeparatorLine(content)) return undefined;
      const label = pageFootnoteLabel(content);
      if (label && contentStart - this.lines.start(next) <= 2) return Number(label[1]);
    }
    return undefined;
  }

  /** Whether a footnote text numbered `number` was read, among the texts from `from` on. */
  private footnoteTextNumbered(number: number, from: number): boolean {
    for (let index = from; index < this.footnoteTexts.length; index++) if (this.footnoteTexts[index]?.number === number) return true;
    return false;
  }



  /**
   * The running title of the text that line `index` belongs to: the last later text's whose header
   * stands at or above it, else the first text's. The walk asks line after line: the entry in force
   * is kept and moved on (a search over the titles at every line was a fifth of a file's parse).
   */
  private runningTitleAt(index: number): RunningTitle | undefined {
    const laterTitles = this.laterTitles;
    let at = this.titleCursor;
    // Asked about a line above the last one asked: found again by halving.
    if (at >= 0 && index < (laterTitles[at] as RunningTitle).fromLine) {
      let low = -1;
      let high = at - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((laterTitles[middle] as RunningTitle).fromLine <= index) low = middle;
        else high = middle - 1;
      }
      at = low;
    }
    while (at + 1 < laterTitles.length && (laterTitles[at + 1] as RunningTitle).fromLine <= index) at++;
    this.titleCursor = at;
    return at < 0 ? this.firstTitle : laterTitles[at];
  }

  /**
   * Whether line `index`, whose content is text[contentStart, contentEnd), is the running title of a
   * PDF's pages, or a piece of it. Read in the text: the line is sliced only once its edges and first
   * word fit the title (243 of the corpus's 9,573 lines).
   */
  private isRunningTitle(index: number, contentStart: number, contentEnd: number): boolean {
    const running = this.runningTitleAt(index);
    const length = contentEnd - contentStart;
    if (!running || length < 8 || length > running.title.length + 4) return false;
    const title = running.title;
    const text = this.text;
    // Most lines are out at once: a title and its pieces begin and end where its words do. (Every
    // line of a text was otherwise searched for in its title: in a file of texts with titles, a fifth
    // of the parse.)
    const edges = (running.edges ??= wordEdgesOf(title));
    if (!hasEdge(edges, initialEdges, edgePair(text.charCodeAt(contentStart), text.charCodeAt(contentStart + 1)))
      || !hasEdge(edges, finalEdges, edgePair(text.charCodeAt(contentEnd - 2), text.charCodeAt(contentEnd - 1)))) return false;
    // Folding leaves the line's first word as it is, and the title holds its folded form whole: a line
    // whose first word the title lacks is out before it is folded (a call into the runtime each; on
    // the corpus 243 of the 564 lines past the edges reach the folding).
    let firstWordEnd = contentStart + 1;
    while (firstWordEnd < contentEnd && !isSpaceCode(text.charCodeAt(firstWordEnd))) firstWordEnd++;
    if (firstWordEnd < contentEnd && !title.includes(text.slice(contentStart, firstWordEnd))) return false;
    const content = singleSpaced(text.slice(contentStart, contentEnd));
    // The whole title alone on a line: a running title if it is long enough not to be a heading of
    // the text's own, or next to other page furniture (a title of three words: "Awaza Political Declaration").
    // Under an annex's heading the whole title is the annex's own, which may repeat the resolution's
    // ("Annex" over "Doha Political Declaration …", A/RES/80/5): the exports dropped it as page furniture.
    if (content === title && !this.underAnnexHeading(index) && (title.split(' ').length >= 4 || this.inPreambleAt(index))) return true;
    if (!title.includes(content)) return false;
    // A piece of a wrapped running title: next to other page furniture, or with the lines beside it
    // the whole title at the text's end or start (a piece cut at a page's foot or top, the furniture
    // beside the title cut off).
    for (const offset of [-3, -2, -1, 1, 2, 3]) {
      const neighbour = index + offset;
      if (neighbour >= 0 && neighbour < this.lines.count && isPageFurniture(this.lines.content(neighbour))) return true;
    }
    return this.wrapsWholeTitle(index, title);
  }

  /**
   * Whether line `index` stands in a preamble: under a chapeau, with no numbered paragraph between them.
   * A preamble has no headings: a title of three words alone there ("Reducing nuclear danger", between
   * two preambular paragraphs of A/RES/80/37) is the page's running title, its page number lost.
   */
  private inPreambleAt(index: number): boolean {
    const chapeau = this.chapeaus[this.chapeaus.length - 1];
    if (!chapeau) return false;
    // Under an annex's heading the title is the annex's own ("Annex" over "Doha Political Declaration").
    const annex = this.annexes[this.annexes.length - 1];
    if (annex && annex.start > chapeau.span.start) return false;
    for (let line = index - 1; line >= 0; line--) {
      const start = this.lines.contentStart(line);
      if (start <= chapeau.span.start) return true;
      if (plainDotNumberValue(this.text, start) >= 0) return false;
    }
    return false;
  }

  /**
   * Whether line `index` and the lines next to it, two or three in all, make `title` whole as the first
   * or the last lines with text, apart from the rest (a title quoted in a paragraph runs on in it), and
   * not right under an annex's heading, where they are the annex's title.
   */
  private wrapsWholeTitle(index: number, title: string): boolean {
    for (let first = index; first >= Math.max(0, index - 2); first--) {
      let joined = '';
      for (let line = first; line < Math.min(this.lines.count, first + 3); line++) {
        const content = singleSpaced(this.lines.content(line));
        if (content === '') break;
        joined = joined === '' ? content : `${joined} ${content}`;
        if (line > first && line >= index && joined === title) {
          return this.blankOrEdge(first - 1) && this.blankOrEdge(line + 1) && (this.onlyBlankFrom(line + 1, 1) || this.onlyBlankFrom(first - 1, -1)) && !this.underAnnexHeading(first);
        }
        if (!title.startsWith(joined)) break;
      }
    }
    return false;
  }

  /** Whether every line from `index` on, going by `step` (1: down, -1: up), is blank. */
  private onlyBlankFrom(index: number, step: 1 | -1): boolean {
    for (let line = index; line >= 0 && line < this.lines.count; line += step) if (!this.blankOrEdge(line)) return false;
    return true;
  }

  /** Whether line `index` is blank, or past either end of the text. */
  private blankOrEdge(index: number): boolean {
    return index < 0 || index >= this.lines.count || this.lines.contentStart(index) === this.lines.contentEnd(index);
  }

  /** Whether the last line with text above line `index` is an annex's heading ("Annex", "Annex II"). */
  private underAnnexHeading(index: number): boolean {
    for (let line = index - 1; line >= 0; line--) {
      const content = this.lines.content(line);
      if (content !== '') return isAnnexHeading(content);
    }
    return false;
  }

  /**
   * The indexes of the annexes whose span holds `offset`, ends included. Annexes stand in text order,
   * apart: found by binary search (looking through every annex for every block was quadratic).
   */
  private annexesAt(offset: number): readonly number[] {
    const annexes = this.annexes;
    if (!this.annexesAreApart()) return annexes.flatMap((annex, index) => (offset >= annex.start && offset <= annex.end ? [index] : []));
    const index = this.annexAt(offset);
    // One empty list for every offset in no annex (most are): asked of every block.
    return index < 0 ? inNoAnnex : [index];
  }

  /** Whether `offset` lies in some annex, ends included: `annexesAt` with no list made. */
  private inAnnex(offset: number): boolean {
    return this.annexesAreApart() ? this.annexAt(offset) >= 0 : this.annexesAt(offset).length > 0;
  }

  /** Whether the annexes stand in text order, apart: asked once the walk is done, when they no longer change. */
  private annexesAreApart(): boolean {
    const annexes = this.annexes;
    this.annexesApart ??= annexes.every((annex, index) => index === 0 || (annexes[index - 1] as (typeof annexes)[number]).end < annex.start);
    return this.annexesApart;
  }

  /** The index of the annex that holds `offset`, ends included, or -1: a binary search of annexes apart. */
  private annexAt(offset: number): number {
    const annexes = this.annexes;
    let low = 0;
    let high = annexes.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const annex = annexes[middle] as (typeof annexes)[number];
      if (offset < annex.start) high = middle - 1;
      else if (offset > annex.end) low = middle + 1;
      else return middle;
    }
    return -1;
  }

  private addBlock(kind: BlockKind, start: number, end: number): void {
    this.addBlockOver(kind, new SpanNode(start, end));
  }

  /** A block over a chunk's own span, which nothing else keeps: not copied (spans are values, never changed). */
  private addBlockOver(kind: BlockKind, span: Span): void {
    this.blocks.push(new BlockNode(kind, span));
  }

  /** Walks the lines once: header blocks, chapeaus, footnote blocks, furniture, annexes, and body chunks. */
  private walk(bodyStart: number, chapeauLines: readonly ChapeauLine[]): void {
    // The header's lines: where the first one's content starts, and the last one's ends (-1: none yet).
    let headerStart = -1;
    let headerEnd = -1;
    const flushHeader = (): void => {
      if (headerStart >= 0) this.addBlock(this.looksOperative(headerStart) ? 'misplaced-paragraph' : 'header', headerStart, headerEnd);
      headerStart = headerEnd = -1;
    };
    for (let index = 0; index < Math.min(bodyStart, this.lines.count); index++) {
      const content = this.lines.content(index);
      if (content === '') {
        flushHeader();
        continue;
      }
      if (isPageFurniture(content) || /^\*\d+\*$/.test(content)) {
        flushHeader();
        this.addBlock('header', this.lines.contentStart(index), this.lines.contentEnd(index));
        continue;
      }
      if (headerStart < 0) headerStart = this.lines.contentStart(index);
      headerEnd = this.lines.contentEnd(index);
    }
    flushHeader();

    /**
     * The lines of the chunk being read, each as its content's start and end, one after another: one
     * list, emptied at each flush (the chunk table keeps a copy). No object per line: a line object and
     * its content string were the walk's largest garbage. Emptied by its count, not its length: setting
     * an array's length to 0 is a call into the runtime that drops its store, grown again by the next
     * chunk's lines (some 100 ns a chunk).
     */
    const chunk: number[] = [];
    let chunkLength = 0;
    const addLine = (start: number, end: number): void => {
      chunk[chunkLength++] = start;
      chunk[chunkLength++] = end;
    };
    let region: 'body' | 'annex' = 'body';
    let partIndex = -1;
    let footnoteMode: 'none' | 'pdf-block' | 'bracket' | 'after-closing' = 'none';
    let currentFootnote: {
      label: Span;
      number: number;
      bodyStart: number;
      bodyEnd: number;
      start: number;
      style: FootnoteTextStyle;
      indent: number;
      placement: FootnoteText['placement'];
    } | undefined;
    let blankSinceFootnote = false;
    let afterClosing = false;
    /** The highest number of the footnote texts read so far. */
    let highestFootnoteNumber = 0;
    /** For the page's footnote block being read: the highest footnote number read before it, and where its texts start in `footnoteTexts`. */
    let highestBeforeBlock = 0;
    let blockFirstText = 0;
    /** The number of the text that the block listed above a lower one ("2 …" over "1 …"), or 0. */
    let listedAboveLower = 0;
    /** Where the texts of the current part start in `footnoteTexts`: a second resolution pasted after a first numbers its footnotes from 1 again. */
    let partFirstText = 0;

    /**
     * A page-foot text that ended open where its page did ("… 1995 (United"): the first lines of the
     * next page's block, before any number, carry it on. Its index in `footnoteTexts`, or -1.
     */
    let carryOverTarget = -1;
    /** The lines read so far that carry that text on. */
    let carryOver: { start: number; end: number } | undefined;
    const flushCarryOver = (): void => {
      const target = this.footnoteTexts[carryOverTarget];
      if (target && carryOver) {
        const { start, end } = carryOver;
        this.footnoteTexts[carryOverTarget] = new FootnoteTextNode(target.span, target.labelSpan, target.number, target.bodySpan,
          singleSpaced(`${target.body} ${this.text.slice(start, end)}`), target.style, target.placement, new SpanNode(start, end));
      }
      carryOverTarget = -1;
      carryOver = undefined;
    };
    const flushFootnote = (): void => {
      flushCarryOver();
      if (!currentFootnote) return;
      const { label, number, bodyStart: start, bodyEnd, style, placement } = currentFootnote;
      if (number > highestFootnoteNumber) highestFootnoteNumber = number;
      this.footnoteTexts.push(new FootnoteTextNode(
        new SpanNode(currentFootnote.start, Math.max(bodyEnd, label.end)),
        label,
        number,
        new SpanNode(start, Math.max(start, bodyEnd)),
        singleSpaced(this.text.slice(start, Math.max(start, bodyEnd))),
        style,
        placement,
        undefined,
      ));
      currentFootnote = undefined;
    };
    /** A paragraph number alone on its line ("2."), waiting for the text that follows it. */
    let pendingNumber: Span | undefined;
    /**
     * Whether the chunk's first line opens like a closing line, where the walk asked as the chunk began
     * (undefined where it did not): flushChunk and the chunk table take the answer, not a test of their own.
     * (The chunk table asks it of the chunk's text, which no match can read past the first line's break.)
     */
    let firstLineClosing: boolean | undefined;
    const flushChunk = (): void => {
      if (chunkLength === 0) return;
      const firstStart = chunk[0] as number;
      const firstEnd = chunk[1] as number;
      // A paragraph number alone on its line joins the text that follows it, even across a page
      // break's footnote block and page furniture.
      if (chunkLength === 2 && this.isLoneNumber(firstStart, firstEnd)) {
        flushPendingNumber();
        pendingNumber = { start: firstStart, end: firstEnd };
        chunkLength = 0;
        firstLineClosing = undefined;
        return;
      }
      const opensClosing = firstLineClosing ?? opensAsClosingLine(this.text, firstStart, firstEnd);
      firstLineClosing = undefined;
      // A closing line takes no number: a number left waiting stands as a paragraph of its own.
      if (pendingNumber && opensClosing) flushPendingNumber();
      // Nor does a list item ("3." over "i) …"): the number stands alone and the item is its
      // sub-paragraph, as under "(3)" — numbering-format's rewrite of "(3)" as "3." must not turn the
      // item into the paragraph's text (one reading per round otherwise).
      if (pendingNumber && readSubLabel(this.text, firstStart)) flushPendingNumber();
      const pieces = region === 'body' ? this.splitAtGluedNumbers(chunk, chunkLength) : undefined;
      const first = pieces?.[0];
      // A chunk cut at a glued number opens with a piece of its first line: asked again.
      this.addChunk(first ?? chunk, first ? first.length : chunkLength, region, Math.max(partIndex, 0), pendingNumber, first ? undefined : opensClosing);
      for (let piece = 1; pieces && piece < pieces.length; piece++) {
        const lines = pieces[piece] as number[];
        this.addChunk(lines, lines.length, region, Math.max(partIndex, 0), undefined);
      }
      pendingNumber = undefined;
      if (region === 'annex') {
        const annex = this.annexes[this.annexes.length - 1];
        if (annex) annex.end = chunk[chunkLength - 1] as number;
      }
      chunkLength = 0;
    };
    /** A number left alone where no text follows it (a new part, an annex) stands as its own chunk. */
    const flushPendingNumber = (): void => {
      if (!pendingNumber) return;
      this.addChunk([pendingNumber.start, pendingNumber.end], 2, region, Math.max(partIndex, 0), undefined);
      pendingNumber = undefined;
    };
    /** A footnote text begins on the line `index`, its label ending at `labelEnd`. */
    const startFootnote = (index: number, labelEnd: number, number: number, style: FootnoteTextStyle, placement: FootnoteText['placement']): void => {
      flushFootnote();
      const bodyStart = this.skipSpaces(labelEnd);
      const contentStart = this.lines.contentStart(index);
      const contentEnd = this.lines.contentEnd(index);
      currentFootnote = new PendingFootnote(
        new SpanNode(contentStart, labelEnd),
        number,
        Math.min(bodyStart, contentEnd),
        contentEnd,
        contentStart,
        style,
        contentStart - this.lines.start(index),
        placement,
      );
      blankSinceFootnote = false;
    };

    let nextChapeau = 0;
    for (let index = bodyStart; index < this.lines.count; index++) {
      // A blank line is known by its bounds, before any line object or string is made for it.
      if (this.lines.contentStart(index) === this.lines.contentEnd(index)) {
        flushChunk();
        blankSinceFootnote = true;
        if (footnoteMode === 'bracket' || footnoteMode === 'after-closing') {
          flushFootnote();
        }
        continue;
      }
      const contentStart = this.lines.contentStart(index);
      const contentEnd = this.lines.contentEnd(index);
      // Each question below is asked only where the line's first unit and length allow an answer; the
      // line's text is sliced for the first one that does (most body lines open with a letter none of
      // them can match, and are read to the end of the loop with no string made).
      const first = this.text.charCodeAt(contentStart);
      const length = contentEnd - contentStart;
      let content: string | undefined;
      // The chapeau lines come in line order, as the walk does: a cursor, not a lookup a line.
      while (nextChapeau < chapeauLines.length && (chapeauLines[nextChapeau] as (typeof chapeauLines)[number]).index < index) nextChapeau++;
      const chapeau = chapeauLines[nextChapeau]?.index === index ? chapeauLines[nextChapeau]?.match : undefined;
      // A chapeau opens a new part whatever footnotes came before it: the texts after a closing block's
      // footnotes ("27 See resolution 60/1." and the next resolution of a file of several) were read as
      // more of them, and left unclassified to the end of the file. A known organ's name is distinctive
      // enough; the generic "The … ," only after a blank line (a footnote's last line may read so).
      if (chapeau && footnoteMode !== 'none' && (!chapeau.generic || blankSinceFootnote)) {
        flushFootnote();
        footnoteMode = 'none';
      }

      // An annex heading or a new rule line ends the footnotes after the closing block: what follows
      // is an annex, or another page's footnote block.
      if (footnoteMode === 'after-closing' && blankSinceFootnote && (annexFirstCodes.has(first) || mayBeSeparator(first))
        && (isAnnexHeading((content ??= this.lines.content(index))) || separatorPattern.test(content))) {
        flushFootnote();
        footnoteMode = 'none';
      }
      // The label of a footnote text listed at the end ("[^3]: …", "³ …"), read once for the three
      // questions below: whether the closing block's notes go on, the bracket list goes on, or one starts.
      // (A label opens with "[" or a superscript digit.)
      const endFootnote = first === 91 /* [ */ || isSuperscriptDigitCode(first) ? endFootnoteLabel((content ??= this.lines.content(index))) : undefined;
      if (footnoteMode === 'pdf-block' || footnoteMode === 'after-closing') {
        content ??= this.lines.content(index);
        const bare = footnoteMode === 'pdf-block' ? pageFootnoteLabel(content) : bareFootnoteTextPattern.exec(content);
        const indent = contentStart - this.lines.start(index);
        if (isPageFurniture(content) || this.isRunningTitle(index, contentStart, contentEnd)) {
          flushFootnote();
          footnoteMode = afterClosing ? 'after-closing' : 'none';
          this.sawPageFurniture = true;
          if (symbolLinePattern.test(content)) this.symbolLines.push(index);
          this.addBlock('artifact', contentStart, contentEnd);
          continue;
        }
        if (carryOverTarget >= 0) {
          // A line with no number (or one opening with a year, "1994 (United Nations …") carries the
          // text on, up to a blank line; anything else ends the carrying over.
          if ((bare === null || Number(bare[1]) >= 1000) && currentFootnote === undefined && (carryOver === undefined || !blankSinceFootnote)) {
            if (carryOver) carryOver.end = contentEnd;
            else carryOver = { start: contentStart, end: contentEnd };
            blankSinceFootnote = false;
            continue;
          }
          flushCarryOver();
        }
        const bareNumber = Number(bare?.[1]);
        // A page's block may list its texts out of order ("2 …" above "1 …"): a lower number that no
        // text has yet, above every number read before the block, opening a capitalised text, is the
        // footnote of that number, not a wrapped line of the one above ("Supplement No.\n12 (A/61/12)"
        // wraps a number given before, before a parenthesis).
        const missingFromBlock = bare !== null && footnoteMode === 'pdf-block' && currentFootnote !== undefined
          && bareNumber < currentFootnote.number && bareNumber > highestBeforeBlock
          && !this.footnoteTextNumbered(bareNumber, blockFirstText) && this.capitalAfter(contentStart + (bare[0] ?? '').length);
        // The higher of such a pair, where the block has run on before it ("1 …", "2 …", "4 …", "3 …"):
        // one past the next number, with the next text the block lists numbered as the one passed.
        const listedAboveNext = bare !== null && footnoteMode === 'pdf-block' && currentFootnote !== undefined
          && bareNumber === currentFootnote.number + 2 && this.capitalAfter(contentStart + (bare[0] ?? '').length)
          && this.nextFootnoteLabelInBlock(index) === currentFootnote.number + 1;
        // A wrapped line that starts with a year ("1994 (United Nations publication …)") or with a
        // number no higher than the footnote it follows continues that footnote.
        const continues = currentFootnote !== undefined && !blankSinceFootnote && !missingFromBlock && (bareNumber >= 1000 || bareNumber <= currentFootnote.number);
        // After the closing block, footnotes run on from the last one: a line such as "30 July as the
        // World Day …" or "2025 Political Declaration" is text, not footnote 30 or 2025.
        // A part that has texts of its own runs on from them, not from the part before it.
        const partHasTexts = this.footnoteTexts.length > partFirstText;
        const lastNumber = (partHasTexts ? this.footnoteTexts[this.footnoteTexts.length - 1]?.number : currentFootnote?.number)
          ?? this.footnoteTexts[this.footnoteTexts.length - 1]?.number ?? 0;
        // In a page's footnote block the numbers run on by one (two, where a copy lost one): a
        // line further off ("30 July as the World Day …", "2025 Political Declaration") is text.
        // The first text of a new part may start the series again ("1 …" after a first resolution's "10 …").
        const restartsInPart = footnoteMode === 'pdf-block' && partIndex > 0 && bareNumber <= 2
          && !partHasTexts && currentFootnote === undefined;
        const outOfSeries = bareNumber >= 1000
          || (footnoteMode === 'after-closing' && lastNumber > 0 && (bareNumber <= lastNumber || bareNumber > lastNumber + 20))
          || (footnoteMode === 'pdf-block' && lastNumber > 0 && outOfBlockSeries(bareNumber, Math.max(lastNumber, listedAboveLower)) && bareNumber !== currentFootnote?.number && !missingFromBlock && !listedAboveNext && !restartsInPart);
        if (bare && !continues && !outOfSeries && indent <= 2 && !readNumberLabel(this.text, contentStart)?.style.match(/^(dot|label)$/)) {
          // After "2 …" over "1 …", the series runs on from 2, not from the 1 read last.
          if (missingFromBlock && currentFootnote) listedAboveLower = Math.max(listedAboveLower, currentFootnote.number);
          startFootnote(index, contentStart + (bare[0] ?? '').trimEnd().length, bareNumber, 'bare', footnoteMode === 'pdf-block' ? 'page-foot' : 'yearbook');
          continue;
        }
        // In a copy that lost its blank lines the body goes on right under a page's block: a line
        // that opens as a paragraph does, under a footnote that ended its sentence, ends the block.
        const bodyResumes = footnoteMode === 'pdf-block' && currentFootnote !== undefined && !blankSinceFootnote
          && this.takesTextBackFrom(currentFootnote, contentStart, contentEnd, first);
        if (currentFootnote && !blankSinceFootnote && indent <= currentFootnote.indent && !bodyResumes) {
          currentFootnote.bodyEnd = contentEnd;
          continue;
        }
        flushFootnote();
        if (footnoteMode === 'pdf-block') footnoteMode = 'none';
        else if (!endFootnote) {
          // After the closing block, text that is not a footnote is left as it is.
          this.addBlock('unclassified', contentStart, contentEnd);
          continue;
        }
      }

      if (footnoteMode === 'bracket') {
        // "[^1994]: (United Nations publication …)" is a wrapped line of the footnote above whose
        // first word was a year, taken for a label by the extraction: it continues that footnote.
        const continuesAbove = !endFootnote || endFootnote.number >= 1000;
        if (continuesAbove && currentFootnote && !blankSinceFootnote && !this.takesTextBackFrom(currentFootnote, contentStart, contentEnd, first)) {
          currentFootnote.bodyEnd = contentEnd;
          continue;
        }
        flushFootnote();
        footnoteMode = 'none';
      }

      if (endFootnote) {
        flushChunk();
        startFootnote(index, contentStart + endFootnote.length, endFootnote.number, endFootnote.style, 'end');
        footnoteMode = 'bracket';
        continue;
      }

      if (mayBeSeparator(first) && isSeparatorLine((content ??= this.lines.content(index)))) {
        flushChunk();
        this.addBlock('artifact', contentStart, contentEnd);
        if (footnoteSeparatorPattern.test(content)) {
          highestBeforeBlock = Math.max(highestFootnoteNumber, currentFootnote?.number ?? 0);
          blockFirstText = this.footnoteTexts.length + (currentFootnote ? 1 : 0);
          listedAboveLower = 0;
          footnoteMode = 'pdf-block';
          this.sawFootnoteSeparator = true;
          blankSinceFootnote = false;
          const last = this.footnoteTexts[this.footnoteTexts.length - 1];
          if (!currentFootnote && last && this.footnoteTexts.length > partFirstText && last.placement === 'page-foot'
            && last.continuation === undefined && !footnoteTextEnded.test(last.body)) {
            carryOverTarget = this.footnoteTexts.length - 1;
          }
        }
        continue;
      }

      // A line that opens with a lower-case letter (most wrapped lines) opens no title, opener, number or closing line.
      const opensLowerCase = first >= 97 && first <= 122;
      if ((mayBePageFurniture(first, length) && isPageFurniture((content ??= this.lines.content(index)))) || this.isRunningTitle(index, contentStart, contentEnd)
        || (chunkLength > 0 && !opensLowerCase && this.isTitleBetweenParagraphs(index, contentStart, contentEnd, chunk[chunkLength - 2] as number, chunk[chunkLength - 1] as number))) {
        flushChunk();
        this.sawPageFurniture = true;
        if (content !== undefined && symbolLinePattern.test(content)) this.symbolLines.push(index);
        this.addBlock('artifact', contentStart, contentEnd);
        continue;
      }

      if (chapeau) {
        flushChunk();
        flushPendingNumber();
        partIndex++;
        partFirstText = this.footnoteTexts.length + (currentFootnote ? 1 : 0);
        region = 'body';
        afterClosing = false;
        this.chapeaus.push(new ChapeauNode(new SpanNode(contentStart, contentEnd), chapeau.organ, chapeau.organSpan, chapeau.comma, chapeau.fullStop, chapeau.language, chapeau.missingArticle, chapeau.emphasis, chapeau.openingQuote));
        if (chapeau.call) this.chapeauCalls.push(chapeau.call);
        continue;
      }

      // A copy that lost its blank lines (pasted out of a PDF viewer, say) still starts a paragraph on
      // a line that opens as one: asked only inside a chunk, of the few lines that may.
      // (A number alone on the line before is the paragraph's own: "1.\nDecides …".)
      if (chunkLength > 0 && !opensLowerCase && !(chunkLength === 2 && this.isLoneNumber(chunk[0] as number, chunk[1] as number))
        && this.opensWithinChunk(index, contentStart, contentEnd, first, chunk[chunkLength - 2] as number, chunk[chunkLength - 1] as number, firstLineClosing === true, region === 'annex')) {
        flushChunk();
      }
      const startsBlock = chunkLength === 0;
      // Both annex questions need the line to open with an annex word's first unit.
      const mayBeAnnex = annexFirstCodes.has(first) || isMarkdownDecorationCode(first);
      const titledAnnex = mayBeAnnex && afterClosing && length <= 250 && annexTitledHeadingPattern.test((content ??= this.lines.content(index))) && endsOpen(content);
      if (startsBlock && mayBeAnnex && (isAnnexHeading((content ??= this.lines.content(index))) || titledAnnex)) {
        flushChunk();
        flushPendingNumber();
        region = 'annex';
        // An annex is text again: what follows is not the closing block's footnotes.
        afterClosing = false;
        this.annexes.push({ heading: { start: contentStart, end: contentEnd }, start: contentStart, end: contentEnd });
        this.addBlock('annex-heading', contentStart, contentEnd);
        continue;
      }

      // Asked once of a chunk's first line: flushChunk and the chunk table take the answer.
      const opensClosing = startsBlock && opensAsClosingLine(this.text, contentStart, contentEnd);
      if (startsBlock) firstLineClosing = opensClosing;
      if (opensClosing && region === 'body' && this.chunks.count > 0) {
        afterClosing = true;
      }
      if (startsBlock && afterClosing && footnoteMode === 'none' && !opensClosing && isDigitCode(first)) {
        const bare = bareFootnoteTextPattern.exec((content ??= this.lines.content(index)));
        if (bare && Number(bare[1]) < 1000 && !readNumberLabel(this.text, contentStart)?.style.match(/^(dot|label)$/)
          && !isWrittenDate(content, this.language)) {
          footnoteMode = 'after-closing';
          startFootnote(index, contentStart + (bare[0] ?? '').trimEnd().length, Number(bare[1]), 'bare', 'yearbook');
          continue;
        }
      }

      // A section marker ("A", "II") is a chunk of its own, even with no blank line around it; not a
      // lower-case letter right over a known opener ("a.\nReaffirms …", a copy's item label on a line of
      // its own): read as a marker, the decision under it lost its label and the label became an item.
      if (length <= 7 && isSectionMarker((content ??= this.lines.content(index))) && !this.isLetterOverOpener(index, content)) {
        flushChunk();
        addLine(contentStart, contentEnd);
        flushChunk();
        continue;
      }
      // A label at the start of a line opens a new paragraph even without a blank line before it,
      // but only where the line before ended a sentence part: "paragraph 7\n(c) above" is one paragraph.
      // An item's "; and" ends one too ("(a) To share information; and" over "(b) To …").
      if (!startsBlock && index > 0 && this.endsSentencePart(index - 1) && this.startsLabelledItem(contentStart, first)) flushChunk();
      addLine(contentStart, contentEnd);
    }
    flushChunk();
    flushPendingNumber();
    flushFootnote();
  }

  /**
   * A chunk that opens with paragraph number N and holds, inside a line, "N+1." followed by an
   * operative opener is two paragraphs whose line break a copy lost ("… de l'Assemblée générale
   * 2. Considère que …"): it is cut before that number, and again for N+2 and so on. Undefined
   * where there is nothing to cut: the chunk stands as it is.
   */
  private splitAtGluedNumbers(lines: readonly number[], lineBounds: number): number[][] | undefined {
    // A "dot" number with no suffix, read without making a label: classifyPart reads the chunk's own.
    const value = lineBounds > 0 ? plainDotNumberValue(this.text, lines[0] as number) : -1;
    // Most chunks open with no number: the chunk as it is (the walk keeps a copy).
    if (value < 0) return undefined;
    let expected = value + 1;
    // The label looked for, made once for the chunk's lines, not once a line.
    let label = `${expected}. `;
    // Most numbered chunks hold no glued number: looked for first, before any list is made, and first
    // in the chunk's whole stretch (which holds every line's): one search, not one a line.
    const stretchStart = (lines[0] as number) + 1;
    const stretchEnd = Math.min(this.text.length, (lines[lineBounds - 1] as number) + label.length - 1);
    if (stretchStart >= stretchEnd || !this.text.slice(stretchStart, stretchEnd).includes(label)) return undefined;
    let glued = false;
    for (let line = 0; line < lineBounds && !glued; line += 2) glued = this.gluedNumberIn(lines[line] as number, lines[line + 1] as number, label) !== undefined;
    if (!glued) return undefined;
    const pieces: number[][] = [];
    let current: number[] = [];
    for (let line = 0; line < lineBounds; line += 2) {
      let restStart = lines[line] as number;
      const restEnd = lines[line + 1] as number;
      for (let at = this.gluedNumberIn(restStart, restEnd, label); at !== undefined; at = this.gluedNumberIn(restStart, restEnd, label)) {
        current.push(...this.trimmed(restStart, at));
        pieces.push(current);
        current = [];
        [restStart] = this.trimmed(at, restEnd);
        expected++;
        label = `${expected}. `;
      }
      current.push(...this.trimmed(restStart, restEnd));
    }
    pieces.push(current);
    return pieces;
  }

  /** Where `label` ("<expected>. ") and an opener stand inside the line content [contentStart, contentEnd), after a word and a space, not at its start. */
  private gluedNumberIn(contentStart: number, contentEnd: number, label: string): number | undefined {
    // Searched in the line alone (a view, not a copy): in the whole text, a label found nowhere sent
    // the search to the text's end from every numbered paragraph.
    const from = contentStart + 1;
    const stretch = this.text.slice(from, Math.min(this.text.length, contentEnd + label.length - 1));
    for (let found = stretch.indexOf(label), at = from + found; found >= 0 && at < contentEnd; found = stretch.indexOf(label, found + 1), at = from + found) {
      if (this.text[at - 1] !== ' ' || !/[\p{L},;:)]/u.test(this.text[at - 2] ?? '')) continue;
      const opener = readOpener(this.text, at + label.length, this.lexicon);
      if (opener?.match?.kind === 'operative' && isCapitalAt(this.text, opener.span.start)) return at;
    }
    return undefined;
  }

  /** [start, end) with white space trimmed at both ends: the content's bounds of a piece of a line, as a line's. */
  private trimmed(start: number, end: number): [number, number] {
    let contentStart = start;
    let contentEnd = end;
    while (contentStart < contentEnd && isSpaceCode(this.text.charCodeAt(contentStart))) contentStart++;
    while (contentEnd > contentStart && isSpaceCode(this.text.charCodeAt(contentEnd - 1))) contentEnd--;
    return [contentStart, contentEnd];
  }

  /**
   * Whether line `index` is the text's title running at a page's head ("Regional disarmament") in a copy
   * that lost its blank lines: the whole title, between a line that ended a paragraph, [previousStart,
   * previousEnd), and one that opens the next. (With blank lines, a short title alone is a chunk that
   * opens no paragraph; here it would join two.)
   */
  private isTitleBetweenParagraphs(index: number, contentStart: number, contentEnd: number, previousStart: number, previousEnd: number): boolean {
    const running = this.runningTitleAt(index);
    // Most lines are out at once: shorter or longer than the title, or opening or ending with another unit than it does.
    const title = running?.title ?? '';
    const length = contentEnd - contentStart;
    if (!running || length < title.length || length > title.length + 4 || index + 1 >= this.lines.count
      || this.text.charCodeAt(contentStart) !== title.charCodeAt(0) || this.text.charCodeAt(contentEnd - 1) !== title.charCodeAt(title.length - 1)) return false;
    if (!endsParagraph(this.text, previousStart, previousEnd) || singleSpaced(this.text.slice(contentStart, contentEnd)) !== title) return false;
    const nextStart = this.lines.contentStart(index + 1);
    return nextStart < this.lines.contentEnd(index + 1) && this.opensAsParagraph(nextStart, this.text.charCodeAt(nextStart));
  }

  /** Whether line content [start, end) is a paragraph number alone ("2."). */
  private isLoneNumber(start: number, end: number): boolean {
    return end - start <= 4 && /^\d{1,3}\.$/.test(this.text.slice(start, end));
  }

  /** Whether line `index`, a marker's `content`, is a lower-case letter with its dot right over a line that opens with a known opener. */
  private isLetterOverOpener(index: number, content: string): boolean {
    if (content.length !== 2 || content.charCodeAt(1) !== 46 /* . */ || !isAsciiLowerCode(content.charCodeAt(0)) || index + 1 >= this.lines.count) return false;
    const next = this.lines.contentStart(index + 1);
    return next < this.lines.contentEnd(index + 1) && this.opensWithKnownOpener(next);
  }

  /** Whether line content [start, end) is a label alone, a paragraph's ("2.") or a sub-paragraph's ("(a)"): the text it labels follows. */
  private isLoneLabel(start: number, end: number): boolean {
    return end - start <= 6 && (this.isLoneNumber(start, end) || readSubLabel(this.text, start)?.span.end === end);
  }

  /**
   * Whether line `index`, inside a chunk whose last line so far is [previousStart, previousEnd), opens
   * a block of its own though no blank line stands before it, as in a copy that lost them all:
   * - after the closing block's lines ("51st plenary meeting", its date), an annex heading;
   * - a paragraph's number and a known opener ("3. Welcomes"), whatever ends the line before (a
   *   heading, or a paragraph that lost its final mark);
   * - after a line that ended a paragraph as one does ("…,", "…;", "…."), a closing line alone on
   *   its line, or a known opener, capitalised ("Recalling", "Requests"; the draft's lexicon's).
   * Not after a line that ends open ("… the Convention on\nRecalling …"), nor after a colon, whose
   * list or quotation follows; nor after a label alone ("(a)\nRequesting …"). Other labels are asked apart.
   */
  private opensWithinChunk(index: number, contentStart: number, contentEnd: number, first: number, previousStart: number, previousEnd: number, inClosingBlock: boolean, inAnnex: boolean): boolean {
    if (inClosingBlock) {
      if (!annexFirstCodes.has(first) && !isMarkdownDecorationCode(first)) return false;
      const content = this.lines.content(index);
      // The heading alone, or joined with the annex's title as the walk takes it after a closing block.
      return isAnnexHeading(content) || (content.length <= 250 && annexTitledHeadingPattern.test(content) && endsOpen(content));
    }
    const digit = isDigitCode(first);
    // A part's label stands alone: "Preambular clauses:" over the first paragraph, with no blank line between.
    if (!digit && (isPartLabel(this.text, previousStart, previousEnd) || isPartLabel(this.text, contentStart, contentEnd))) return true;
    if (this.isLoneLabel(previousStart, previousEnd)) return false;
    // An annex (a declaration, a programme) numbers paragraphs that open with no opener ("3.\nWe gather …"),
    // and heads its sections with a line of their own ("A call to action"), between a paragraph and a number.
    if (inAnnex && (digit ? opensAnnexParagraphAt(this.text, contentStart) : this.headsAnnexSection(index, contentStart, contentEnd, previousStart, previousEnd))) return true;
    if (digit && this.opensNumberedParagraph(contentStart)) return true;
    if (!endsParagraph(this.text, previousStart, previousEnd)) return false;
    return this.isClosingLine(contentStart, contentEnd, first) || (!digit && (this.opensWithKnownOpener(contentStart) || this.opensWithMisspeltOpener(contentStart)));
  }

  /**
   * Whether the line at `contentStart` opens with a known opener misspelt ("Reafirming its commitment
   * …" under a paragraph that ended): a capitalised word of a verb's ending, within two letters of a
   * known opener's first word and sharing its first three. In a copy that lost its blank lines such a
   * line was read as the paragraph above going on, and its opener was never reported. Asked only
   * after the known openers, of lines under a paragraph's end.
   */
  private opensWithMisspeltOpener(contentStart: number): boolean {
    const lexicon = this.lexicon;
    if (!lexicon || !isCapitalAt(this.text, contentStart)) return false;
    // The word's end, read in place: most lines asked open with a word no opener starts like, and make no string.
    misspeltOpenerWord.lastIndex = contentStart;
    if (!misspeltOpenerWord.test(this.text)) return false;
    const wordEnd = misspeltOpenerWord.lastIndex;
    if (wordEnd - contentStart < 4 || !lexicon.verbEndings.some((ending) => endsWithIgnoringCase(this.text, wordEnd, ending))) return false;
    if (!openerHeadStarts(lexicon).has(withoutDiacritics(this.text.slice(contentStart, contentStart + 3).toLowerCase()))) return false;
    const word = this.text.slice(contentStart, wordEnd);
    if (lexicon.unknownOpenerExceptions.includes(word)) return false;
    const lower = word.toLowerCase();
    return (['preambular', 'operative'] as const).some((kind) => {
      const nearest = nearestOpener(lexicon, word, kind);
      return nearest !== undefined && nearest.distance >= 1 && nearest.distance <= 2 && sameStart(nearest.form, lower);
    });
  }

  /**
   * Whether line `index` heads a section of an annex, after a line that ended a paragraph: its marker and
   * title ("II. Implementation of …"), or a short line ending open over a paragraph's number.
   */
  private headsAnnexSection(index: number, contentStart: number, contentEnd: number, previousStart: number, previousEnd: number): boolean {
    if (sectionMarkerStart.test(this.text.slice(contentStart, Math.min(contentEnd, contentStart + 12)))) return endsParagraph(this.text, previousStart, previousEnd);
    if (contentEnd - contentStart > 120 || index + 1 >= this.lines.count || !endsOpenIn(this.text, contentStart, contentEnd)) return false;
    const nextStart = this.lines.contentStart(index + 1);
    return isDigitCode(this.text.charCodeAt(nextStart)) && opensAnnexParagraphAt(this.text, nextStart) && endsParagraph(this.text, previousStart, previousEnd);
  }

  /**
   * Whether the line [contentStart, contentEnd), opening with unit `first`, is a closing line as it
   * stands among other lines: capitalised or a number ("adopted by …" goes on a sentence), and not going
   * on as a sentence or list does ("51st plenary meeting, on …" opening a wrapped line is the sentence's).
   */
  private isClosingLine(contentStart: number, contentEnd: number, first: number): boolean {
    return (isDigitCode(first) || isCapitalAt(this.text, contentStart)) && opensAsClosingLine(this.text, contentStart, contentEnd) && !endsWithListMark(this.text, contentStart, contentEnd);
  }

  /**
   * Whether the line [contentStart, contentEnd) takes the text back from the footnote text read up to it,
   * with no blank line between them (a copy that lost them): a paragraph's opening or a closing line,
   * under a footnote that ended its sentence ("… annex." over "Bearing in mind …", "84th plenary meeting").
   */
  private takesTextBackFrom(footnote: { readonly bodyStart: number; readonly bodyEnd: number }, contentStart: number, contentEnd: number, first: number): boolean {
    return endsParagraph(this.text, footnote.bodyStart, footnote.bodyEnd)
      && (this.opensAsParagraph(contentStart, first) || this.isClosingLine(contentStart, contentEnd, first));
  }

  /** Whether the line opening with unit `first` at `contentStart` opens as a paragraph does: a known opener, capitalised, its number perhaps before it ("3. Welcomes"). */
  private opensAsParagraph(contentStart: number, first: number): boolean {
    return isDigitCode(first) ? this.opensNumberedParagraph(contentStart) : this.opensWithKnownOpener(contentStart);
  }

  /**
   * Whether a known opener of the draft's lexicon opens the text at `offset`, capitalised (its word, past
   * the brackets and emphasis readOpener passes: "[Urges]", "*Recalling*"): a preambular or operative
   * form. Not the forms the lexicon keeps to correct ("Decide", "Respect", "Adopted"): ordinary words,
   * capitalised in titles ("the “Protect,\nRespect and Remedy” Framework") as no paragraph's opener is.
   */
  private opensWithKnownOpener(offset: number): boolean {
    const opener = readOpener(this.text, offset, this.lexicon);
    return opener?.match !== undefined && opener.match.kind !== 'other' && isCapitalAt(this.text, opener.span.start);
  }

  /** Whether the text at `offset` opens with a paragraph's number ("3.") and a known opener. */
  private opensNumberedParagraph(offset: number): boolean {
    // "3." or "1,": most lines that open with digits ("2005, …", "1325 (2000)") are out before a label is made.
    let digitsEnd = offset;
    while (isDigitCode(this.text.charCodeAt(digitsEnd))) digitsEnd++;
    const after = this.text.charCodeAt(digitsEnd);
    if (digitsEnd - offset > 6 || (after !== 46 && after !== 44)) return false;
    const number = readNumberLabel(this.text, offset);
    // "1, Requests": an old text's slip for "1.", read as its number all the same.
    if (!number || (number.style !== 'dot' && number.style !== 'comma')) return false;
    return this.opensWithKnownOpener(this.skipSpaces(number.span.end));
  }

  /** Whether line `index` ends a sentence part: with a mark ("…;"), or with an item's mark and its conjunction ("…; and"). */
  private endsSentencePart(index: number): boolean {
    const start = this.lines.contentStart(index);
    const end = this.lines.contentEnd(index);
    return !endsOpenIn(this.text, start, end) || endsWithListConjunction(this.text, start, end);
  }

  /** Whether the line whose content starts at `contentStart`, with the unit `first`, opens with a paragraph's or sub-paragraph's label. */
  private startsLabelledItem(contentStart: number, first: number): boolean {
    // Labels start with a digit, "(", "O"/"P" of OP/PP, or a lower-case letter: others are out at once.
    if (!((first >= 48 && first <= 57) || first === 40 || first === 79 || first === 80 || (first >= 97 && first <= 122))) return false;
    // "12. ", the commonest, without making a label.
    if (plainDotNumberValue(this.text, contentStart) >= 0) return true;
    const number = readNumberLabel(this.text, contentStart);
    // "(3)" at the start of a wrapped line is far more often an inline enumeration than a paragraph,
    // unless a known opener follows it, capitalised, as a paragraph's does ("(3) Decides to convene …").
    if (number?.style === 'parens') return this.opensWithKnownOpener(this.skipSpaces(number.span.end));
    if (number && number.style !== 'bare' && number.style !== 'comma') return true;
    return readSubLabel(this.text, contentStart) !== undefined;
  }

  // ---- pass 2: paragraphs ----------------------------------------------------------------

  private classify(): { parts: ResolutionPart[]; paragraphs: Paragraph[]; annexParagraphs: { span: Span; number: NumberLabel }[]; paragraphIndex: ParagraphIndex; pieces: Span[] } {
    const annexParagraphs: { span: Span; number: NumberLabel }[] = [];
    const partCount = Math.max(1, this.chapeaus.length);

    const kept = new KeptParagraphs();
    const partLists: { readonly preambular: Paragraph[]; readonly operative: Paragraph[] }[] = [];
    // The walk numbers parts as it goes, so a part's chunks follow the part before's: each part reads
    // on from where the one before stopped, with no list of its chunks.
    const chunkColumn = new Int32Array(this.chunks.count);
    const textStartColumn = new Int32Array(this.chunks.count);
    for (let part = 0, from = 0; part < partCount; part++) {
      let to = from;
      while (to < this.chunks.count && this.chunks.partIndex(to) === part) to++;
      const lists = { preambular: emptyList<Paragraph>(), operative: emptyList<Paragraph>() };
      this.classifyPart(new ChunkReadings(chunkColumn, textStartColumn), from, to, part, kept, lists.preambular, lists.operative);
      partLists.push(lists);
      from = to;
    }
    for (let chunk = 0; chunk < this.chunks.count; chunk++) {
      if (this.chunks.region(chunk) !== 'annex') continue;
      const start = this.chunks.start(chunk);
      const end = this.chunks.end(chunk);
      const number = readNumberLabel(this.text, start);
      if (number && number.style === 'dot') annexParagraphs.push(new AnnexParagraphNode(new SpanNode(start, end), number));
      this.addBlock('unclassified', start, end);
    }

    const parts: ResolutionPart[] = [];
    for (let part = 0; part < partCount; part++) {
      const lists = partLists[part] as (typeof partLists)[number];
      parts.push(new ResolutionPartNode(this.chapeaus[part], lists.preambular, lists.operative));
    }
    const all = kept.paragraphs;
    // The pieces are sorted by where they start whatever order the paragraphs came in (no two
    // paragraphs share text). The index made as they came holds when they came in order, nearly always.
    const pieces = kept.pieces.inTextOrder();
    const index = kept.index.index();
    if (index.sorted) return { parts, paragraphs: all, annexParagraphs, paragraphIndex: index, pieces };
    all.sort((a, b) => a.span.start - b.span.start);
    return { parts, paragraphs: all, annexParagraphs, paragraphIndex: indexParagraphs(all), pieces };
  }

  /**
   * Whether "(2) Requests …" stands out of the list of lettered items open in `last` (less indented
   * than they are, with an operative verb): a paragraph numbered the wrong way, not an item whose
   * letter a copy misread.
   */
  private standsOutsideList(readings: ChunkReadings, at: number, last: MutableParagraph, opensParagraph: boolean): boolean {
    const deepestOpen = last.subStack[last.subStack.length - 1];
    const number = readings.number(at);
    return opensParagraph && number !== undefined && readings.opener(at)?.match?.kind === 'operative' && deepestOpen?.label !== undefined
      && deepestOpen.label.kind !== 'number' && indentedDeeper(this.text, deepestOpen.label.span.start, number.span.start);
  }

  /**
   * Whether `number`, indented under paragraph `last`, stands inside a quotation the paragraph opened
   * and has not closed (“ or « more often than ” or »): the numbered text of a rule or article quoted
   * ("to read as follows: “1. No proposal …;" over "   2. The President …”"), not a paragraph.
   */
  private continuesQuotation(number: NumberLabel, last: MutableParagraph): boolean {
    const paragraphStart = last.number?.span.start ?? (last.pieces[0] as Span).start;
    if (!indentedDeeper(this.text, number.span.start, paragraphStart)) return false;
    const deepest = last.subStack[last.subStack.length - 1];
    let open = 0;
    for (const piece of deepest ? deepest.pieces : last.pieces) {
      for (let at = this.text.indexOf('“', piece.start); at >= 0 && at < piece.end; at = this.text.indexOf('“', at + 1)) open++;
      for (let at = this.text.indexOf('«', piece.start); at >= 0 && at < piece.end; at = this.text.indexOf('«', at + 1)) open++;
      for (let at = this.text.indexOf('”', piece.start); at >= 0 && at < piece.end; at = this.text.indexOf('”', at + 1)) open--;
      for (let at = this.text.indexOf('»', piece.start); at >= 0 && at < piece.end; at = this.text.indexOf('»', at + 1)) open--;
    }
    return open > 0;
  }

  /**
   * Whether `number` opens an item of a numbered list inside operative paragraph `last`, as a drafter
   * writes one in Markdown: indented under the paragraph, "1." right under its colon ("1. Decides to
   * consider the following items:" over "   1. Questions relating to information;"), then each next
   * number at the first item's indent or deeper. Read as paragraphs, the items were renumbered with
   * the paragraphs around them and the fixes rewrote the list and every number after it.
   */
  private nestsNumberedItem(number: NumberLabel, last: MutableParagraph, opensWithOperativeVerb: boolean): boolean {
    // "   1. Reaffirms …" under "Mindful of the following principles:" is the operative part, indented.
    if (opensWithOperativeVerb || number.insertSuffix !== undefined || (number.style !== 'dot' && number.style !== 'paren-close')) return false;
    const paragraphStart = last.number?.span.start ?? (last.pieces[0] as Span).start;
    if (!indentedDeeper(this.text, number.span.start, paragraphStart)) return false;
    const deepest = last.subStack[last.subStack.length - 1];
    if (deepest?.label?.kind === 'number' && deepest.label.bracket !== 'parens') return !indentedDeeper(this.text, deepest.label.span.start, number.span.start);
    // Under an item ending with a colon, its list may stand at the item's own indent ("(b) To share
    // information, including:" over "(b)"-aligned "1. Data on trafficking;").
    return number.value === 1 && this.lastEndsWithColon(last)
      && (deepest?.label === undefined || !indentedDeeper(this.text, deepest.label.span.start, number.span.start));
  }

  /**
   * Whether reading `at` (of a section from `from`) is an item of a numbered list inside the reading
   * that introduces it, as `nestsNumberedItem` reads one while the paragraphs are made: "1." indented
   * under a line ending with a colon, and each next number at the first's indent. Asked where the
   * operative part begins: a preambular paragraph's list ("Recalling the principles, namely:" over
   * "   1. The sovereign equality of States;") does not begin it.
   */
  private nestedListItemAt(readings: ChunkReadings, at: number, from: number): boolean {
    const number = readings.number(at);
    if (!number || number.insertSuffix !== undefined || (number.style !== 'dot' && number.style !== 'paren-close')) return false;
    const opener = readings.opener(at);
    if (opener?.match?.kind === 'operative' && isCapitalAt(this.text, opener.span.start)) return false;
    const indent = indentBefore(this.text, number.span.start);
    let first = at;
    for (let value = number.value; value > 1; value--) {
      const previous = first - 1 >= from ? readings.number(first - 1) : undefined;
      if (!previous || previous.value !== value - 1 || indentBefore(this.text, previous.span.start) !== indent) return false;
      first--;
    }
    const introduction = first - 1;
    if (introduction < from) return false;
    const introductionStart = readings.number(introduction)?.span.start ?? readings.span(introduction).start;
    return indentedDeeper(this.text, number.span.start, introductionStart) && this.readingText(readings, introduction).trimEnd().endsWith(':');
  }

  private chunkSpan(chunk: number): Span {
    return new SpanNode(this.chunks.start(chunk), this.chunks.end(chunk));
  }

  /**
   * The part's paragraphs, read from its chunks `from` to `to` (its body's: an annex's are read apart)
   * into `readings`, then into `kept` and the part's lists of its kind. Only the paragraph read last
   * can still grow (a continuation, a sub-paragraph): each is frozen into the model's as soon as the
   * next one begins, so the mutable ones die young instead of living to the end of the
   * classification (3.5 MB on a 10 MB draft).
   */
  private classifyPart(readings: ChunkReadings, from: number, to: number, partIndex: number, kept: KeptParagraphs, preambular: Paragraph[], operative: Paragraph[]): void {
    /** The part's paragraph being read, once one has begun: `paragraph`, filled again for each. */
    let last: MutableParagraph | undefined;
    const paragraph = new MutableParagraph(partIndex);
    // A quoted draft's paragraphs open with the quotation mark its chapeau opens with: read past it.
    const quoted = this.chapeaus[partIndex]?.openingQuote !== undefined;
    /** The label of the last operative paragraph read as lettered ("a. Urges …;"), while no other number has come since. */
    let lettered: SubLabel | undefined;
    /** The reading that paragraph is (-1 if none): a line right under it, with the next letter, continues the letters. */
    let letteredReading = -1;
    /** Whether a reading of the part before this one had a number. */
    let numberedBefore = false;
    /** The last chunk of the part that opens with a paragraph's number (-1 if none): found once, when a lettered line first asks. */
    let lastNumbered: number | undefined;
    for (let chunk = from; chunk < to; chunk++) {
      if (this.chunks.region(chunk) !== 'body') continue;
      const span = this.chunkSpan(chunk);
      const numberLine = this.chunks.numberLine(chunk);
      const wordsStart = this.wordsStartOf(span, quoted);
      let number = this.chunkNumber(chunk, wordsStart);
      const textAfterNumber = numberLine ? span.start : number ? this.skipSpaces(number.span.end) : wordsStart;
      const subject = this.chapeaus.length === 0 ? this.readSubject(textAfterNumber) : undefined;
      // A chunk with no number that opens with a sub-label ("(a) To continue …"): its opener is read
      // after the label only. Read at the label too, as it was, it was thrown away: an opener read a
      // sub-paragraph, the parse's dearest reading.
      const unnumbered = number === undefined;
      const labelFirst = unnumbered ? readSubLabel(this.text, wordsStart) : undefined;
      let opener = labelFirst || subject?.clauses ? undefined : readOpener(this.text, subject ? this.skipSpaces(subject.end) : textAfterNumber, this.lexicon);
      // The opener is the chunk's own: the white space skipped after a number crosses line breaks, and
      // "4" or "3 bis." alone over a closing line "Adopted …" is no paragraph that opens "Adopted" (its
      // fix would make the closing line a paragraph, and the next such pair would be read so).
      if (opener && opener.span.start >= span.end) opener = undefined;
      // A bare number ("3 Requests") counts only before a known opener; otherwise it is text.
      if (number?.style === 'bare' && !opener?.match) {
        number = undefined;
        opener = readOpener(this.text, wordsStart, this.lexicon);
      }
      // Unnumbered, the label is read already; a bare number left out above leaves it to be read now.
      let subLabel = number ? undefined : unnumbered ? labelFirst : readSubLabel(this.text, wordsStart);
      const textStart = number ? textAfterNumber : subLabel ? this.skipSpaces(subLabel.span.end) : wordsStart;
      if (subLabel) {
        opener = readOpener(this.text, textStart, this.lexicon);
        if (opener && opener.span.start >= span.end) opener = undefined;
        // "a. Urges …;" after the preamble: operative paragraph 1 lettered, not an item of the preamble's
        // last paragraph; its number's form is numbering-format's to report, and its fix writes "1.".
        const numberFollows = (): boolean => (lastNumbered ??= this.lastNumberedChunk(from, to, quoted)) > chunk;
        if (this.isLetteredOperative(readings, subLabel, opener, partIndex, numberedBefore, lettered, letteredReading === readings.count - 1, numberFollows)) {
          number = new NumberLabelNode(subLabel.span, subLabel.text, letterIndex(subLabel.name), 'letter', undefined);
          lettered = subLabel;
          letteredReading = readings.count;
          subLabel = undefined;
        }
      } else if (number && !this.isItemNumberUnderColon(number, chunk, from)) {
        // Any other number ends the letters (the next letter goes on past an item's "(1)").
        lettered = undefined;
      }
      if (number) numberedBefore = true;
      readings.add(chunk, span, number, subLabel, opener, subject ? new SpanNode(subject.start, subject.end) : undefined, textStart);
    }

    // Section markers ("A", "B", "II") split a part into sections; each may have a preamble of its
    // own (Security Council texts in sections A, B …), while numbering runs on across them.
    const sectionStarts = listOf(0);
    for (let index = 1; index < readings.count; index++) if (this.isSectionMarkerAt(readings, index)) sectionStarts.push(index);
    // The last section is the last with a reading past its marker: a marker with nothing under it ("A."
    // ending a text, where a fix of the line above's final mark made "A" a marker) makes no section
    // that the one before it could end the part for, and taken for one it made the paragraph above
    // preambular where "A," left it operative, so that the fix undid itself (the fix-all property).
    let lastSection = sectionStarts.length - 1;
    while (lastSection > 0 && (sectionStarts[lastSection + 1] ?? readings.count) - (sectionStarts[lastSection] as number) <= 1) lastSection--;
    const operativeStarts = sectionStarts.map((start, section) =>
      this.operativeStart(readings, start, sectionStarts[section + 1] ?? readings.count, section >= lastSection));

    let closed = false;
    /** The section of the reading at `index` (the loop reads them in order: a cursor, not a list of one number a reading). */
    let section = 0;
    for (let index = 0; index < readings.count; index++) {
      while (section + 1 < sectionStarts.length && (sectionStarts[section + 1] as number) <= index) section++;
      const span = readings.span(index);
      const chunk = readings.chunk(index);
      const number = readings.number(index);
      const subLabel = readings.subLabel(index);
      const opener = readings.opener(index);
      const operativeStart = operativeStarts[section] ?? -1;
      const inOperative = operativeStart >= 0 && index >= operativeStart;
      // Lines about the draft after its paragraphs ("Sponsors: France, Germany") close it as an adoption line does.
      if (closed || this.chunks.opensLikeClosing(chunk) || (index > 0 && !number && !opener?.match && draftMetadataLinePattern.test(this.text.slice(span.start, Math.min(span.end, span.start + 40))))) {
        closed = true;
        // A number waiting on a line of its own goes with the text it was joined to: no character is lost.
        // It is a block of its own, as it is a piece of a paragraph: what lies between them (a footnote
        // text, page furniture) belongs to other nodes, and a block over it would read its label as a call.
        const numberLine = this.chunks.numberLine(chunk);
        if (numberLine) this.addBlock('closing', numberLine.start, numberLine.end);
        this.addBlockOver('closing', span);
        continue;
      }
      // A footnote text left between paragraphs by an extraction that lost the rule line above it:
      // "2 United Nations, Treaty Series, vol. 1342, No. 22495."
      if (!number && !opener?.match && this.readStrayFootnotes(chunk)) continue;
      const unlabelled = last !== undefined && !number && !subLabel;
      // A chunk that opens with a capitalised opener starts a paragraph even where the one above
      // lost its final mark ("… the United Nations" over "Recommends to the General Assembly …").
      const opensParagraph = opener?.match !== undefined && opener.match.kind !== 'other'
        && isCapitalAt(this.text, opener.span.start);
      // The last element's text is sliced only where a question needs more than its last unit.
      if (unlabelled && last && !opensParagraph && this.lastEndsOpen(last)) {
        this.appendPiece(last, span);
        continue;
      }
      if (unlabelled && last && this.continuesAfterComma(readings, index) && /[,،，]$/u.test(withoutTrailingCalls(this.lastText(last)))) {
        // Lower-case text after a paragraph that stops at a comma: a page break split the sentence
        // there ("… consisting of 21 members," / "participating in their personal capacity …;").
        this.appendPiece(last, span);
        continue;
      }
      if (unlabelled && isLowerCaseLetterAt(this.text, span.start) && !opener?.match) {
        // Lower-case text after a finished paragraph: the rest of an earlier paragraph that the
        // extraction moved (a page break reordered). Kept as it is, and remembered as displaced.
        this.addBlock('unclassified', span.start, span.end);
        this.displaced.push(span);
        continue;
      }
      if (number && last && this.continuesQuotation(number, last)) {
        // "2. The President may permit …”" inside a rule quoted from "“1. No proposal …;": the quotation's words.
        this.appendPiece(last, span);
        continue;
      }
      if (number && last && this.nestsNumberedItem(number, last, opensParagraph && opener?.match?.kind === 'operative')) {
        this.addSub(last, undefined, span, readings.textStart(index), number);
        continue;
      }
      if (subLabel || (number?.style === 'parens' && last && !this.standsOutsideList(readings, index, last, opensParagraph) && (this.lastEndsWithColon(last) || last.subStack.length > 0))) {
        if (last) {
          this.addSub(last, subLabel, span, readings.textStart(index), number, index + 1 < readings.count ? readings.subLabel(index + 1)?.name : undefined);
          continue;
        }
      }
      if (!number && this.isHeading(readings, index, inOperative && index > operativeStart)) {
        this.addBlockOver('heading', span);
        continue;
      }
      let kind: ParagraphKind = inOperative ? 'operative' : 'preambular';
      if (!number && inOperative && last) {
        // Inside a list, an unnumbered paragraph is an item whose label the copy lost: right after
        // "…:", among items already unlabelled, or (unless it opens with an operative verb, which
        // makes it a paragraph that lost its number) after labelled items ("To continue …").
        const deepest = last.subStack[last.subStack.length - 1];
        const listContext = this.lastEndsWithColon(last)
          || (deepest !== undefined && deepest.label === undefined)
          || (deepest !== undefined && opener?.match?.kind !== 'operative');
        if (listContext) {
          // A list item whose label the PDF extraction lost ("To continue …" after "Requests …:").
          this.addSub(last, undefined, span, span.start, undefined);
          continue;
        }
        // After the operative part has begun, a participle opens a misplaced preambular paragraph
        // (section-order); but not where the numbers around it leave one out ("2." above, "4." below):
        // there it is paragraph 3 that lost its number, in the wrong form (« Prenant note … » for
        // « 3. Prend note … »), and moving it into the preamble with a comma would lose the decision.
        if (opener?.match?.kind === 'preambular' && index > operativeStart && !this.oneNumberMissingAround(readings, index)) kind = 'preambular';
      }
      if (!inOperative && this.isNumberedPreambular(readings, index)) kind = 'preambular';
      const numberLine = this.chunks.numberLine(chunk);
      if (last) kept.add(this.freezeParagraph(last), preambular, operative);
      last = paragraph.begin(kind, numberLine && number ? [new SpanNode(numberLine.start, numberLine.end), span] : listOf(span), readings, index, section);
    }
    if (last) kept.add(this.freezeParagraph(last), preambular, operative);
  }

  /**
   * Where the operative part of a section begins: at the first numbered paragraph that does not open
   * like a preambular one (or at the "Resolves:" that introduces it); without numbers, at the first
   * paragraph that opens with an operative form; failing that, at the last one that ends a sentence.
   */
  private operativeStart(readings: ChunkReadings, from: number, to: number, lastSection: boolean): number {
    for (let index = from; index < to; index++) {
      const number = readings.number(index);
      if (!number || number.style === 'parens' || this.isNumberedPreambular(readings, index) || this.nestedListItemAt(readings, index, from)) continue;
      const before = index - 1;
      const introduces = before >= from && !readings.number(before) && readings.opener(before)?.match?.kind === 'operative' && this.readingText(readings, before).trimEnd().endsWith(':');
      if (introduces) return before;
      // The first operative paragraph typed without its number, or with another kind ("(1) Urges …;",
      // "Urges …;" over "2. Requests …"): an operative form that ends as an operative paragraph does.
      // Read as the preamble's, its fixes made it "Urging …," and dropped a paragraph of the decision.
      // Only where the numbers leave it room: above "1." such a paragraph is the preamble's, in the
      // wrong form ("Notes with concern …;" over "1. Takes note …"), and numbering it renumbered all.
      let start = index;
      let found = 0;
      for (;;) {
        // Its items first, where it introduces some ("Decides …:" over "(a) …;"): it ends with the colon.
        let above = start - 1;
        while (above > from && this.itemOrItsRest(readings, above)) above--;
        const introduces = above < start - 1;
        if (above < from || number.value - found <= 1 || !this.opensOperativeWithoutItsNumber(readings, above, introduces)) break;
        start = above;
        found++;
      }
      return start;
    }
    // Unnumbered: at the first operative form after which no paragraph opens like a preambular one
    // ("Recalls …" first in a preamble is a preambular paragraph in the wrong form, not the operative part).
    let lastPreambular = -1;
    for (let index = from; index < to; index++) {
      if (!readings.subLabel(index) && readings.opener(index)?.match?.kind === 'preambular') lastPreambular = index;
    }
    for (let index = Math.max(from, lastPreambular + 1); index < to; index++) {
      const match = readings.opener(index)?.match;
      if (!readings.subLabel(index) && match?.kind === 'operative' && !match.entry.opensOperativeClause) return index;
    }
    // A section before others ("A", "B" follow) with no operative form is a preamble. The last one
    // ends with its operative paragraph, chosen by place, not by its final mark: a fix to that
    // mark must not turn the paragraph into another kind.
    if (!lastSection) return -1;
    for (let index = to - 1; index >= from; index--) {
      // A decision's one sentence ("The General Assembly, recalling …, decides …") reads no opener: its subject stands for one.
      if (!readings.subLabel(index) && !this.chunks.opensLikeClosing(readings.chunk(index)) && (readings.opener(index) || readings.subject(index)) && !this.isSectionMarkerAt(readings, index)) {
        // A preambular form there that ends as a preambular paragraph does ("Reaffirming …,", or with no
        // mark yet) ends a preamble still being written, with no operative part: made operative, its fix
        // turned a reason into a decision ("Reaffirms …"). Ending with a full stop, a semicolon or a colon
        // ("Deciding … .", "Deciding:" over its items), it is the text's one operative paragraph in the
        // wrong form. Either reading is one its fixes keep.
        if (readings.opener(index)?.match?.kind === 'preambular') {
          const ending = withoutTrailingCalls(this.readingText(readings, index)).trimEnd();
          const last = ending.charAt(ending.length - 1);
          if (last !== '.' && last !== ';' && last !== ':') return -1;
        }
        return index;
      }
    }
    return -1;
  }

  /**
   * Whether the chunk labelled `label` ("a.", "b)", "(c)") is an operative paragraph lettered as an
   * item is, not an item: it opens with a capitalised operative form (not a clause before the verb,
   * "Acting under Chapter VII"), and either it is the first number of its part, right under the
   * chapeau or under a paragraph ending with a comma that opens with no operative form (a preambular
   * one: items stand under a colon),
   * or it follows such a lettered paragraph, in the same brackets, with no other number between and
   * no colon just above; or, whatever it opens with, it is the next letter right under one (no item
   * between: "(b) Pending …, urges …" under "(a) Demands …;"). Read as an item, its fixes made it
   * "(a)" and the preamble's last paragraph end with a colon: the decision was lost in the preamble.
   */
  private isLetteredOperative(readings: ChunkReadings, label: SubLabel, opener: Opener | undefined, partIndex: number, numberedBefore: boolean, lettered: SubLabel | undefined,
    rightUnderLettered: boolean, numberFollows: () => boolean): boolean {
    if (label.insertSuffix !== undefined) return false;
    const value = letterIndex(label.name);
    if (Number.isNaN(value)) return false;
    const above = readings.count - 1;
    const ending = above >= 0 ? withoutTrailingCalls(this.readingText(readings, above)).trimEnd() : '';
    const match = opener?.match;
    if (match?.kind !== 'operative' || match.entry.opensOperativeClause || !isCapitalAt(this.text, (opener as Opener).span.start)) {
      // The next letter right under a lettered paragraph (no item of it between), in its brackets, under no
      // colon, whatever it opens with ("(b) Pending the total elimination …, urges …"): a list of that
      // paragraph's items would begin at (a). Read as an item, its fixes relettered it "(a)" and gave the
      // paragraph above a colon.
      return lettered !== undefined && rightUnderLettered && label.kind === 'letter' && label.bracket === lettered.bracket && value === letterIndex(lettered.name) + 1 && !ending.endsWith(':');
    }
    if (lettered) {
      // "i." after "h." is the ninth letter; alone, a roman numeral.
      if (label.bracket !== lettered.bracket || (label.kind === 'roman' && letterIndex(lettered.name) + 1 !== value)) return false;
      return !ending.endsWith(':');
    }
    // A number below ("… recommends that the Assembly," over "(a) Urges …;", "(b) Requests …;" and "1.
    // Decides …"): the draft's own "1." says where its operative part begins; the letters are items.
    if (numberedBefore || label.kind !== 'letter' || numberFollows()) return false;
    if (above < 0) return this.chapeaus[partIndex] !== undefined;
    // Under an operative form ending with a comma ("Decides that …,"), a lettered line is that paragraph's item.
    if (readings.opener(above)?.match?.kind === 'operative') return false;
    return /[,،，]$/u.test(ending) || ending.endsWith(conventionsOf(this.language).paragraphMarks.preambular);
  }

  /** Where a chunk's words start: past the quotation mark a quoted draft's paragraphs open with. */
  private wordsStartOf(span: Span, quoted: boolean): number {
    return quoted ? span.start + openingQuoteLength(this.text, span.start, span.end) : span.start;
  }

  /** The number a chunk opens with, on its number line or where its words start (`wordsStart`). */
  private chunkNumber(chunk: number, wordsStart: number): NumberLabel | undefined {
    const numberLine = this.chunks.numberLine(chunk);
    const number = readNumberLabel(this.text, numberLine?.start ?? wordsStart);
    if (number || numberLine || this.text.charCodeAt(wordsStart) !== 91 /* [ */) return number;
    // A whole paragraph in square brackets under negotiation ("[2. Requests …;]") keeps its number:
    // read past the bracket, it is paragraph 2 still, not a heading that numbering skips.
    const bracketed = readNumberLabel(this.text, wordsStart + 1);
    return bracketed && (bracketed.style === 'dot' || bracketed.style === 'label') ? bracketed : undefined;
  }

  /** The last chunk of [from, to) that opens with a paragraph's number (a bare one aside), or -1. */
  private lastNumberedChunk(from: number, to: number, quoted: boolean): number {
    for (let chunk = to - 1; chunk >= from; chunk--) {
      if (this.chunks.region(chunk) !== 'body') continue;
      const number = this.chunkNumber(chunk, this.wordsStartOf(this.chunkSpan(chunk), quoted));
      if (!number || number.style === 'bare' || this.isItemNumberUnderColon(number, chunk, from)) continue;
      return chunk;
    }
    return -1;
  }

  /**
   * Whether `number`, chunk `chunk`'s, is "(1)" right under a colon ("a. Affirms … principles:" over
   * "(1) Withdrawal …;" and "(ii) Termination …;"): a scan's "(i)", an item of the paragraph above, so
   * neither a number of the part below lettered paragraphs nor an end to their letters.
   */
  private isItemNumberUnderColon(number: NumberLabel, chunk: number, from: number): boolean {
    if (number.style !== 'parens') return false;
    for (let above = chunk - 1; above >= from; above--) {
      if (this.chunks.region(above) !== 'body') continue;
      const span = this.chunkSpan(above);
      return withoutTrailingCalls(this.text.slice(span.start, span.end)).trimEnd().endsWith(':');
    }
    return false;
  }

  /** Whether the chunk at `index` is an item ("(a) …", "b) …") or text under one: neither a paragraph's number nor a paragraph's opener. */
  private itemOrItsRest(readings: ChunkReadings, index: number): boolean {
    if (readings.subLabel(index)) return true;
    const number = readings.number(index);
    const kind = readings.opener(index)?.match?.kind;
    return (number === undefined || number.style === 'parens') && kind !== 'operative' && kind !== 'preambular';
  }

  /**
   * Whether the paragraph at `index` is an operative one that lost its number or has another kind of
   * it: no label or a bracketed number ("(1)"), an operative form (not a clause before its verb,
   * "Acting under Chapter VII"), and a semicolon or a full stop at its end, where a preambular one
   * has a comma; a colon where it introduces the items below it (`introducesItems`).
   */
  private opensOperativeWithoutItsNumber(readings: ChunkReadings, index: number, introducesItems = false): boolean {
    const number = readings.number(index);
    if (readings.subLabel(index) || (number && number.style !== 'parens')) return false;
    const match = readings.opener(index)?.match;
    if (match?.kind !== 'operative' || match.entry.opensOperativeClause) return false;
    const ending = withoutTrailingCalls(this.readingText(readings, index)).trimEnd();
    const last = ending.charAt(ending.length - 1);
    if (introducesItems) return last === ':';
    return last === ';' || last === '.' || last === conventionsOf(this.language).paragraphMarks.operative;
  }

  /**
   * Footnote texts left between paragraphs by an extraction that lost the rule line above them:
   * lines each of the form "2 United Nations, Treaty Series …." or "1/ S/24476, annex.". Taken as
   * footnotes only when every line of the chunk is one; returns whether it did.
   */
  private readStrayFootnotes(chunk: number): boolean {
    // Every line must open with a footnote's number: a chunk whose first line opens otherwise is out at once.
    const chunkStart = this.chunks.start(chunk);
    const firstCode = chunkStart < this.chunks.end(chunk) ? this.text.charCodeAt(chunkStart) : 0;
    if (firstCode < 48 || firstCode > 57) return false;
    const lines = this.chunks.linesOf(chunk, this.text);
    const labels = lines.map((line) => bareFootnoteTextPattern.exec(line.content));
    const numbers = labels.map((label) => Number(label?.[1]));
    const allFootnotes = labels.every((label) => label !== null)
      && numbers.every((number, index) => number < 1000 && (index === 0 || number > (numbers[index - 1] ?? 0)))
      && lines.every((line) => /[.)]$/.test(line.content));
    if (!allFootnotes) return false;
    // As in a page's footnote block, the numbers run on from the footnotes above (by two at most, where
    // a copy lost one): "20 December 2006." after footnote 1, or before any, is a date, not footnote 20.
    let highestAbove = 0;
    for (const footnote of this.footnoteTexts) if (footnote.span.start < chunkStart) highestAbove = Math.max(highestAbove, footnote.number);
    if ((numbers[0] ?? 0) > highestAbove + 2) return false;
    lines.forEach((line, index) => {
      const label = labels[index] as RegExpExecArray;
      const labelEnd = line.contentStart + (label[0] ?? '').trimEnd().length;
      const bodyStart = this.skipSpaces(labelEnd);
      this.footnoteTexts.push(new FootnoteTextNode(
        new SpanNode(line.contentStart, line.contentEnd),
        new SpanNode(line.contentStart, labelEnd),
        numbers[index] ?? 0,
        new SpanNode(bodyStart, line.contentEnd),
        this.text.slice(bodyStart, line.contentEnd),
        'bare',
        'page-foot',
        undefined,
      ));
    });
    return true;
  }

  /**
   * A numbered paragraph that is a preambular one carrying a number: it opens with a preambular form
   * and ends as preambular paragraphs do, with a comma. "1. Urging …;" is an operative paragraph
   * in the wrong form, not a numbered preamble. Its end is read after the chunks that continue it
   * past a page break ("… consisting of 21 members," over "participating in …;").
   */
  private isNumberedPreambular(readings: ChunkReadings, index: number): boolean {
    // A scan's marks are not to be trusted: there, a numbered paragraph is an operative one.
    const number = readings.number(index);
    if (index >= readings.count || !number || readings.opener(index)?.match?.kind !== 'preambular' || this.scanned) return false;
    // A negotiation draft's "PP2" says so itself, whatever its paragraph ends with: "PP2 [Noting …,]".
    if (number.style === 'label' && number.text.startsWith('PP')) return true;
    const endsWithComma = (text: string): boolean => /[,،，]$/u.test(text) || text.endsWith(conventionsOf(this.language).paragraphMarks.preambular);
    let ending = withoutTrailingCalls(this.readingText(readings, index));
    for (let next = index + 1; next < readings.count && endsWithComma(ending) && this.continuesAfterComma(readings, next); next++) {
      ending = withoutTrailingCalls(this.readingText(readings, next));
    }
    return endsWithComma(ending);
  }

  /** Lower-case text with no label and no opener: the rest of a paragraph that a page break split after a comma. */
  private continuesAfterComma(readings: ChunkReadings, at: number): boolean {
    // Read in the text, with no slice: a chunk's text starts at its span's start.
    return !readings.number(at) && !readings.subLabel(at) && !readings.opener(at)?.match && isLowerCaseLetterAt(this.text, readings.span(at).start);
  }

  /**
   * The text of chunk reading `at`, made where it is asked for, not kept with the readings: they live
   * to the end of their part's classification, and on a long draft what lives that long is copied by
   * the young generation's collections and moved to the old one.
   */
  private readingText(readings: ChunkReadings, at: number): string {
    const span = readings.span(at);
    return this.text.slice(span.start, span.end);
  }

  /** isSectionMarker on reading `at`'s text, passing the longer ones (most) before any slice is made. */
  private isSectionMarkerAt(readings: ChunkReadings, at: number): boolean {
    const span = readings.span(at);
    return span.end - span.start <= 7 && isSectionMarker(this.text.slice(span.start, span.end));
  }

  /**
   * A chunk of the first `lineBounds` numbers of `lines` (each line's content start and end; not none).
   * `opensClosing`: whether it opens like a closing line, where the walk knows already.
   */
  private addChunk(lines: readonly number[], lineBounds: number, region: ChunkRegion, partIndex: number, numberLine: Span | undefined, opensClosing?: boolean): void {
    this.chunks.add(lines, lineBounds, region, partIndex, numberLine, opensClosing ?? this.opensLikeClosing(lines, lineBounds));
  }

  /**
   * Whether the chunk of `lines` opens like a closing line ("84th plenary meeting", "Adopted …"):
   * asked once a chunk, while the walk has its text at hand. Asked again later of every chunk, at
   * its place in a text of megabytes, it was a cache miss each time: on a 10 MB draft, 14 ms.
   */
  private opensLikeClosing(lines: readonly number[], lineBounds: number): boolean {
    const start = lines[0] ?? 0;
    const end = lines[lineBounds - 1] ?? start;
    // No closing line is near 200 characters long: the pattern is anchored, and its words are short.
    return opensAsClosingLine(this.text, start, Math.min(end, start + 200));
  }

  /**
   * A short line that ends no sentence and opens with no known opener: "I", "A.", "Global context".
   * Its text is sliced only where the span cannot decide (most chunks open with an opener).
   */
  private isHeading(readings: ChunkReadings, at: number, afterOperativeStart = false): boolean {
    if (this.isSectionMarkerAt(readings, at)) return true;
    const span = readings.span(at);
    if (isPartLabel(this.text, span.start, span.end)) return true;
    if (span.end - span.start > headingMostUnits) return false;
    const match = readings.opener(at)?.match;
    if (match) {
      // Among operative paragraphs, a short line with no mark whose first word is an opener's in no
      // form of either part ("Review of the fund") heads the paragraphs under it: read as a paragraph,
      // its fixes numbered it and made "Reviews of the fund;" of it. Not where the numbers around it
      // leave a gap ("2." above, "4." below) or none follows: there it is a paragraph that lost its
      // number and its mark ("Request the Secretary-General to report"); nor a preambular form, which
      // is a preambular paragraph out of place (section-order's).
      if (!afterOperativeStart || match.kind !== 'other' || !this.numbersRunOnAround(readings, at)) return false;
      const line = this.readingText(readings, at);
      return !line.includes('\n') && endsOpen(line) && line.split(/\s+/).length <= headingWithOpenerMostWords;
    }
    const content = this.readingText(readings, at);
    // A quotation ('"11. Decides that …"', the text a paragraph replaces another's with) heads nothing.
    if (openingQuotes.includes(content.charAt(0))) return false;
    return !content.includes('\n') && endsOpen(content) && content.split(/\s+/).length <= headingMostWords;
  }

  /** Whether the nearest numbered chunks before and after `at` are numbered n and n + 1: nothing between them lost its number. */
  private numbersRunOnAround(readings: ChunkReadings, at: number): boolean {
    const [before, after] = this.numbersAround(readings, at);
    return before !== undefined && after === before + 1;
  }

  /** Whether the nearest numbered chunks before and after `at` are numbered n and n + 2: the one between lost its number. */
  private oneNumberMissingAround(readings: ChunkReadings, at: number): boolean {
    const [before, after] = this.numbersAround(readings, at);
    return before !== undefined && after === before + 2;
  }

  /** The numbers of the nearest numbered chunks before and after `at` (items aside). */
  private numbersAround(readings: ChunkReadings, at: number): readonly [number | undefined, number | undefined] {
    let before: number | undefined;
    for (let index = at - 1; index >= 0 && before === undefined; index--) if (!readings.subLabel(index)) before = readings.number(index)?.value;
    let after: number | undefined;
    for (let index = at + 1; index < readings.count && after === undefined; index++) if (!readings.subLabel(index)) after = readings.number(index)?.value;
    return [before, after];
  }

  /** The text of the paragraph's last element (its last sub-paragraph, or itself). */
  private lastText(paragraph: MutableParagraph): string {
    const piece = this.lastPieceOf(paragraph);
    return piece ? this.text.slice(piece.start, piece.end).trimEnd() : '';
  }

  /** `this.lastText(paragraph).endsWith(':')`, read in place: no slice of a piece that may be long. */
  private lastEndsWithColon(paragraph: MutableParagraph): boolean {
    const deepest = paragraph.subStack[paragraph.subStack.length - 1];
    return this.endsWithColon(deepest ? deepest.pieces : paragraph.pieces);
  }

  /** Whether the last of `pieces` ends with a colon, white space aside, read in place. */
  private endsWithColon(pieces: readonly Span[]): boolean {
    const piece = pieces[pieces.length - 1];
    if (!piece) return false;
    let end = piece.end;
    while (end > piece.start && isSpaceCode(this.text.charCodeAt(end - 1))) end--;
    return end > piece.start && this.text.charCodeAt(end - 1) === 58 /* : */;
  }

  /** `endsOpen(this.lastText(paragraph))`, read in place where the last unit decides. */
  private lastEndsOpen(paragraph: MutableParagraph): boolean {
    const piece = this.lastPieceOf(paragraph);
    return piece ? endsOpenIn(this.text, piece.start, piece.end) : endsOpen('');
  }

  /** The last piece of the paragraph's last element (its last sub-paragraph, or itself). */
  private lastPieceOf(paragraph: MutableParagraph): Span | undefined {
    const deepest = paragraph.subStack[paragraph.subStack.length - 1];
    const pieces = deepest ? deepest.pieces : paragraph.pieces;
    return pieces[pieces.length - 1];
  }

  private appendPiece(paragraph: MutableParagraph, span: Span): void {
    const deepest = paragraph.subStack[paragraph.subStack.length - 1];
    if (deepest) {
      deepest.pieces.push(span);
      for (const open of paragraph.subStack) open.span = new SpanNode(open.span.start, span.end);
    } else {
      paragraph.pieces.push(span);
    }
    // The paragraph's own pieces end where its sub-paragraphs begin; its full span is computed when frozen.
  }

  /** `nextLabelName`: the name of the label the next chunk opens with, if any ("ii" under "(i)"). */
  private addSub(paragraph: MutableParagraph, label: SubLabel | undefined, span: Span, textStart: number, number?: NumberLabel, nextLabelName?: string): void {
    // The paragraph's first sub-paragraph: its lists of its own (until now both were the shared empty one).
    if (paragraph.subStack === noOpenSubs) {
      paragraph.subStack = emptyList();
      paragraph.subparagraphs = emptyList();
    }
    const stack = paragraph.subStack;
    // Re-read "(i)" now that the letter before it is known: after "(h)" it is a letter.
    let effective = label;
    const letterSibling = [...stack].reverse().find((open) => open.label?.kind === 'letter' && open.label.bracket !== 'dot');
    // Indented deeper than that letter, "(i)" opens a list of numerals inside it: "(h) To act:" over "   (i) To share".
    const nestedUnderSibling = label && letterSibling?.label ? indentedDeeper(this.text, label.span.start, letterSibling.label.span.start) : false;
    if (nestedUnderSibling) {
      // Read as it stands: "(i)", "(v)", "(x)" without a letter before them are numerals.
    } else if (label && label.kind !== 'letter') {
      const reread = readSubLabel(this.text, label.span.start, letterSibling?.label?.name);
      // "(h) To take measures, including:" over "(i) …" and "(ii) …", all flush left: the colon opens a
      // list, and the numeral after this one says it is in numerals. Read as the letter after "h", the
      // "(ii)" under it began a list of its own, and the fixes relettered the items.
      const opensNumerals = reread?.kind === 'letter' && letterSibling !== undefined && this.endsWithColon(letterSibling.pieces)
        && nextLabelName !== undefined && nextLabelName === romanAfter.get(label.name);
      if (reread && !opensNumerals) effective = reread;
      // "(i)" right after "(g) …;" (an "(h)" lost or mislabelled): a numeral would open a list under an item
      // that ends as a finished one does, with no colon to introduce it. It is the letter out of sequence,
      // which subparagraph-sequence reports; read as a numeral, the fixes gave "(g)" a colon.
      const lettersOn = letterSibling?.label ? letterIndex(label.name) - letterIndex(letterSibling.label.name) : Number.NaN;
      if (effective?.kind === 'roman' && letterSibling !== undefined && stack[stack.length - 1] === letterSibling && lettersOn >= 2 && lettersOn <= 3 && !this.endsWithColon(letterSibling.pieces)
        && !(nextLabelName !== undefined && nextLabelName === romanAfter.get(label.name))) {
        effective = new SubLabelNode(label.span, label.text, label.name, 'letter', label.bracket, label.insertSuffix);
      }
    } else if (label && letterSibling?.label && letterSibling.level === 1) {
      const reread = readSubLabel(this.text, label.span.start, letterSibling.label.name);
      if (reread) effective = reread;
    }
    // "(1)" (a scan's misread numeral), or an item of a numbered list: "1." or "1)".
    const numberLabel: SubLabel | undefined = number
      ? new SubLabelNode(number.span, number.text, String(number.value), 'number', number.style === 'dot' ? 'dot' : number.style === 'paren-close' ? 'close' : 'parens')
      : undefined;
    const finalLabel = effective ?? numberLabel;
    const level = this.levelOf(finalLabel, stack);
    while (stack.length > 0 && (stack[stack.length - 1] as MutableSub).level >= level) stack.pop();
    const sub = new MutableSub(span, listOf(span), finalLabel, level, textStart, emptyList());
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(sub);
    else paragraph.subparagraphs.push(sub);
    stack.push(sub);
    for (const open of stack) open.span = new SpanNode(open.span.start, Math.max(open.span.end, span.end));
  }

  private levelOf(label: SubLabel | undefined, stack: readonly MutableSub[]): number {
    const top = stack[stack.length - 1];
    if (!label) return top && top.label === undefined ? top.level : 1;
    // "a." and "i." stand below "(a)" and "(i)"; a numbered list's "1." stands where "(a)" would.
    const base = label.bracket === 'dot' && label.kind !== 'number' ? 3 : 1;
    if (label.kind === 'letter') return base;
    // Roman numerals (and misread digits) nest under the letter item they follow, if there is one.
    const underLetter = stack.some((open) => open.label?.kind === 'letter' && open.level === base);
    return underLetter ? base + 1 : base;
  }

  private freezeSub(sub: MutableSub): SubParagraph {
    const children = sub.children.length === 0 ? noSubparagraphs : sub.children.map((child) => this.freezeSub(child));
    const ownEnd = children[0] ? children[0].span.start : sub.span.end;
    const text = this.piecesText(sub.pieces, ownEnd);
    return new SubParagraphNode(sub.span, sub.pieces, sub.label, sub.level, sub.textStart, text, this.lastCharacterOf(sub.pieces, ownEnd), children);
  }

  private freezeParagraph(paragraph: MutableParagraph): Paragraph {
    const subparagraphs = paragraph.subparagraphs.length === 0 ? noSubparagraphs : paragraph.subparagraphs.map((sub) => this.freezeSub(sub));
    const first = paragraph.pieces[0] as Span;
    const lastPiece = paragraph.pieces[paragraph.pieces.length - 1] as Span;
    const lastSub = subparagraphs[subparagraphs.length - 1];
    const end = Math.max(lastPiece.end, lastSub ? lastSub.span.end : 0);
    const ownEnd = subparagraphs[0] ? subparagraphs[0].span.start : end;
    const start = Math.min(first.start, paragraph.number?.span.start ?? first.start);
    return new ParagraphNode(
      paragraph.kind,
      // A paragraph of one piece (most are) shares the piece's span: spans are values, never changed.
      start === first.start && end === first.end ? first : new SpanNode(start, end),
      paragraph.pieces,
      paragraph.number,
      paragraph.opener,
      paragraph.subject,
      paragraph.textStart,
      this.piecesText(paragraph.pieces, ownEnd),
      this.lastCharacterOf(paragraph.pieces, ownEnd),
      subparagraphs,
      paragraph.partIndex,
      paragraph.sectionIndex,
    );
  }

  /** The pieces' text up to `limit`, joined by a space; line breaks inside a piece are kept. */
  private piecesText(pieces: readonly Span[], limit: number): string {
    let text = '';
    for (const piece of pieces) {
      if (piece.start >= limit) continue;
      const part = this.text.slice(piece.start, Math.min(piece.end, limit)).trim();
      text = text === '' ? part : `${text} ${part}`;
    }
    return text;
  }

  private lastCharacterOf(pieces: readonly Span[], limit: number): Span | undefined {
    for (let index = pieces.length - 1; index >= 0; index--) {
      const piece = pieces[index] as Span;
      if (piece.start >= limit) continue;
      let end = Math.min(piece.end, limit);
      while (end > piece.start && isSpaceCode(this.text.charCodeAt(end - 1))) end--;
      if (end > piece.start) return new SpanNode(end - 1, end);
    }
    return undefined;
  }

  // ---- pass 3: footnote calls and cross-references -------------------------------------------

  /**
   * Where footnote calls are looked for: the paragraphs' `pieces` (in text order), and the blocks that
   * may carry one, in text order too (a piece before a block that starts where it does, as a stable
   * sort of the pieces and then the blocks would give).
   */
  private searchableSpans(pieces: readonly Span[]): SearchSpan[] {
    const definedOnly = (span: Span): SearchSpan => new DefinedOnlySpan(span.start, span.end);
    /** The block's span as searched, or undefined for a block that carries no call. */
    const searchable = (block: Block): SearchSpan | undefined => {
      // A yearbook's heading line may carry a call: "6 (1946). Resolution of 17 May 1946 21".
      if (block.kind === 'header') return definedOnly(block.span);
      if (block.kind !== 'closing' && block.kind !== 'heading' && block.kind !== 'unclassified' && block.kind !== 'annex-heading') return undefined;
      // An annex's lists and tables are full of numbers: there, a bare number is a call only if its text exists.
      return this.inAnnex(block.span.start) ? definedOnly(block.span) : block.span;
    };
    // The blocks are sorted by now (run sorts them first): merged with the pieces in one pass, no list of their own.
    const blocks = this.blocks;
    let next = 0;
    /** The next block that may carry a call, as searched; undefined past the last. */
    const nextBlock = (): SearchSpan | undefined => {
      while (next < blocks.length) {
        const span = searchable(blocks[next++] as Block);
        if (span) return span;
      }
      return undefined;
    };
    let block = nextBlock();
    if (!block) return pieces as SearchSpan[];
    const spans: SearchSpan[] = [];
    for (const piece of pieces) {
      for (; block && block.start < piece.start; block = nextBlock()) spans.push(block);
      spans.push(piece);
    }
    for (; block; block = nextBlock()) spans.push(block);
    return spans;
  }

  /** The spans the footnote calls are searched in: `searchableSpans`, with the calls after chapeaus (rare) in their places. */
  private searchableSpansWithChapeauCalls(pieces: readonly Span[]): SearchSpan[] {
    const spans = this.searchableSpans(pieces);
    return this.chapeauCalls.length === 0 ? spans : [...spans, ...this.chapeauCalls].sort((a, b) => a.start - b.start);
  }

}

/**
 * Whether the label at `offset` and the one at `siblingOffset` each start their lines, the first
 * after more white space: it stands indented under the other.
 */
function indentedDeeper(text: string, offset: number, siblingOffset: number): boolean {
  const indent = indentBefore(text, offset);
  const siblingIndent = indentBefore(text, siblingOffset);
  return indent >= 0 && siblingIndent >= 0 && indent > siblingIndent;
}

/** The white space between the line's start and `offset`, or -1 when other text stands there. */
function indentBefore(text: string, offset: number): number {
  let position = offset;
  while (position > 0) {
    const code = text.charCodeAt(position - 1);
    if (code === 10 || code === 13) break;
    if (code !== 32 && code !== 9 && code !== 0xa0) return -1;
    position--;
  }
  return offset - position;
}
