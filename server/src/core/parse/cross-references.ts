// Cross-references to the resolution's own operative paragraphs: "paragraph 5 above",
// "paragraphs 3 and 4 below", "paragraphs 2 to 6 of the present resolution", "paragraph 7 (c)
// above", "subparagraph (b) above". Only references that say they point into this text (by
// "above", "below" or "of the present resolution") are read: a bare "paragraph 3" in a UN text
// most often cites another document ("paragraph 3, of the Convention").
import type { Lexicon } from '../lexicon/lexicon';
import type { CrossReference, ReferencedLabel, ReferencedNumber, Span } from '../model';
import { digitsValue, isAsciiLowerCode, isDigitCode } from '../text-scan';
import { isSpaceCode } from './lines';
import { literalPlaces } from './whole-text-search';
import { CrossReferenceNode, ReferencedLabelNode, ReferencedNumberNode, SpanNode, type ReferencedLabels } from './nodes';
import { romanIndex } from './labels';
import { emptyList } from '../records';
import { firstWhere } from '../structure';

/** Where reading is in the text, and where it must stop (the span's end): one per search, moved to each head. */
interface Scanner {
  readonly text: string;
  position: number;
  end: number;
}

/** Past white space (/[\s\u00A0]+/ read by code: a pattern's match was a list made at every word read). */
function skipSpace(scanner: Scanner): void {
  const { text } = scanner;
  let position = scanner.position;
  while (position < text.length && isSpaceCode(text.charCodeAt(position))) position++;
  scanner.position = position;
}

/**
 * One of the lexicon's lists of words as `readWord` reads it, made once per lexicon (`referenceWordsOf`):
 * each word's lower case, and the list's first units, were worked out again at every word read.
 */
interface WordList {
  /** As the lexicon writes them: what `readWord` gives back. */
  readonly words: readonly string[];
  readonly lowerCase: readonly string[];
  /** Whether each lower-case word ends with a letter or digit, after which no letter or digit may follow. */
  readonly endsWithWordUnit: readonly boolean[];
  /** The lower-case first units (ASCII only; undefined when some word starts otherwise), for a test before any copy. */
  readonly firstUnits: ReadonlySet<number> | undefined;
}

function wordList(words: readonly string[]): WordList {
  const lowerCase = words.map((word) => word.toLowerCase());
  const units = lowerCase.map((word) => word.charCodeAt(0));
  return {
    words,
    lowerCase,
    endsWithWordUnit: lowerCase.map((word) => endsWithLetterOrDigit.test(word)),
    firstUnits: units.every((unit) => unit < 128) ? new Set(units) : undefined,
  };
}

/** Reads one of `list`'s words (case-insensitive, as whole words) at the scanner's position, after white space. */
function readWord(scanner: Scanner, list: WordList): string | undefined {
  const start = scanner.position;
  skipSpace(scanner);
  // An ASCII character no word starts with (in either case) starts none of them: most heads are read no further.
  const code = scanner.position < scanner.end ? scanner.text.charCodeAt(scanner.position) : -1;
  const { firstUnits, lowerCase, endsWithWordUnit } = list;
  if (firstUnits && code >= 0 && code < 128 && !firstUnits.has(code >= 65 && code <= 90 ? code | 0x20 : code)) {
    scanner.position = start;
    return undefined;
  }
  const limit = Math.min(scanner.end, scanner.position + 40);
  for (let index = 0; index < lowerCase.length; index++) {
    const normalized = lowerCase[index] as string;
    if (!spellsWord(scanner.text, scanner.position, limit, normalized, endsWithWordUnit[index] as boolean)) continue;
    scanner.position += normalized.length;
    return list.words[index];
  }
  scanner.position = start;
  return undefined;
}

/**
 * Whether the text from `position`, up to `limit` and lower-cased, starts with `normalized` as a whole
 * word (not followed by a letter or digit when it ends with one). Read by code, in one pass, while the
 * text is ASCII: a slice and its lower case at every word tried were a quarter of what the references
 * allocated. A unit outside ASCII sends the rest to the slow way, which reads an ASCII prefix as this does.
 */
function spellsWord(text: string, position: number, limit: number, normalized: string, endsWithWordUnit: boolean): boolean {
  const length = normalized.length;
  for (let index = 0; index < length; index++) {
    if (position + index >= limit) return false;
    const code = text.charCodeAt(position + index);
    if (code >= 128) return slowSpellsWord(text, position, limit, normalized, endsWithWordUnit);
    if ((code >= 65 && code <= 90 ? code | 0x20 : code) !== normalized.charCodeAt(index)) return false;
  }
  if (position + length >= limit) return true;
  const next = text.charCodeAt(position + length);
  if (next >= 128) return slowSpellsWord(text, position, limit, normalized, endsWithWordUnit);
  return !(isAsciiLetterOrDigit(next) && endsWithWordUnit);
}

const endsWithLetterOrDigit = /[\p{L}\d]$/u;

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** `spellsWord` by the lower-cased slice, for text outside ASCII (whose lower case may differ in length). */
function slowSpellsWord(text: string, position: number, limit: number, normalized: string, endsWithWordUnit: boolean): boolean {
  const rest = text.slice(position, limit).toLowerCase();
  if (!rest.startsWith(normalized)) return false;
  const next = rest[normalized.length] ?? '';
  return !(/[\p{L}\d]/u.test(next) && endsWithWordUnit);
}

