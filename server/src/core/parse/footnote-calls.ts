// Footnote calls: `[^3]`, superscript digits, and the bare digits that text copied out of a PDF
// leaves glued to words ("Corruption2") or standing after punctuation ("thereto, 1").
//
// Bare digits are ambiguous, so they are read in two steps. Every number that may be a call is
// first collected with how sure its context makes it. Then the footnotes whose texts exist are
// matched in order: footnotes are numbered in the order of first use, so footnote N's first call
// is the first candidate for N after footnote N-1's, and before the next footnote's sure call.
import type { FootnoteCall, FootnoteText, FootnoteTextStyle, Span } from '../model';
import { occurrencesOf, runsAndDigitRunsOf, runsOf, visitInSpans, type MarkPattern, type RareCharacters, type SearchSpan as WholeTextSpan, type TextChange } from './whole-text-search';
import { wordStartBefore } from '../text-ends';
import { digitRunsOf, digitsValue, isAsciiLowerCode, isDigitCode } from '../text-scan';
import { grown, isSpaceCode, isSuperscriptDigitCode, superscriptDigitsInAscii } from './lines';
import { FootnoteCallNode, FootnoteTextNode, SpanNode } from './nodes';

/** Text to search, and whether bare digits may be read as calls there (not in an annex's tables). */
export interface SearchSpan extends WholeTextSpan {
  /**
   * "defined-only": a bare number here is a call only where its footnote text exists (an annex's
   * tables, a yearbook's heading). Absent: any number may be one, as in a paragraph, whose own span
   * objects are searched as they are (a copy of each was 1.8 MB on a 10 MB draft).
   */
  readonly bareCalls?: 'defined-only';
}

/** Words of the language that tell a number is not a call. */
export interface NumberWords {
  /** Words that take a number: "Article 2", "Goal 5". */
  readonly numberedNouns: ReadonlySet<string>;
  /** Words after which a number counts something: "from 6 to 22", "there are 2". */
  readonly counts: ReadonlySet<string>;
  /**
   * The language's months, as its style writes them: a day after one is a date written month first
   * ("May 5, 2006"), not a call; renumbering footnote 5 had made it "May 1".
   */
  readonly months: ReadonlySet<string>;
}

/**
 * `[^N]`, tried where "[^" stands: "[^123456]" is the longest. Up to six digits, as paragraph numbers:
 * the brackets say it is a call (bare and superscript digits stay at four, where a year is likelier),
 * and a draft with a footnote a paragraph passes 9,999 (its footnote texts were read as paragraphs).
 */
export const bracketCalls: MarkPattern = { sticky: /\[\^(?:\d{1,6}|[A-Za-z][\w-]{0,31})\]/y, opening: '[^', longest: 36 };
/** The powers of units, not calls: "m³", "km²". */
const unitBefore = /\b(?:m|cm|mm|km|dm|ft|in|m\/s|kg\/m)$/;

/** A footnote text as a word processor numbers it: `¹ Resolution 60/1.` (up to four digits, as superscript calls). */
const superscriptFootnoteTextPattern = /^([\u2070\u00B9\u00B2\u00B3\u2074-\u2079]{1,4})[ \t\u00A0]+(?=\S)/;

/**
 * The label of a footnote text of the list at the end, `[^3]: …` or `³ …` (a draft typed in a word
 * processor, whose calls are superscripts too): its number and length, its white space left out.
 * Undefined for any other line, most of them told by their first character.
 */
export function endFootnoteLabel(content: string): { readonly number: number; readonly length: number; readonly style: FootnoteTextStyle } | undefined {
  const first = content.charCodeAt(0);
  if (first === 91 /* [ */) {
    // bracketFootnoteTextPattern read by code: every line that opens with a bracket is asked ("[without
    // reference to a Main Committee …]" heads each General Assembly text), and a match was an array and two strings.
    if (content.charCodeAt(1) !== 94 /* ^ */) return undefined;
    const nameEnd = footnoteNameEnd(content, 2);
    // "[^agenda]:", a Markdown named footnote: numbered once its calls are known (numberNamedFootnotes).
    if (nameEnd > 2) return content.charCodeAt(nameEnd) === 93 /* ] */ && content.charCodeAt(nameEnd + 1) === 58 /* : */ ? { number: Number.NaN, length: nameEnd + 2, style: 'bracket' } : undefined;
    let digitsEnd = 2;
    while (digitsEnd < content.length && isDigitCode(content.charCodeAt(digitsEnd))) digitsEnd++;
    const digits = digitsEnd - 2;
    if (digits < 1 || digits > 6 || content.charCodeAt(digitsEnd) !== 93 /* ] */ || content.charCodeAt(digitsEnd + 1) !== 58 /* : */) return undefined;
    // "[^3]:", without the one space or tab the pattern allows after it.
    return { number: digitsValue(content, 2, digitsEnd), length: digitsEnd + 2, style: 'bracket' };
  }
  if (!isSuperscriptDigitCode(first)) return undefined;
  const superscript = superscriptFootnoteTextPattern.exec(content);
  const digits = superscript?.[1];
  if (digits === undefined) return undefined;
  return { number: Number(superscriptDigitsInAscii(digits)), length: digits.length, style: 'superscript' };
}

/**
 * Where the name of a Markdown named footnote that starts at `start` ends ("agenda" of "[^agenda]"): a
 * letter, then up to 31 letters, digits, "_" or "-"; `start` itself where none starts there.
 */
function footnoteNameEnd(text: string, start: number): number {
  if (!isAsciiLetterCode(text.charCodeAt(start))) return start;
  let end = start + 1;
  while (end - start < 32 && end < text.length) {
    const code = text.charCodeAt(end);
    if (!isAsciiLetterCode(code) && !isDigitCode(code) && code !== 95 /* _ */ && code !== 45 /* - */) break;
    end++;
  }
  return end;
}

function isAsciiLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The name of the named footnote whose label `[^name]` or `[^name]:` starts at `labelStart`, or undefined for a number. */
function footnoteNameAt(text: string, labelStart: number): string | undefined {
  const nameEnd = footnoteNameEnd(text, labelStart + 2);
  return nameEnd > labelStart + 2 ? text.slice(labelStart + 2, nameEnd) : undefined;
}