/** The lexicon's words for reading what follows a head, as `readWord` takes them: made once per lexicon, with its heads. */
interface ReferenceWords {
  /** The words between numbers or labels ("and", "to" …), of the lexicon's lists and ranges. */
  readonly separators: WordList;
  /** Those of them that make a range. */
  readonly range: readonly string[];
  readonly above: WordList;
  readonly below: WordList;
  /** Each "of the present resolution" phrase's words, each word a list of one. */
  readonly thisText: readonly (readonly WordList[])[];
  /** Each "of paragraph" phrase's words, as `thisText`'s. */
  readonly ofParagraph: readonly (readonly WordList[])[];
  /** The words for a sub-paragraph ("subparagraph", « alinéa »), as in "paragraph 1, subparagraph (f), above". */
  readonly subparagraph: WordList;
  /** The words for a paragraph, as they recur inside a list: "paragraph 4 and paragraph 2 above". */
  readonly paragraph: WordList;
  /** The lexicon's `beforeBareLabels`, lower case. */
  readonly beforeBareLabels: readonly string[];
}

function referenceWordsOf(lexicon: Lexicon): ReferenceWords {
  const words = lexicon.crossReferences;
  return {
    separators: wordList([...words.list, ...words.range]),
    range: words.range,
    above: wordList(words.above),
    below: wordList(words.below),
    thisText: words.thisText.map((phrase) => phrase.split(' ').map((word) => wordList([word]))),
    ofParagraph: (words.ofParagraph ?? []).map((phrase) => phrase.split(' ').map((word) => wordList([word]))),
    subparagraph: wordList(words.subparagraph),
    paragraph: wordList(words.paragraph),
    beforeBareLabels: (words.beforeBareLabels ?? []).map((word) => word.toLowerCase()),
  };
}

/** A phrase of several words separated by white space that may wrap: "of the present resolution". */
function readPhrase(scanner: Scanner, phrases: readonly (readonly WordList[])[]): boolean {
  for (const words of phrases) {
    const start = scanner.position;
    let matched = true;
    for (const word of words) {
      if (readWord(scanner, word) === undefined) {
        matched = false;
        break;
      }
    }
    if (matched) return true;
    scanner.position = start;
  }
  return false;
}

/**
 * A number of one to three digits after white space, not followed by a digit or "/" (what
 * /(\d{1,3})(?![\d/])/y matches: a longer run has no such prefix), read by code: where its digits
 * start, the scanner past them, or -1 and the scanner where it was. A pattern's match was a list made
 * at every head.
 */
function readNumber(scanner: Scanner): number {
  const start = scanner.position;
  skipSpace(scanner);
  const { text } = scanner;
  const digitsStart = scanner.position;
  let end = digitsStart;
  while (isDigitCode(text.charCodeAt(end))) end++;
  const digits = end - digitsStart;
  if (digits === 0 || digits > 3 || text.charCodeAt(end) === 47 /* / */ || end > scanner.end) {
    scanner.position = start;
    return -1;
  }
  scanner.position = end;
  return digitsStart;
}

/** "bis", "ter" … after a number and one space: a negotiation insert, "paragraph 2 bis above". */
const insertSuffixPattern = /[ \u00A0](bis|ter|quater|quinquies|sexies|septies|octies)(?![\p{L}\p{N}])/uy;

/** The insert suffix after the number just read ("2 bis"), the scanner past it; undefined and the scanner as it was. */
function readInsertSuffix(scanner: Scanner): { readonly text: string; readonly span: Span } | undefined {
  const { text, position } = scanner;
  // Most numbers are followed by a comma, "and" or "above": out at the unit after the space.
  const next = text.charCodeAt(position + 1);
  if (next !== 98 /* b */ && next !== 116 /* t */ && next !== 113 /* q */ && next !== 115 /* s */ && next !== 111 /* o */) return undefined;
  insertSuffixPattern.lastIndex = position;
  const found = insertSuffixPattern.exec(text);
  if (!found || insertSuffixPattern.lastIndex > scanner.end) return undefined;
  scanner.position = insertSuffixPattern.lastIndex;
  const word = found[1] as string;
  return { text: word, span: new SpanNode(scanner.position - word.length, scanner.position) };
}

/**
 * A sub-paragraph label after white space, "(c)", or "c)" as French and Spanish write it: one to four
 * letters a–z in parentheses (what /\(([a-z]{1,4})\)/y matches) or before a closing one, read by code:
 * where its letters start, the scanner past it, or -1 and the scanner where it was.
 */
function readLabel(scanner: Scanner): number {
  const start = scanner.position;
  skipSpace(scanner);
  const { text } = scanner;
  const open = scanner.position;
  // "c)": the letters stand after white space, as a word of their own.
  const parenthesised = text.charCodeAt(open) === 40 /* ( */;
  const lettersStart = parenthesised ? open + 1 : open;
  let end = lettersStart;
  while (end - lettersStart < 4 && isAsciiLowerCode(text.charCodeAt(end))) end++;
  const letters = end - lettersStart;
  // "(c bis)": a negotiation insert's label, its suffix part of the name.
  if (letters > 0 && text.charCodeAt(end) === 32 /* space */) {
    labelInsertSuffix.lastIndex = end;
    if (labelInsertSuffix.test(text)) end = labelInsertSuffix.lastIndex;
  }
  if ((!parenthesised && open === start) || letters === 0 || text.charCodeAt(end) !== 41 /* ) */ || end + 1 > scanner.end) {
    scanner.position = start;
    return -1;
  }
  scanner.position = end + 1;
  return lettersStart;
}

/** " bis", " ter" … before a label's closing parenthesis: "(c bis)". */
const labelInsertSuffix = / (?:bis|ter|quater|quinquies|sexies|septies|octies)(?=\))/y;

/** One label after white space, "(c)" or "c)", the scanner past it; undefined and the scanner where it was. */
function readOneLabel(scanner: Scanner): ReferencedLabel | undefined {
  const nameStart = readLabel(scanner);
  if (nameStart < 0) return undefined;
  // The scanner is past the closing parenthesis.
  const nameEnd = scanner.position - 1;
  return new ReferencedLabelNode(scanner.text.slice(nameStart, nameEnd), new SpanNode(nameStart, nameEnd));
}

/**
 * The sub-paragraph labels after a number: "(c)"; "(b) (iv)", a numeral inside the letter's item;
 * "(a) and (e)", "(c), (d) and (e)", "(c) to (e)", more labels of the first one's level.
 */
function readSubLabels(scanner: Scanner, words: ReferenceWords): ReferencedLabels | undefined {
  const first = readOneLabel(scanner);
  if (!first) return undefined;
  const { text } = scanner;
  let inner: ReferencedLabel | undefined;
  const beforeInner = scanner.position;
  const numeral = readOneLabel(scanner);
  if (numeral && !Number.isNaN(romanIndex(numeral.name)) && Number.isNaN(romanIndex(first.name))) inner = numeral;
  else scanner.position = beforeInner;
  let more: ReferencedLabel[] | undefined;
  for (;;) {
    const before = scanner.position;
    // "(c), (d) and (e)": a comma alone separates labels as it does numbers.
    const comma = text.charCodeAt(scanner.position) === 44 /* , */;
    if (comma) scanner.position++;
    const separated = readWord(scanner, words.separators) !== undefined || comma;
    const next = separated ? readOneLabel(scanner) : undefined;
    if (!next) {
      scanner.position = before;
      break;
    }
    (more ??= []).push(next);
  }
  return { first, more, inner };
}

/**
 * "paragraph 1, subparagraph (f), above", "paragraph 1 subparagraph (f) above": the labels after a
 * number named by the sub-paragraph's word, the commas around them read with them; undefined and the
 * scanner where it was.
 */
function readNamedSubLabels(scanner: Scanner, words: ReferenceWords): ReferencedLabels | undefined {
  const start = scanner.position;
  const { text } = scanner;
  const opened = text.charCodeAt(start) === 44 /* , */;
  if (opened) scanner.position++;
  const labels = readWord(scanner, words.subparagraph) !== undefined ? readSubLabels(scanner, words) : undefined;
  if (!labels) {
    scanner.position = start;
    return undefined;
  }
  if (opened && text.charCodeAt(scanner.position) === 44 /* , */) scanner.position++;
  return labels;
}

function readDirection(scanner: Scanner, words: ReferenceWords): 'above' | 'below' | 'here' | undefined {
  const start = scanner.position;
  // "paragraph 5, above" does not occur; a comma before the direction ends the reference.
  if (readWord(scanner, words.above) !== undefined) return 'above';
  if (readWord(scanner, words.below) !== undefined) return 'below';
  if (readPhrase(scanner, words.thisText)) return 'here';
  scanner.position = start;
  return undefined;
}

interface Head {
  readonly start: number;
  readonly end: number;
  readonly isSub: boolean;
}

/**
 * The cross-references in the spans of `text` (sorted), read with the lexicon's words. `placesOf`
 * gives where a word occurs in the whole text (a session keeps them from the previous version).
 * In `annexSpans` (sorted, apart from `spans`) only the references that name the resolution are read,
 * "paragraph 3 of the present resolution": an annex's "paragraph 3 above" is the annex's own.
 */
export function findCrossReferences(text: string, spans: readonly Span[], lexicon: Lexicon | undefined, placesOf: (word: string) => readonly number[] = (word) => literalPlaces(text, word),
  annexSpans: readonly Span[] = []): CrossReference[] {
  if (!lexicon) return [];
  const { heads, stems, words } = headsOf(lexicon);
  if (stems.length === 0) return [];
  const positions = stemPositions(stems, placesOf);
  const headed = referencesIn(text, spans, positions, heads, words, false);
  // Labels without their head word, "(b) (iii) above": only outside annexes, whose own items they would be.
  const bare = bareLabelReferences(text, spans, placesOf, words, headed);
  const references = bare.length === 0 ? headed : [...headed, ...bare].sort((a, b) => a.span.start - b.span.start);
  if (annexSpans.length === 0) return references;
  const inAnnexes = referencesIn(text, annexSpans, positions, heads, words, true);
  if (inAnnexes.length === 0) return references;
  return [...references, ...inAnnexes].sort((a, b) => a.span.start - b.span.start);
}