/**
 * Named footnotes (`[^agenda]` and `[^agenda]:`, as Markdown allows) numbered as print numbers them:
 * by the order of their first calls, after the highest number written, then those never called in
 * the order of their texts. Names are matched without regard to case, as Markdown matches them.
 * The texts and calls come back renumbered; most drafts have no name, and come back as they are.
 */
export function numberNamedFootnotes(text: string, texts: readonly FootnoteText[], calls: readonly FootnoteCall[]): { texts: FootnoteText[]; calls: FootnoteCall[] } | undefined {
  // Asked at every parse: nothing is made unless a label opens with a letter.
  const namedAt = (style: string, labelStart: number): boolean => style === 'bracket' && isAsciiLetterCode(text.charCodeAt(labelStart + 2));
  if (!texts.some((footnote) => namedAt(footnote.style, footnote.labelSpan.start)) && !calls.some((call) => namedAt(call.style, call.span.start))) return undefined;
  const textNames = texts.map((footnote) => (footnote.style === 'bracket' ? footnoteNameAt(text, footnote.labelSpan.start) : undefined));
  const callNames = calls.map((call) => (call.style === 'bracket' ? footnoteNameAt(text, call.span.start) : undefined));
  let highest = 0;
  texts.forEach((footnote, index) => {
    if (textNames[index] === undefined && footnote.number > highest) highest = footnote.number;
  });
  calls.forEach((call, index) => {
    if (callNames[index] === undefined && call.number > highest) highest = call.number;
  });
  const numbers = new Map<string, number>();
  const numberOf = (name: string): number => {
    const key = name.toLowerCase();
    let number = numbers.get(key);
    if (number === undefined) numbers.set(key, (number = ++highest));
    return number;
  };
  // Calls come in text order: the first call of a name gives it its number.
  const numberedCalls = calls.map((call, index) => {
    const name = callNames[index];
    return name === undefined ? call : new FootnoteCallNode(call.span, numberOf(name), call.style, name);
  });
  const numberedTexts = texts.map((footnote, index) => {
    const name = textNames[index];
    return name === undefined ? footnote : new FootnoteTextNode(footnote.span, footnote.labelSpan, numberOf(name), footnote.bodySpan, footnote.body,
      footnote.style, footnote.placement, footnote.continuation, name);
  });
  return { texts: numberedTexts, calls: numberedCalls };
}

/** How sure the context makes a bare number a call. */
type Certainty = 'sure' | 'likely' | 'possible';

/**
 * The candidates, in text order, as a flat list of four numbers each: start, end, number and kind
 * (`sureCandidate` … with `gluedCandidate`). No object each: the corpus's 705 candidates gave 376
 * calls, and the choice among them reads them by index, with no set or map of candidates. A typed
 * list grown by doubling, off the collected heap: a list grown by push holds 8 bytes a number and is
 * copied as it grows (68 kB for the corpus's candidates).
 */
interface CandidateList {
  fields: Int32Array;
  length: number;
}
const candidateFields = 4;
const sureCandidate = 0;
const likelyCandidate = 1;
const possibleCandidate = 2;
/** Added to a sure candidate's kind: glued to a lower-case word, a call even when its text is missing ("Corruption7 and"). */
const gluedCandidate = 4;
const candidateKinds: Readonly<Record<Certainty, number>> = { sure: sureCandidate, likely: likelyCandidate, possible: possibleCandidate };

function isSureKind(kind: number): boolean {
  return kind === sureCandidate || kind === sureCandidate + gluedCandidate;
}

function addCandidate(candidates: CandidateList, start: number, end: number, number: number, kind: number): void {
  if (candidates.length + candidateFields > candidates.fields.length) candidates.fields = grown(candidates.fields, 2 * candidates.fields.length);
  const fields = candidates.fields;
  fields[candidates.length++] = start;
  fields[candidates.length++] = end;
  fields[candidates.length++] = number;
  fields[candidates.length++] = kind;
}

/**
 * "from 6 to 22": /^[ \u00A0]*(?:to|and|or|-|–|—)[ \u00A0]*\d{1,3}(?!\d)/ on the text after a number, from `end`
 * up to `limit`, read by code: no slice of it for a pattern (this is asked of most candidates).
 */
function isRangeAfter(text: string, end: number, limit: number): boolean {
  let at = end;
  while (at < limit && isBlankCode(text.charCodeAt(at))) at++;
  const code = codeAt(text, at, limit);
  if (code === 45 /* - */ || code === 0x2013 || code === 0x2014) at++;
  else if ((code === 116 && startsWithin(text, 'to', at, limit)) || (code === 111 && startsWithin(text, 'or', at, limit))) at += 2;
  else if (code === 97 && startsWithin(text, 'and', at, limit)) at += 3;
  else return false;
  while (at < limit && isBlankCode(text.charCodeAt(at))) at++;
  const digitsStart = at;
  while (at < limit && isDigitCode(text.charCodeAt(at))) at++;
  // \d{1,3}(?!\d): a run of one to three digits, whole as far as the limit.
  return at > digitsStart && at - digitsStart <= 3;
}

/**
 * "items 5, 6 and 7": /^[\s\u00A0]+(?:and|or|to|per|of|in|from|bis|ter)\b/ on the text from `end` up to
 * `limit`, read by code (\s is the set `isSpaceCode` reads; \b after a word's last letter, a unit
 * that is no ASCII letter, digit or _, or the limit).
 */
function isListWordAfter(text: string, end: number, limit: number): boolean {
  let at = end;
  while (at < limit && isSpaceCode(text.charCodeAt(at))) at++;
  if (at === end) return false;
  // Most numbers are followed by none of the words' first letters: the words compared only where one stands.
  const first = codeAt(text, at, limit);
  for (const word of listWords) {
    if (word.charCodeAt(0) === first && startsWithin(text, word, at, limit) && !isAsciiWordCode(codeAt(text, at + word.length, limit))) return true;
  }
  return false;
}
const listWords = ['and', 'or', 'to', 'per', 'of', 'in', 'from', 'bis', 'ter'];