/** The references in `spans` (sorted) whose heads stand at `positions`; `namingTheResolution`: only those that say "of the present resolution". */
function referencesIn(text: string, spans: readonly Span[], positions: readonly number[], heads: readonly HeadWord[], words: ReferenceWords, namingTheResolution: boolean): CrossReference[] {
  const references: CrossReference[] = [];
  readAtHeads(text, spans, positions, heads, (scanner, head) => {
    const read = readReference(scanner, head, words);
    if (Array.isArray(read)) {
      // A list of ranges, "paragraphs 2 to 4 and 6 above": each says the list's direction.
      if (namingTheResolution && read.some((reference) => reference.direction !== undefined)) return -1;
      references.push(...read);
      return (read[read.length - 1] as CrossReference).span.end;
    }
    const reference = read;
    // A reference that names the resolution has no direction ("above", "below"), and is no sub-paragraph's alone.
    if (!reference || (namingTheResolution && (reference.direction !== undefined || reference.subparagraphOnly !== undefined))) return -1;
    references.push(reference);
    return reference.span.end;
  });
  return references;
}

/**
 * "the measures set out in (b) (iii) above", "(a) and (c) below", « b) ci-dessus »: sub-paragraph labels
 * written without their head word, read as "subparagraph (b) (iii) above" is (an item of the paragraph
 * they stand in). A direction word is required, and searched first (the lexicon's "above" and "below",
 * as written, lower case): the rare place of one right after a closing parenthesis is the cheap test
 * before anything is read. Not read: labels after a number or another head ("paragraph 3 (b)", "article
 * 5 (b)", "annex II (b)"), which are another paragraph's or another text's; a label that opens a line,
 * an item's own mark ("(a) above all …"); a letter written onto a word ("member(s) above"); and what a
 * headed reference already read.
 */
function bareLabelReferences(text: string, spans: readonly Span[], placesOf: (word: string) => readonly number[], words: ReferenceWords,
  headed: readonly CrossReference[]): CrossReference[] {
  const scanner: Scanner = { text, position: 0, end: 0 };
  const found = bareLabelReferencesBefore(scanner, words.above, 'above', spans, placesOf, words, headed, undefined);
  return bareLabelReferencesBefore(scanner, words.below, 'below', spans, placesOf, words, headed, found) ?? emptyList();
}

/** `bareLabelReferences` before one direction's words, added to `found` (made at the first one). */
function bareLabelReferencesBefore(scanner: Scanner, list: WordList, direction: 'above' | 'below', spans: readonly Span[], placesOf: (word: string) => readonly number[],
  words: ReferenceWords, headed: readonly CrossReference[], found: CrossReference[] | undefined): CrossReference[] | undefined {
  const { text } = scanner;
  for (const word of list.words) {
    for (const place of placesOf(word)) {
      // The cheap test: a closing parenthesis and white space (no comma) right before the direction word.
      let close = place;
      while (close > 0 && close > place - 4 && isSpaceCode(text.charCodeAt(close - 1))) close--;
      if (close === place || text.charCodeAt(close - 1) !== 41 /* ) */) continue;
      const span = holding(spans, (searched) => searched, place);
      if (!span || span.end < place + word.length || holding(headed, (reference) => reference.span, place) !== undefined) continue;
      const reference = readBareLabels(scanner, close - 1, place, span, words, direction);
      if (reference) (found ??= []).push(reference);
    }
  }
  return found;
}

/** The one of sorted, disjoint `items` whose span (`spanOf`) holds `offset`. */
function holding<Item>(items: readonly Item[], spanOf: (item: Item) => Span, offset: number): Item | undefined {
  const item = items[firstWhere(items.length, (at) => spanOf(items[at] as Item).end > offset)];
  return item !== undefined && spanOf(item).start <= offset ? item : undefined;
}

/** At most this many labels are read back from a direction word: "(a), (b), (c) and (d) above" and more. */
const mostBareLabels = 12;

/**
 * The labels that end at the closing parenthesis `close` before the direction word at `place`, read
 * back to the first of them ("(a), (c) and (e)", "(b) (iii)"), then read forward as a headed reference's
 * labels are: the reference, or undefined where what stands before them makes them no bare reference.
 */
function readBareLabels(scanner: Scanner, close: number, place: number, span: Span, words: ReferenceWords, direction: 'above' | 'below'): CrossReference | undefined {
  const { text } = scanner;
  const starts: number[] = [];
  let at = close;
  for (;;) {
    // Letters before the closing parenthesis, then "(" or (« b) ») white space before them.
    let letters = at;
    while (letters > span.start && at - letters < 9 && isAsciiLowerCode(text.charCodeAt(letters - 1))) letters--;
    // "(c bis)": a negotiation insert's label, its suffix read back to the letters before it.
    labelInsertSuffix.lastIndex = letters - 1;
    if (letters > span.start && text.charCodeAt(letters - 1) === 32 /* space */ && labelInsertSuffix.test(text) && labelInsertSuffix.lastIndex === at) {
      const suffixSpace = letters - 1;
      letters = suffixSpace;
      while (letters > span.start && suffixSpace - letters < 4 && isAsciiLowerCode(text.charCodeAt(letters - 1))) letters--;
      if (letters === suffixSpace) break;
    } else if (at - letters > 4) break;
    if (letters === at) break;
    const open = text.charCodeAt(letters - 1) === 40 /* ( */ ? letters - 1 : letters;
    if (open === letters && (letters === span.start || !isSpaceCode(text.charCodeAt(letters - 1)))) break;
    starts.push(open);
    if (starts.length === mostBareLabels) break;
    // What joins it to a label before: white space ("(b) (iii)"), a comma, or a list word ("and", "to").
    let before = open;
    while (before > span.start && isSpaceCode(text.charCodeAt(before - 1))) before--;
    if (text.charCodeAt(before - 1) === 44 /* , */) before--;
    else {
      let wordStart = before;
      while (wordStart > span.start && before - wordStart < 8 && !isSpaceCode(text.charCodeAt(wordStart - 1)) && text.charCodeAt(wordStart - 1) !== 41) wordStart--;
      if (wordStart < before && words.separators.lowerCase.includes(text.slice(wordStart, before).toLowerCase())) before = wordStart;
    }
    while (before > span.start && isSpaceCode(text.charCodeAt(before - 1))) before--;
    if (before === open || text.charCodeAt(before - 1) !== 41 /* ) */) break;
    at = before - 1;
  }
  const first = starts[starts.length - 1];
  if (first === undefined || !standsAlone(text, first, span.start, words)) return undefined;
  // Read forward from the first label that makes a reference ending at the direction word.
  for (let index = starts.length - 1; index >= 0; index--) {
    const start = starts[index] as number;
    // « b) »: `readLabel` reads it after white space.
    scanner.position = text.charCodeAt(start) === 40 /* ( */ ? start : start - 1;
    scanner.end = span.end;
    const labels = readSubLabels(scanner, words);
    if (!labels) continue;
    skipSpace(scanner);
    if (scanner.position !== place) continue;
    const read = readWord(scanner, direction === 'above' ? words.above : words.below);
    // The direction word as written: "(a) Above all" is no reference.
    if (read === undefined || text.slice(place, scanner.position) !== read) continue;
    return new CrossReferenceNode(new SpanNode(start, scanner.position), emptyList(), false, direction, labels.first, labels.inner, labels.more);
  }
  return undefined;
}

/**
 * Whether labels starting at `start` stand on their own: after one of the lexicon's `beforeBareLabels`
 * ("in", « au ») or a list word, not at a line's start (an item's own mark), nor after a number ("3 (b)", « 3 b) »), a list word after a number ("paragraph 6 and (c)") or a word in
 * capitals ("annex II (b)", "Article (b)"), which make them another paragraph's or another text's.
 */
function standsAlone(text: string, start: number, spanStart: number, words: ReferenceWords): boolean {
  let before = start;
  while (before > spanStart && isSpaceCode(text.charCodeAt(before - 1)) && text.charCodeAt(before - 1) !== 10 && text.charCodeAt(before - 1) !== 13) before--;
  if (before === spanStart) return false;
  const code = text.charCodeAt(before - 1);
  if (code === 10 || code === 13 || isDigitCode(code)) return false;
  // "member(s) above": a plural's letter, written onto its word.
  if (before === start && continuesWord(text, before - 1)) return false;
  // A word in capitals or with one ("II", "Article"): a heading's or another text's item.
  let wordStart = before;
  while (wordStart > spanStart && before - wordStart < 24 && continuesWord(text, wordStart - 1) && text.charCodeAt(wordStart - 1) !== 45) wordStart--;
  const word = text.slice(wordStart, before);
  const lowerCase = word.toLowerCase();
  // "In (b) above, …" opening a sentence: the lexicon's word with its capital. Any other capital is a
  // heading's or another text's: "annex II (c)", "Article (b)".
  if (word !== lowerCase) return word.slice(1) === lowerCase.slice(1) && words.beforeBareLabels.includes(lowerCase);
  // "in (b) above", not "5 per cent (sic) above" nor "3,000 metres (m) above sea level": only after the
  // lexicon's words does a label before a direction word name an item.
  if (!words.separators.lowerCase.includes(word)) return words.beforeBareLabels.includes(word);
  // "paragraph 6 and (c) above": a list word after a number joins the labels to that number's paragraph.
  let beforeWord = wordStart;
  while (beforeWord > spanStart && isSpaceCode(text.charCodeAt(beforeWord - 1))) beforeWord--;
  return !isDigitCode(text.charCodeAt(beforeWord - 1));
}

/**
 * Reads at each head ("paragraphs", "subparagraph" …) whose stem stands at `positions` inside `spans`
 * (both sorted): `read` gets the scanner past the head, limited to the head's span (and where that
 * span starts), and answers where
 * it read up to (a head before that stands inside what it read, and is passed), or -1 for nothing.
 */
function readAtHeads(text: string, spans: readonly Span[], positions: readonly number[], heads: readonly HeadWord[], read: (scanner: Scanner, head: Head, spanStart: number) => number): void {
  const scanner: Scanner = { text, position: 0, end: 0 };
  let cursor = 0;
  for (const span of spans) {
    // Read once: the spans are of several shapes, and a property read at each place of the stem cost more than the place.
    const { start: spanStart, end: spanEnd } = span;
    let readUpTo = spanStart;
    while (cursor < positions.length && (positions[cursor] as number) < spanStart) cursor++;
    for (let index = cursor; index < positions.length && (positions[index] as number) < spanEnd; index++) {
      const head = headAround(text, positions[index] as number, spanStart, spanEnd, heads);
      if (!head || head.start < readUpTo) continue;
      scanner.position = head.end;
      scanner.end = spanEnd;
      const end = read(scanner, head, spanStart);
      if (end >= 0) readUpTo = end;
    }
  }
}