/** Whether `word` stands in the text at `at` and ends by `limit`. */
function startsWithin(text: string, word: string, at: number, limit: number): boolean {
  return at + word.length <= limit && text.startsWith(word, at);
}

/** What \w matches: an ASCII letter or digit, or _. */
function isAsciiWordCode(code: number): boolean {
  return isDigitCode(code) || isAsciiLowerCode(code) || (code >= 65 && code <= 90) || code === 95;
}

// Made once here, as every pattern of this file: a literal in a function is a new object each time it runs.
/** "No. 5", "Nos 3": a number after its sign. */
const numberSignBefore = /\bNos?\.?\s*$/;
const numberBefore = /(?:(?:^|\s)\d{1,3}|\b[IVXLC]+|\([a-z]{1,3}\))[,;:.]?[ \u00A0]*$/;

// The contexts, read on the text just before a run of digits (`before`, up to 40 characters) and
// just after it (`after`). Each returns the certainty it gives, or undefined.
const gluedToWord = /(?:\p{Ll}{3}|[)\]”’"])$/u; // "Corruption2", "Agreement”3"
const afterFullStop = /(?<!\b(?:Corr|Add|Rev|para|paras|vol|chap|sect|art|annex))(?:\p{Ll}{3}|[)”’"])\.$/u; // "Secretary-General.3"
const afterWordMaybeSpace = /[\p{L},;:.)][ \u00A0]?$/u;
const afterYearAndSpace = /(?:^|[^\d])(?:19|20)\d\d[ \u00A0]$/; // "of 30 September 1992 1/"
const endsGluedNumber = /(?:^|[\s(–—-])(?:19[4-9]\d|20[0-3]\d)$/; // the year of "20242", "2014–20243"
const endOfWordContext = /^(?:[\s\u00A0,.;:)]|$)/;

/**
 * The word or four-digit year that ends right before the space at `end`, read back to `from`: the
 * word only is sliced, no text before it (this is asked of most numbers after a space).
 */
function wordOrYearBefore(text: string, from: number, end: number): string | undefined {
  if (end > from && isBlankCode(text.charCodeAt(end - 1))) return undefined;
  const wordStart = wordStartBefore(text, from, end);
  if (wordStart < end) return wordStart === from || !isLetterOrNumberAt(text, wordStart - 1) ? text.slice(wordStart, end) : undefined;
  let start = end;
  while (start > from && end - start < 4 && isDigitCode(text.charCodeAt(start - 1))) start--;
  return end - start === 4 && !(start > from && isDigitCode(text.charCodeAt(start - 1))) ? text.slice(start, end) : undefined;
}

const letterOrNumber = /[\p{L}\p{N}]/u;

/** /[\p{L}\p{N}]/u on the one unit at `at`: ASCII by code. */
function isLetterOrNumberAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return isDigitCode(code) || (code >= 65 && code <= 90) || isAsciiLowerCode(code);
  return letterOrNumber.test(text[at] as string);
}

const lowerCaseWord = /^\p{Ll}+$/u;

/** lowerCaseWord.test(word), an ASCII word answered by code: the word before most numbers is one. */
function isAllLowerCase(word: string): boolean {
  let ascii = true;
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at);
    // An ASCII unit is a whole character: lower case only if a–z.
    if (code < 128 && !isAsciiLowerCode(code)) return false;
    if (code >= 128) ascii = false;
  }
  return word.length > 0 && (ascii || lowerCaseWord.test(word));
}

const capitalisedWord = /^\p{Lu}/u;

/** capitalisedWord.test(word), a word opening with an ASCII unit answered by code. */
function startsCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : capitalisedWord.test(word);
}

interface Reading {
  readonly certainty: Certainty;
  readonly glued: boolean;
  /** The word before the number, when the word decides ("Article 2" is no call). */
  readonly word?: string;
}

/** The readings with no word, one of each (a reading is never changed): no object per number. */
const sureGlued: Reading = { certainty: 'sure', glued: true };
const sure: Reading = { certainty: 'sure', glued: false };
const likely: Reading = { certainty: 'likely', glued: false };

/**
 * The reading with a word: one object, filled for a number and read before the next number is read
 * (`readingWithWord`), not one per number (the corpus's 646 were 26 kB).
 */
const wordReading: { certainty: Certainty; readonly glued: false; word: string } = { certainty: 'likely', glued: false, word: '' };

function readingWithWord(certainty: Certainty, word: string): Reading {
  wordReading.certainty = certainty;
  wordReading.word = word;
  return wordReading;
}

/** /^(?:and|or|the|in)[ \u00A0]/ on the text from `position` up to `limit`, whose first unit is `first` (-1 at the limit). */
function startsWithJoiningWord(text: string, position: number, limit: number, first: number): boolean {
  // Most numbers are followed by none of the words' first letters: no search of the four words for them.
  if (first !== 97 && first !== 111 && first !== 116 && first !== 105) return false;
  for (const word of joiningWords) {
    const spaceAt = position + word.length;
    if (spaceAt < limit && text.startsWith(word, position)) {
      const space = text.charCodeAt(spaceAt);
      return space === 32 || space === 0xa0;
    }
  }
  return false;
}
const joiningWords = ['and', 'or', 'the', 'in'];

/** The last `length` characters before `start`, not reaching back past `from`. */
function textBefore(text: string, from: number, start: number, length: number): string {
  return text.slice(Math.max(from, start - length), start);
}

/** The UTF-16 unit at `position`, or -1 at or past `limit` (the end of the text looked at). */
function codeAt(text: string, position: number, limit: number): number {
  return position < limit ? text.charCodeAt(position) : -1;
}

/** , . ; : ) — the marks that may follow a call, as endOfWordContext lists them besides white space. */
function isMarkAfterCall(code: number): boolean {
  return code === 44 || code === 46 || code === 59 || code === 58 || code === 41;
}