/**
 * The lexicon's head words ("sub-paragraphs", "paragraph" …), longest first, and the stem they share
 * ("para"): a plain search for the stem finds the few places worth reading, far faster than a pattern
 * run over every paragraph. Where the words for paragraphs and sub-paragraphs share none (« paragraphe »,
 * « alinéa »), each kind has its own. Worked out once per lexicon, not at every keystroke.
 */
function headsOf(lexicon: Lexicon): HeadWords {
  let found = headsByLexicon.get(lexicon);
  if (!found) {
    const words = lexicon.crossReferences;
    const kinds = [words.subparagraph.map((word) => ({ word: word.toLowerCase(), isSub: true })), words.paragraph.map((word) => ({ word: word.toLowerCase(), isSub: false }))];
    const shared = commonStem(kinds.flat().map((head) => head.word));
    const groups = shared !== undefined ? [{ stem: shared, heads: kinds.flat() }] : kinds.map((heads) => ({ stem: commonStem(heads.map((head) => head.word)), heads }));
    const heads: HeadWord[] = [];
    const stems: string[] = [];
    for (const { stem, heads: group } of groups) {
      if (stem === undefined) continue;
      stems.push(stem);
      for (const head of group) heads.push({ ...head, stemAt: head.word.indexOf(stem) });
    }
    heads.sort((a, b) => b.word.length - a.word.length);
    found = { heads, stems, words: referenceWordsOf(lexicon) };
    headsByLexicon.set(lexicon, found);
  }
  return found;
}

interface HeadWord {
  readonly word: string;
  readonly isSub: boolean;
  /** Where the stem starts in the word: found once, not at every place of the stem. */
  readonly stemAt: number;
}

interface HeadWords {
  readonly heads: readonly HeadWord[];
  /** The stems the heads share: one, or one for each kind where the two kinds share none. */
  readonly stems: readonly string[];
  /** The words read after a head. */
  readonly words: ReferenceWords;
}

const headsByLexicon = new WeakMap<Lexicon, HeadWords>();

/** The longest lower-case run of letters that every head contains. */
function commonStem(heads: readonly string[]): string | undefined {
  const first = heads[0];
  if (!first) return undefined;
  for (let length = Math.min(6, first.length); length >= 3; length--) {
    for (let start = 0; start + length <= first.length; start++) {
      const candidate = first.slice(start, start + length);
      if (/^\p{L}+$/u.test(candidate) && heads.every((head) => head.includes(candidate))) return candidate;
    }
  }
  return undefined;
}

/** Where the stems occur in the text, with their first letter in either case, in text order. */
function stemPositions(stems: readonly string[], placesOf: (word: string) => readonly number[]): number[] {
  const positions: number[] = [];
  for (const stem of stems) {
    const capitalised = stem.charAt(0).toUpperCase() + stem.slice(1);
    for (const form of stem === capitalised ? [stem] : [stem, capitalised]) for (const place of placesOf(form)) positions.push(place);
  }
  return positions.sort((a, b) => a - b);
}

/** The head ("paragraphs", "sub-paragraph" …) whose stem is at `at`, inside [spanStart, spanEnd): a whole word followed by white space. */
function headAround(text: string, at: number, spanStart: number, spanEnd: number, heads: readonly HeadWord[]): Head | undefined {
  for (const { word, isSub, stemAt } of heads) {
    const start = at - stemAt;
    const end = start + word.length;
    if (start < spanStart || end > spanEnd) continue;
    if (!spellsLowerCase(text, start, word)) continue;
    if (continuesWord(text, start - 1) || !isSpaceCode(text.charCodeAt(end))) continue;
    return { start, end, isSub };
  }
  return undefined;
}

/** Whether the unit at `position` is a letter or a hyphen (an ASCII one told by code): a head there would be part of a longer word. */
function continuesWord(text: string, position: number): boolean {
  const code = text.charCodeAt(position);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45;
  return wordUnitPattern.test(text[position] ?? '');
}

const wordUnitPattern = /[\p{L}-]/u;

/**
 * Whether the text at `start`, lower-cased, is `word` (`text.slice(…).toLowerCase() === word`), read by
 * code where the text is ASCII: every head is tried at every place of the stem, at every keystroke, and a
 * slice and its lower case each time were a tenth of a megabyte a keystroke.
 */
function spellsLowerCase(text: string, start: number, word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    const code = text.charCodeAt(start + index);
    const expected = word.charCodeAt(index);
    if (code === expected) continue;
    // Another letter outside ASCII may lower-case to the word's letter (or to two units): the slow way.
    if (code >= 128) return text.slice(start, start + word.length).toLowerCase() === word;
    if (!(code >= 65 && code <= 90 && (code | 0x20) === expected)) return false;
  }
  return true;
}