/** gluedToWord on the text before `start` (back to `from`; `last` is the unit before `start`, -1 at `from`), answered by code where the last units are ASCII. */
function isGluedToWord(text: string, from: number, start: number, last: number): boolean {
  if (last === 41 || last === 93 || last === 0x201d || last === 0x2019 || last === 34) return true;
  const second = start - 2 >= from ? text.charCodeAt(start - 2) : -1;
  const third = start - 3 >= from ? text.charCodeAt(start - 3) : -1;
  if (isAsciiLowerCode(last) && isAsciiLowerCode(second) && isAsciiLowerCode(third)) return true;
  // Three ASCII units (or fewer to read) that are not all lower-case letters cannot end in three of them.
  if (last < 128 && second < 128 && third < 128) return false;
  return gluedToWord.test(textBefore(text, from, start, 6));
}

/** A space or a no-break space: what stands between a word and a call or the word after it. */
function isBlankCode(code: number): boolean {
  return code === 32 || code === 0xa0;
}

/** "\n" or "\r": where a line ends, in any of the three conventions. */
function isLineBreakCode(code: number): boolean {
  return code === 10 || code === 13;
}

/** , ; : . ) ” ’ " — the marks a call may follow across a space. */
function isMarkBeforeCall(code: number): boolean {
  return code === 44 || code === 59 || code === 58 || code === 46 || code === 41 || code === 0x201d || code === 0x2019 || code === 34;
}

/**
 * The text before `start` (back to `from`), which ends with a space, ends with a mark and one or two
 * spaces: "thereto, 1", "Republic, 2". (Helpers at the top level, not closures here: this runs for most
 * numbers of a copy out of a PDF.)
 */
function isMarkAndSpaceBefore(text: string, from: number, start: number): boolean {
  return isMarkBeforeCall(codeFrom(text, start - 2, from)) || (isBlankCode(codeFrom(text, start - 2, from)) && isMarkBeforeCall(codeFrom(text, start - 3, from)));
}

/** The UTF-16 unit at `position`, or -1 before `from` (the start of the text looked at). */
function codeFrom(text: string, position: number, from: number): number {
  return position >= from ? text.charCodeAt(position) : -1;
}

const lowerCaseLetter = /\p{Ll}/uy;

/** Whether a lower-case letter starts at `at` (before `limit`) and ends by `limit`: a pair the limit cuts is none. */
function isLowerCaseAt(text: string, at: number, limit: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return isAsciiLowerCode(code);
  lowerCaseLetter.lastIndex = at;
  return lowerCaseLetter.test(text) && lowerCaseLetter.lastIndex <= limit;
}

/** What the text after a number says of a word before it (see `contextAfterNumber`). */
export const afterCapitalisedWord = 1;
export const afterLowerCaseWord = 2;

/**
 * What the text after a number, from `end` up to `afterEnd`, allows the word before it to be, as bits:
 * `afterCapitalisedWord` where /^(?:[ \u00A0]+\p{Ll}|[,;:.)]|\s*[\n\r]|$)/u matches it ("the Convention 1 and"),
 * `afterLowerCaseWord` where /^(?:[,;:.)]|[ \u00A0]*[\n\r]|[ \u00A0]*$|[ \u00A0]+\p{Ll})/u does ("the agenda 5
 * and"). A line ends at "\r" as at "\n": a copy pasted on Windows ends its lines "\r\n", and the call
 * before it is a call all the same. Read by code, with no slice: this is asked of most numbers after a
 * space in a copy out of a PDF.
 */
export function contextAfterNumber(text: string, end: number, afterEnd: number): number {
  const both = afterCapitalisedWord | afterLowerCaseWord;
  if (end >= afterEnd || isMarkAfterCall(text.charCodeAt(end))) return both;
  let at = end;
  while (at < afterEnd && isBlankCode(text.charCodeAt(at))) at++;
  if (at === afterEnd) return afterLowerCaseWord;
  if (isLineBreakCode(text.charCodeAt(at)) || (at > end && isLowerCaseAt(text, at, afterEnd))) return both;
  // Other white space before a line break (a tab): the capitalised reading's \s*[\n\r] alone.
  for (let space = end; space < afterEnd && isSpaceCode(text.charCodeAt(space)); space++) {
    if (isLineBreakCode(text.charCodeAt(space))) return afterCapitalisedWord;
  }
  return 0;
}

/**
 * How the run of one to three digits at [start, end) may be a call, read from the text around it
 * (with `sureOnly`, only whether it is surely one):
 * the text before it back to `lower` (at most 40 characters), and after it up to `afterEnd` (at
 * most 12). The patterns anchored at the end of the text before are tried on its last few characters
 * only, as many as each can read, and the simplest are answered by character codes: this runs for
 * most numbers of a draft copied out of a PDF.
 */
function readDigits(text: string, start: number, end: number, lower: number, afterEnd: number, sureOnly: boolean): Reading | undefined {
  const short = end - start <= 2;
  const from = Math.max(lower, start - 40);
  const lastCode = start > from ? text.charCodeAt(start - 1) : -1;
  const next = codeAt(text, end, afterEnd);
  const spaceAfter = next === -1 || isSpaceCode(next);
  // A line break stands for the space a wrapped line lost, before digits a space follows: "a number of
  // States\n7 that". Not before a label: "… 2024–2034\n13. We …" opens paragraph 13.
  const spaceBefore = lastCode === 32 || lastCode === 0xa0 || ((lastCode === 10 || lastCode === 13) && spaceAfter);
  const endOfWord = spaceAfter || isMarkAfterCall(next);
  if (short && !spaceBefore && endOfWord && isGluedToWord(text, from, start, lastCode)) return sureGlued;
  // \p{Ll}{3} reads at most six units, the lookbehind of afterFullStop six more and a boundary.
  if (short && spaceAfter && (lastCode === 44 || lastCode === 59 || lastCode === 58 || (lastCode === 46 && afterFullStop.test(textBefore(text, from, start, 20))))) return sure;
  if (short && next === 47 /* / */) {
    const afterSlash = codeAt(text, end + 1, afterEnd);
    // The slash ending the word is read first: most numbers before a slash are a symbol's ("A/RES/60/1").
    // afterYearAndSpace reads a year, a space and the character before the year: eight units are enough.
    if (
      (afterSlash === -1 || isSpaceCode(afterSlash) || isMarkAfterCall(afterSlash)) &&
      (afterWordMaybeSpace.test(textBefore(text, from, start, 4)) || afterYearAndSpace.test(textBefore(text, from, start, 8)))
    ) {
      return sure; // "Herzegovina, 5/", "30 September 1992 1/"
    }
  }
  if (sureOnly) return undefined;
  if (spaceAfter && spaceBefore && isMarkAndSpaceBefore(text, from, start)) return likely;
  if (short && startsWithJoiningWord(text, end, afterEnd, next) && afterWordMaybeSpace.test(textBefore(text, from, start, 4))) return likely; // "Weapons 6and"
  if (!short || !spaceBefore) return undefined;
  const context = contextAfterNumber(text, end, afterEnd);
  if (context === 0) return undefined;
  const capitalisedContext = (context & afterCapitalisedWord) !== 0;
  const lowerCaseContext = (context & afterLowerCaseWord) !== 0;
  // The word right before, across one space: read backwards (an end-anchored pattern backtracks).
  const previous = wordOrYearBefore(text, from, start - 1);
  if (capitalisedContext && previous) {
    // "the Convention 1 and", "of 19 December 1992 9 and"
    if (isYearWord(previous) || (previous.length >= 3 && startsCapitalised(previous))) return readingWithWord('likely', previous);
  }
  if (lowerCaseContext && previous && previous.length >= 3 && isAllLowerCase(previous)) {
    // "the agenda 5 and", "by 14 votes to none 27"
    return readingWithWord('possible', previous);
  }
  return undefined;
}

/**
 * The bare-digit candidates inside the spans (sorted), read off the text's maximal runs of digits
 * (`digitRuns`, start, end …): each visited as a search for /\d+/g over one span after the other
 * would find it (`visitInSpans`), a run that starts before a span from the span's start. A loop of
 * its own: `visitInSpans` reads the marks' lists, and given a typed list too it read each more slowly
 * (2.4 million instructions more a corpus lint).
 */
function collectCandidates(text: string, spans: readonly SearchSpan[], defined: Uint8Array, marked: ReadonlySet<number>, words: NumberWords, digitRuns: Int32Array): CandidateList {
  // Room for a candidate every sixteen runs (the corpus has one every nineteen): rarely grown.
  const candidates: CandidateList = { fields: new Int32Array(Math.max(64, digitRuns.length >> 3)), length: 0 };
  const spanCount = spans.length;
  if (spanCount === 0) return candidates;
  // The span at the cursor, its ends read when the cursor moves, not at each run of digits: the spans are
  // of two shapes (the paragraphs' pieces, the blocks'), and each read was a polymorphic load.
  let cursor = 0;
  let span = spans[0] as SearchSpan;
  let spanStart = span.start;
  let spanEnd = span.end;
  let searchFrom = spanStart;
  for (let index = 0; index < digitRuns.length; index += 2) {
    const runEnd = digitRuns[index + 1] as number;
    // A run that ends where the search starts (or before) is passed; one that holds that place is read from it.
    if (runEnd <= searchFrom) continue;
    const runStart = Math.max(digitRuns[index] as number, searchFrom);
    while (spanEnd <= runStart && ++cursor < spanCount) {
      span = spans[cursor] as SearchSpan;
      spanStart = span.start;
      spanEnd = span.end;
    }
    if (cursor >= spanCount) break;
    if (runStart < spanStart) {
      // Between searchable spans: the search goes on at the next one's start, in this run if it reaches there.
      searchFrom = spanStart;
      index -= 2;
      continue;
    }
    searchFrom = runEnd;
    if (runEnd > spanEnd) continue;
    candidateAt(text, runStart, runEnd, spanStart, spanEnd, span, defined, marked, words, candidates);
  }
  return candidates;
}

/** The run of digits at [runStart, runEnd) in `span` (from `lower` to `upper`) as a candidate call, added to `candidates` if it is one. */
function candidateAt(text: string, runStart: number, runEnd: number, lower: number, upper: number, span: SearchSpan, defined: Uint8Array, marked: ReadonlySet<number>, words: NumberWords, candidates: CandidateList): void {
  // Four digits are a year, seven or more a number: the cheap, common rejections come first.
  const length = runEnd - runStart;
  if (length === 4 || length > 6) return;
  const charBefore = text.charCodeAt(runStart - 1);
  if (runStart > lower && (charBefore === 47 /* / */ || (charBefore === 46 /* . */ && isDigitCode(text.charCodeAt(runStart - 2))))) return;
  const charAfter = text.charCodeAt(runEnd);
  // "60/175", "2.5": digits that continue a symbol or a decimal are not calls.
  if (charAfter === 46 /* . */ && text.charCodeAt(runEnd + 1) >= 48 && text.charCodeAt(runEnd + 1) <= 57) return;
  const afterEnd = Math.min(upper, runEnd + 12);
  // A call glued to a year: "of 25 November 20242" is 2024 and call 2. The digits read by code, not
  // sliced for Number: they are one to three ASCII digits (one or two after a year).
  const gluedToYear = length >= 5;
  const number = digitsValue(text, gluedToYear ? runStart + 4 : runStart, runEnd);
  const hasText = defined[number] === 1;
  if (number === 0 || (!hasText && span.bareCalls === 'defined-only')) return;
  let offset = 0;
  let reading: Reading | undefined;
  // A number that no footnote text has is chosen as a call only when its candidate is sure
  // (`chooseBareCalls`): a likely or possible one would be passed over there, so it is not read as
  // one. In the corpus, 2,675 of the 6,539 numbers that reach those readings have no text.
  if (gluedToYear) {
    // Its reading is likely: only a number with a text is read.
    if (!hasText) return;
    const run = text.slice(runStart, runEnd);
    if (endsGluedNumber.test(text.slice(Math.max(lower, runStart - 2), runStart) + run.slice(0, 4)) && endOfWordContext.test(text.slice(runEnd, afterEnd))) {
      offset = 4;
      // The year is the word before the call: "20 June 20255 and 21 October" lists dates, not a range of numbers.
      reading = readingWithWord('likely', run.slice(0, 4));
    }
  } else {
    reading = readDigits(text, runStart, runEnd, lower, afterEnd, !hasText);
  }
  if (!reading) return;
  const index = runStart + offset;
  if (text.charCodeAt(index - 1) === 94 /* ^ */ && text.charCodeAt(index - 2) === 91 /* [ */) return;
  if (reading.word !== undefined && (words.numberedNouns.has(reading.word) || words.counts.has(reading.word))) return;
  if (reading.word !== undefined && number <= 31 && words.months.has(reading.word) && !isDayBefore(text, lower, index - 1 - reading.word.length)) return;
  if (reading.certainty !== 'sure') {
    const afterYear = reading.word !== undefined && isFourDigits(reading.word);
    if (!afterYear && isRangeAfter(text, runEnd, afterEnd)) return;
    if (isListWordAfter(text, runEnd, afterEnd) && numberBefore.test(text.slice(Math.max(lower, index - 12), index))) return;
  }
  if (holdsNoBefore(text, Math.max(lower, runStart - 10), runStart) && numberSignBefore.test(text.slice(Math.max(lower, runStart - 10), runStart))) return;
  // A number given as a mark in order is not looked for again as bare digits.
  if (marked.has(number)) return;
  addCandidate(candidates, index, runEnd, number, candidateKinds[reading.certainty] + (reading.glued ? gluedCandidate : 0));
}