/** The reference that `head` begins, if the words after it make one that points into this text. */
function readReference(scanner: Scanner, head: Head, words: ReferenceWords): CrossReference | CrossReference[] | undefined {
  const { text } = scanner;
  if (head.isSub) {
    const label = readSubLabels(scanner, words);
    // "subparagraph (b) of paragraph 6 above", « l'alinéa b) du paragraphe 6 ci-dessus »: the label of
    // paragraph 6, as "paragraph 6 (b) above" is.
    const afterLabel = scanner.position;
    if (label && words.ofParagraph.length > 0 && readPhrase(scanner, words.ofParagraph)) {
      const digitsStart = readNumber(scanner);
      const digitsEnd = scanner.position;
      const numbers = emptyList<ReferencedNumber>();
      let range = false;
      if (digitsStart >= 0) {
        numbers.push(new ReferencedNumberNode(digitsValue(text, digitsStart, digitsEnd), new SpanNode(digitsStart, digitsEnd), label));
        // "subparagraph (c) of paragraph 1 and paragraph 3 below": more paragraphs in the one reference.
        const separator = readSeparatorBeforeNumber(scanner, words);
        if (separator !== undefined) range = readNumberList(scanner, words, numbers) || separator;
      }
      const ofParagraphDirection = digitsStart >= 0 ? readDirection(scanner, words) : undefined;
      if (ofParagraphDirection) {
        return new CrossReferenceNode(new SpanNode(head.start, scanner.position), numbers, range && numbers.length === 2, ofParagraphDirection !== 'here' ? ofParagraphDirection : undefined, undefined);
      }
      scanner.position = afterLabel;
    }
    const direction = label ? readDirection(scanner, words) : undefined;
    if (!label || !direction) return undefined;
    return new CrossReferenceNode(new SpanNode(head.start, scanner.position), emptyList(), false, direction !== 'here' ? direction : undefined, label.first, label.inner, label.more);
  }
  const numbers = emptyList<ReferencedNumber>();
  const rangeAfter: boolean[] = [];
  const range = readNumberList(scanner, words, numbers, rangeAfter);
  const direction = numbers.length > 0 ? readDirection(scanner, words) : undefined;
  if (numbers.length === 0 || !direction) return undefined;
  const said = direction !== 'here' ? direction : undefined;
  if (range && numbers.length > 2) return rangesOfList(head.start, scanner.position, numbers, rangeAfter, said);
  return new CrossReferenceNode(new SpanNode(head.start, scanner.position), numbers, range && numbers.length === 2, said, undefined);
}

/**
 * "paragraphs 12 to 17 and 19 to 31 below", "paragraphs 2 to 4 and 6 above": a list that holds ranges,
 * read as one reference a range or a run of single numbers (each with the list's direction), so that
 * every paragraph of each range is named. Read as one list of its numbers, "12 to 17 and 19 to 31" named
 * four paragraphs, and renumbering, which writes a range a move split so, made text it then misread.
 * A list whose numbers carry a label or a suffix ("7 (c) to 9") is left one reference.
 */
function rangesOfList(start: number, end: number, numbers: readonly ReferencedNumber[], rangeAfter: readonly boolean[], direction: CrossReference['direction']): CrossReference | CrossReference[] {
  if (numbers.some((referenced) => referenced.subparagraph !== undefined || referenced.insertSuffix !== undefined)) {
    return new CrossReferenceNode(new SpanNode(start, end), numbers, false, direction, undefined);
  }
  /** Each group: its first number's index, one past its last, and whether it is a range. */
  const groups: { first: number; end: number; range: boolean }[] = [];
  for (let index = 0; index < numbers.length; ) {
    if (index + 1 < numbers.length && rangeAfter[index] === true) {
      groups.push({ first: index, end: index + 2, range: true });
      index += 2;
      continue;
    }
    const last = groups[groups.length - 1];
    if (last && !last.range) last.end = index + 1;
    else groups.push({ first: index, end: index + 1, range: false });
    index++;
  }
  return groups.map((group, at) => {
    const from = at === 0 ? start : (numbers[group.first] as ReferencedNumber).span.start;
    const to = at === groups.length - 1 ? end : (numbers[group.end - 1] as ReferencedNumber).span.end;
    return new CrossReferenceNode(new SpanNode(from, to), numbers.slice(group.first, group.end), group.range, direction, undefined);
  });
}

/**
 * Numbers and what follows each ("3 bis", "7 (c)"), joined by commas and the lexicon's separators
 * ("3, 4 and 7", "2 to 6", "4 and paragraph 2"), pushed to `numbers`; the scanner past the last.
 * Whether a separator made a range; with `rangeAfter`, whether each separator does, in order.
 */
function readNumberList(scanner: Scanner, words: ReferenceWords, numbers: ReferencedNumber[], rangeAfter?: boolean[]): boolean {
  const { text } = scanner;
  let range = false;
  for (;;) {
    const digitsStart = readNumber(scanner);
    if (digitsStart < 0) break;
    const digitsEnd = scanner.position;
    const insertSuffix = readInsertSuffix(scanner);
    const sub = readSubLabels(scanner, words) ?? readNamedSubLabels(scanner, words);
    numbers.push(new ReferencedNumberNode(digitsValue(text, digitsStart, digitsEnd), new SpanNode(digitsStart, digitsEnd), sub, insertSuffix));
    const separator = readSeparatorBeforeNumber(scanner, words);
    if (separator === undefined) break;
    // Whether the separator after this number makes a range with the next ("12 to 17").
    rangeAfter?.push(separator);
    range ||= separator;
  }
  return range;
}