/**
 * Whether a day stands before the month that ends at `monthEnd`, across white space ("5 May"): the
 * number after that month is no day of it, and may be a call ("5 May 3 and").
 */
function isDayBefore(text: string, lower: number, monthStart: number): boolean {
  let at = monthStart;
  while (at > lower && isSpaceCode(text.charCodeAt(at - 1))) at--;
  return at < monthStart && at > lower && isDigitCode(text.charCodeAt(at - 1));
}

/**
 * A year as the word before a number ("of 19 December 1992 9 and"): /^(?:19|20)\d\d$/.test(word), by
 * code (asked of most words before a number in a capitalised context: 546 pattern calls a corpus parse).
 */
function isYearWord(word: string): boolean {
  if (!isFourDigits(word)) return false;
  const century = word.charCodeAt(0) * 256 + word.charCodeAt(1);
  return century === 49 * 256 + 57 /* 19 */ || century === 50 * 256 + 48 /* 20 */;
}

/** /^\d{4}$/.test(word), by code. */
function isFourDigits(word: string): boolean {
  return word.length === 4 && isDigitCode(word.charCodeAt(0)) && isDigitCode(word.charCodeAt(1)) && isDigitCode(word.charCodeAt(2)) && isDigitCode(word.charCodeAt(3));
}

/** Whether "No" stands in [from, to): what /\bNos?\.?\s*$/ needs to match there, looked for before a slice is made for it. */
function holdsNoBefore(text: string, from: number, to: number): boolean {
  for (let at = from; at + 1 < to; at++) {
    if (text.charCodeAt(at) === 78 && text.charCodeAt(at + 1) === 111) return true;
  }
  return false;
}

/**
 * `chooseBareCalls` for each stretch of a file of several resolutions whose footnotes number from 1
 * again (`seriesStarts`: where each later series begins): a stretch's calls are matched, in numbering
 * order, against the texts it holds, as if it stood alone.
 */
function chooseBareCallsBySeries(list: CandidateList, footnoteTexts: readonly FootnoteText[], defined: ReadonlySet<number>, seriesStarts: readonly number[], calls: FootnoteCall[]): void {
  const count = list.length / candidateFields;
  const choice = new BareCallChoice(list);
  let first = 0;
  // The texts are in text order (the parse sorts them): each stretch's are read on from the last
  // stretch's, not looked for among all of them (a file of a thousand texts made that quadratic).
  let nextText = 0;
  for (let series = 0; series <= seriesStarts.length; series++) {
    const to = seriesStarts[series] ?? Number.POSITIVE_INFINITY;
    let end = first;
    while (end < count && (list.fields[end * candidateFields] as number) < to) end++;
    const ownDefined: number[] = [];
    for (; nextText < footnoteTexts.length && (footnoteTexts[nextText] as FootnoteText).span.start < to; nextText++) {
      const footnote = footnoteTexts[nextText] as FootnoteText;
      if (defined.has(footnote.number)) ownDefined.push(footnote.number);
    }
    // A stretch with no candidate (most texts of a file that cite nothing by bare digits) has nothing to choose.
    if (end > first) chooseBareCalls(choice, first, end, ascendingOnce(ownDefined), calls);
    first = end;
  }
}

/** `numbers` sorted ascending, each once, in place: a series' texts are numbered in order, and then not sorted at all. */
function ascendingOnce(numbers: number[]): number[] {
  let sorted = true;
  for (let index = 1; index < numbers.length && sorted; index++) sorted = (numbers[index - 1] as number) < (numbers[index] as number);
  if (sorted) return numbers;
  numbers.sort((a, b) => a - b);
  let kept = 0;
  for (let index = 0; index < numbers.length; index++) {
    if (kept === 0 || numbers[index] !== numbers[kept - 1]) numbers[kept++] = numbers[index] as number;
  }
  numbers.length = kept;
  return numbers;
}

/**
 * The candidates and the lists that choosing among them works in, made once a parse and used for
 * every series in turn: a file of 145 texts made five typed lists, a set and a sorted copy of it for
 * each of its 81 series with candidates. The lists by number hold every number a candidate can have
 * (one to three digits); each choice clears the part it used.
 */
class BareCallChoice {
  readonly candidates: Int32Array;
  readonly chosen: Uint8Array;
  /** The candidates of each number, in text order: a chain from the number's first (index + 1, 0 for none) through `nextOfNumber`. */
  readonly firstOfNumber = new Int32Array(highestCandidateNumber + 1);
  readonly nextOfNumber: Int32Array;
  /** The sure candidates' indices, in text order. */
  readonly sure: Int32Array;
  /** Where each number's first call stands (index + 1, 0 for none). */
  readonly firstUse = new Int32Array(highestCandidateNumber + 1);
  /** 1 for the numbers of the footnote texts matched against. */
  readonly defined = new Uint8Array(highestCandidateNumber + 1);