/**
 * After a number, what joins it to the next: a comma, a separator ("and", "to"), or one and the word
 * for a paragraph again ("paragraph 4 and paragraph 2 above"). The scanner then stands before the next
 * number, and the answer is whether the separator makes a range; where no number follows, undefined
 * and the scanner where it was.
 */
function readSeparatorBeforeNumber(scanner: Scanner, words: ReferenceWords): boolean | undefined {
  const before = scanner.position;
  const comma = scanner.text.charCodeAt(before) === 44 /* , */;
  if (comma) scanner.position++;
  const separator = readWord(scanner, words.separators);
  // A comma alone separates the items of a list ("1, 2 and 4").
  if (separator === undefined && !comma) return undefined;
  const afterSeparator = scanner.position;
  if (readNumber(scanner) >= 0) {
    scanner.position = afterSeparator;
    return separator !== undefined && words.range.includes(separator);
  }
  if (readWord(scanner, words.paragraph) !== undefined) {
    const afterHead = scanner.position;
    if (readNumber(scanner) >= 0) {
      scanner.position = afterHead;
      return separator !== undefined && words.range.includes(separator);
    }
  }
  scanner.position = before;
  return undefined;
}

/**
 * The references that say no direction and do not name another text: "the measures imposed by
 * paragraph 3, and …", "paragraph 3, above". A Security Council text names its own paragraphs so
 * (S/RES/841 (1993): "the Committee established by paragraph 10"), where "paragraph 3 of resolution
 * 1701 (2006)" names another text's: a number followed by the word that opens the lexicon's "of the
 * present resolution" or "of paragraph" (of, de, du, del) is no such reference. They are not in the
 * draft's cross-references (which paragraph they mean is not said, so nothing is checked), but
 * renumbering holds back where one names a number it changes: found only then, in `spans` (sorted).
 */
export function findUndirectedReferences(text: string, spans: readonly Span[], lexicon: Lexicon | undefined): CrossReference[] {
  if (!lexicon) return [];
  const { heads, stems, words } = headsOf(lexicon);
  if (stems.length === 0) return [];
  const positions = stemPositions(stems, (word) => literalPlaces(text, word));
  const { thisText, ofParagraph, otherTextAfter, otherTextBefore } = lexicon.crossReferences;
  const ofWords = new Set([...[...thisText, ...(ofParagraph ?? [])].map((phrase) => phrase.split(' ')[0] ?? ''), ...(otherTextAfter ?? [])].map((word) => word.toLowerCase()));
  const possessives = new Set((otherTextBefore ?? []).map((word) => word.toLowerCase()));
  const references: CrossReference[] = [];
  readAtHeads(text, spans, positions, heads, (scanner, head, spanStart) => {
    if (head.isSub) return -1;
    const numbers = emptyList<ReferencedNumber>();
    const range = readNumberList(scanner, words, numbers);
    if (numbers.length === 0) return -1;
    const end = scanner.position;
    if (readDirection(scanner, words) !== undefined) return end;
    // "paragraph 3.4 of the annex": a numbered part of another text.
    if (text.charCodeAt(end) === 46 /* . */ && isDigitCode(text.charCodeAt(end + 1))) return end;
    // "paragraph 3 of resolution 1701 (2006)", "article 12, paragraph 3, of the Convention",
    // "paragraph 4 thereof", "paragraphs 3 (a), 3 (6) and 4 of resolution 661 (1990)" (a label the
    // list could not read): another text's paragraph; so is "its paragraph 4".
    if (namesAnotherText(text, end, Math.min(scanner.end, end + 60), ofWords, words.separators.lowerCase)) return end;
    if (possessives.size > 0 && possessives.has(wordBefore(text, head.start, spanStart).toLowerCase())) return end;
    references.push(new CrossReferenceNode(new SpanNode(head.start, end), numbers, range && numbers.length === 2, undefined, undefined));
    return end;
  });
  return references;
}

/** The word of letters that ends before `end` and the white space before it, read back by code; '' where none. */
function wordBefore(text: string, end: number, limit: number): string {
  let wordEnd = end;
  while (wordEnd > limit && isSpaceCode(text.charCodeAt(wordEnd - 1))) wordEnd--;
  if (wordEnd === end) return '';
  let start = wordEnd;
  while (start > limit && wordEnd - start < 24 && /\p{L}/u.test(text[start - 1] ?? '')) start--;
  return text.slice(start, wordEnd);
}

/**
 * Whether the first word after `from` (up to `to`) that is no list word ("and", "to") is one that names
 * another text ("of", "thereof", « des »): the numbers, labels and marks of a list left unread are passed.
 */
function namesAnotherText(text: string, from: number, to: number, ofWords: ReadonlySet<string>, listWords: readonly string[]): boolean {
  const wordPattern = /\p{L}+/gu;
  wordPattern.lastIndex = from;
  for (let found = wordPattern.exec(text); found && found.index < to; found = wordPattern.exec(text)) {
    const word = found[0].toLowerCase();
    if (ofWords.has(word)) return true;
    if (!listWords.includes(word)) return false;
  }
  return false;
}