  constructor(list: CandidateList) {
    const count = list.length / candidateFields;
    this.candidates = list.fields;
    this.chosen = new Uint8Array(count);
    this.nextOfNumber = new Int32Array(count);
    this.sure = new Int32Array(count);
  }
}
/** A candidate's number has at most three digits (`candidateAt`). */
const highestCandidateNumber = 999;

/**
 * The bare calls among the candidates `first` to `end` (exclusive), added to `calls` in text order,
 * matched against the footnote texts numbered `defined` (ascending, each once). Sure candidates always
 * count; the others only as the first call of a footnote, found in numbering order, or as a later
 * "likely" call of a footnote already used.
 */
function chooseBareCalls(choice: BareCallChoice, first: number, end: number, defined: readonly number[], calls: FootnoteCall[]): void {
  const { candidates, chosen, firstOfNumber, nextOfNumber, sure, firstUse } = choice;
  const start = (candidate: number): number => candidates[candidate * candidateFields] as number;
  const numberOf = (candidate: number): number => candidates[candidate * candidateFields + 2] as number;
  const kindOf = (candidate: number): number => candidates[candidate * candidateFields + 3] as number;
  const highestDefined = defined.length > 0 ? (defined[defined.length - 1] as number) : 0;
  for (const number of defined) if (number <= highestCandidateNumber) choice.defined[number] = 1;
  let highestCandidate = 0;
  for (let candidate = first; candidate < end; candidate++) highestCandidate = Math.max(highestCandidate, numberOf(candidate));
  for (let candidate = end - 1; candidate >= first; candidate--) {
    const number = numberOf(candidate);
    nextOfNumber[candidate] = firstOfNumber[number] as number;
    firstOfNumber[number] = candidate + 1;
  }
  let sureCount = 0;
  for (let candidate = first; candidate < end; candidate++) {
    const kind = kindOf(candidate);
    if (!isSureKind(kind)) continue;
    sure[sureCount++] = candidate;
    // A sure call whose text is missing is kept only when glued to a word ("Corruption7"), and not
    // when far past every footnote ("a population of 35,").
    const number = numberOf(candidate);
    if (choice.defined[number] === 1 || (kind === sureCandidate + gluedCandidate && number <= highestDefined + 5)) chosen[candidate] = 1;
  }
  let position = 0;
  let sureCursor = 0;
  for (const number of defined) {
    const head = number <= highestCandidate ? (firstOfNumber[number] as number) : 0;
    if (head === 0) continue;
    // The next sure call of a later footnote bounds where this one's first call can be.
    while (sureCursor < sureCount && start(sure[sureCursor] as number) < position) sureCursor++;
    let limit = Number.POSITIVE_INFINITY;
    for (let index = sureCursor; index < sureCount; index++) {
      const candidate = sure[index] as number;
      if (numberOf(candidate) > number) {
        limit = start(candidate);
        break;
      }
    }
    let firstCall = -1;
    for (let candidate = head - 1; candidate >= 0; candidate = (nextOfNumber[candidate] as number) - 1) {
      if (start(candidate) >= position && start(candidate) < limit) {
        firstCall = candidate;
        break;
      }
    }
    for (let candidate = head - 1; firstCall < 0 && candidate >= 0; candidate = (nextOfNumber[candidate] as number) - 1) {
      if (isSureKind(kindOf(candidate))) firstCall = candidate;
    }
    if (firstCall < 0) continue;
    chosen[firstCall] = 1;
    firstUse[number] = start(firstCall) + 1;
    position = Math.max(position, start(firstCall));
  }
  for (let candidate = first; candidate < end; candidate++) {
    const usedAt = (firstUse[numberOf(candidate)] as number) - 1;
    if (kindOf(candidate) === likelyCandidate && usedAt >= 0 && start(candidate) > usedAt) chosen[candidate] = 1;
    if (chosen[candidate] === 1) {
      const at = candidate * candidateFields;
      calls.push(new FootnoteCallNode(new SpanNode(candidates[at] as number, candidates[at + 1] as number), candidates[at + 2] as number, 'bare'));
    }
  }
  // Cleared for the next series: the lists by number where this one wrote.
  firstOfNumber.fill(0, 0, highestCandidate + 1);
  firstUse.fill(0, 0, highestCandidate + 1);
  for (const number of defined) if (number <= highestCandidateNumber) choice.defined[number] = 0;
}

/** The footnote marks of a whole text, wherever they stand: `[^N]` and runs of superscript digits (flat lists of start and end). */
export interface FootnoteMarks {
  readonly brackets: readonly number[];
  readonly superscripts: readonly number[];
}

/** The superscript digits ⁰ ¹ ² ³ ⁴ … ⁹, whose runs are calls. */
export const superscriptMarks: RareCharacters = {
  codes: [0xb9, 0xb2, 0xb3, 0x2070, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079],
  isMember: (code) => code === 0xb9 || code === 0xb2 || code === 0xb3 || code === 0x2070 || (code >= 0x2074 && code <= 0x2079),
};

/**
 * The footnote marks of `text`; with the previous version's marks and what changed since, only the
 * changed stretch is searched (a session's keystroke: the search of the whole text was the parse's largest cost).
 */
export function footnoteMarks(text: string, previous?: { marks: FootnoteMarks; change: TextChange }): FootnoteMarks {
  return {
    brackets: occurrencesOf(text, bracketCalls, previous && { occurrences: previous.marks.brackets, change: previous.change }),
    superscripts: runsOf(text, superscriptMarks, previous && { runs: previous.marks.superscripts, change: previous.change }),
  };
}

/**
 * The numbers whose first mark stands in numbering order: no higher number was marked before it.
 * A copy that turned some calls into marks and left others bare may also have marked a number that
 * is no call ("P5 academics" written "P[^5] academics"): a number first marked out of order is
 * looked for among the bare digits too, where its first call in order may be ("Commission,5").
 */
function inOrderMarks(calls: readonly FootnoteCall[]): Set<number> {
  const inOrder = new Set<number>();
  const seen = new Set<number>();
  let highest = 0;
  for (const call of [...calls].sort((a, b) => a.span.start - b.span.start)) {
    if (seen.has(call.number)) continue;
    seen.add(call.number);
    if (call.number > highest) inOrder.add(call.number);
    highest = Math.max(highest, call.number);
  }
  return inOrder;
}

/**
 * The footnote calls inside `spans`, which come in text order (the parser's searchable spans).
 * Where bare digits are read as calls, `metDigitRuns` is given the runs of digits searched for them:
 * every one of the text, whole (start, end …, in order).
 */
export function findFootnoteCalls(
  text: string,
  spans: readonly SearchSpan[],
  footnoteTexts: readonly FootnoteText[],
  allowBare: boolean,
  words: NumberWords = { numberedNouns: new Set(), counts: new Set(), months: new Set() },
  marks?: FootnoteMarks,
  metDigitRuns?: (runs: Int32Array) => void,
  seriesStarts: readonly number[] = [],
): FootnoteCall[] {
  const calls: FootnoteCall[] = [];
  // The marks inside the spans, as a search of each span would find them.
  visitInSpans(marks ? marks.brackets : occurrencesOf(text, bracketCalls), 'occurrences', spans, (start, end) => {
    // A named call ("[^agenda]") reads NaN here: numberNamedFootnotes numbers it with the others known.
    calls.push(new FootnoteCallNode(new SpanNode(start, end), Number(text.slice(start + 2, end - 1)), 'bracket'));
  });
  // With no marks given, the superscripts are searched for here; where bare digits will likely be read
  // (some footnote text is bare or has no `[^N]`), along with the runs of digits, in one search of the text.
  let digitRuns: Int32Array | undefined;
  let superscripts: readonly number[];
  let uncalledByBrackets: boolean | undefined;
  if (marks) superscripts = marks.superscripts;
  else if (allowBare && (uncalledByBrackets = someUncalled(footnoteTexts, calls))) ({ runs: superscripts, digitRuns } = runsAndDigitRunsOf(text, superscriptMarks));
  else superscripts = runsOf(text, superscriptMarks);
  const bracketCount = calls.length;
  visitInSpans(superscripts, 'runs', spans, (start, end) => {
    if (unitBefore.test(text.slice(Math.max(0, start - 6), start))) return;
    calls.push(new FootnoteCallNode(new SpanNode(start, end), Number(superscriptDigitsInAscii(text.slice(start, end))), 'superscript'));
  });
  // Bare digits are looked for only where some footnote text is not called by a mark: in a draft
  // whose every text has its `[^N]`, a digit is a digit. Where no superscript was a call, the answer
  // is the one given before them (each asking makes a set of every call).
  if (allowBare && (calls.length === bracketCount && uncalledByBrackets !== undefined ? uncalledByBrackets : someUncalled(footnoteTexts, calls))) {
    // Numbers already given as marks, in order, are not looked for again as bare digits.
    const marked = inOrderMarks(calls);
    const defined = new Set<number>();
    for (const footnote of footnoteTexts) if (!marked.has(footnote.number)) defined.add(footnote.number);
    digitRuns ??= digitRunsOf(text);
    // Every run of the text, whole: the paragraphs' prose reads its digits off them.
    metDigitRuns?.(digitRuns);
    // The defined numbers a candidate can have (one to three digits), as a table: asked of most runs of digits.
    const definedCandidateNumbers = new Uint8Array(highestCandidateNumber + 1);
    for (const number of defined) if (number <= highestCandidateNumber) definedCandidateNumbers[number] = 1;
    const candidates = collectCandidates(text, spans, definedCandidateNumbers, marked, words, digitRuns);
    if (seriesStarts.length > 0) chooseBareCallsBySeries(candidates, footnoteTexts, defined, seriesStarts, calls);
    else if (candidates.length > 0) chooseBareCalls(new BareCallChoice(candidates), 0, candidates.length / candidateFields, ascendingOnce([...defined]), calls);
  }
  return outsideLabels(calls.sort((a, b) => a.span.start - b.span.start), footnoteTexts);
}

/** Whether some footnote text is bare, or called by none of `calls`. */
function someUncalled(footnoteTexts: readonly FootnoteText[], calls: readonly FootnoteCall[]): boolean {
  const called = new Set<number>();
  for (const call of calls) called.add(call.number);
  return footnoteTexts.some((footnote) => footnote.style === 'bare' || !called.has(footnote.number));
}

/**
 * The calls (sorted) that lie in no footnote text's label: "[^7]:" or "7 " opening a footnote text
 * is never a call, whatever searchable span a caller let overlap it.
 */
function outsideLabels(calls: FootnoteCall[], footnoteTexts: readonly FootnoteText[]): FootnoteCall[] {
  if (calls.length === 0 || footnoteTexts.length === 0) return calls;
  // The parser gives the footnote texts in text order, and so their labels: a sorted copy only when they are not.
  let inOrder = true;
  for (let index = 1; index < footnoteTexts.length && inOrder; index++) {
    inOrder = (footnoteTexts[index - 1] as FootnoteText).labelSpan.start <= (footnoteTexts[index] as FootnoteText).labelSpan.start;
  }
  const sorted = inOrder ? undefined : footnoteTexts.map((footnote) => footnote.labelSpan).sort((a, b) => a.start - b.start);
  const labelAt = (index: number): Span | undefined => (sorted ? sorted[index] : footnoteTexts[index]?.labelSpan);
  // A list of the calls kept is made only once one is left out: most drafts have none in a label.
  let kept: FootnoteCall[] | undefined;
  let cursor = 0;
  for (let index = 0; index < calls.length; index++) {
    const call = calls[index] as FootnoteCall;
    while (cursor < footnoteTexts.length && (labelAt(cursor) as Span).end <= call.span.start) cursor++;
    const label = labelAt(cursor);
    const inLabel = label !== undefined && label.start <= call.span.start && call.span.end <= label.end;
    if (inLabel) kept ??= calls.slice(0, index);
    else kept?.push(call);
  }
  return kept ?? calls;
}
