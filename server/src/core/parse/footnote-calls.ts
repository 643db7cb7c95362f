// Footnote calls: `[^3]`, superscript digits, and the bare digits that text copied out of a PDF
// leaves glued to words ("Corruption2") or standing after punctuation ("thereto, 1").
//
// Bare digits are ambiguous, so they are read in two steps. Every number that may be a call is
// first collected with how sure its context makes it. Then the footnotes whose texts exist are
// matched in order: footnotes are numbered in the order of first use, so footnote N's first call
// is the first candidate for N after footnote N-1's, and before the next footnote's sure call.
import type { FootnoteCall, FootnoteText, Span } from '../model';

/** Text to search, and whether bare digits may be read as calls there (not in an annex's tables). */
export interface SearchSpan extends Span {
  readonly bareCalls: 'any' | 'defined-only';
}

/** Words of the language that tell a number is not a call. */
export interface NumberWords {
  /** Words that take a number: "Article 2", "Goal 5". */
  readonly numberedNouns: ReadonlySet<string>;
  /** Words after which a number counts something: "from 6 to 22", "there are 2". */
  readonly counts: ReadonlySet<string>;
}

const bracketCall = /\[\^(\d{1,4})\]/g;
/** Superscript digits, except the powers of units: "m³", "km²". */
const superscriptCall = /(?<!\b(?:m|cm|mm|km|dm|ft|in|m\/s|kg\/m))[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+/g;
const superscriptDigits: Readonly<Record<string, string>> = {
  '\u2070': '0', '\u00B9': '1', '\u00B2': '2', '\u00B3': '3', '\u2074': '4',
  '\u2075': '5', '\u2076': '6', '\u2077': '7', '\u2078': '8', '\u2079': '9',
};

/** How sure the context makes a bare number a call. */
type Certainty = 'sure' | 'likely' | 'possible';

interface Candidate {
  readonly span: Span;
  readonly number: number;
  readonly certainty: Certainty;
  /** Glued to a lower-case word: a call even when its text is missing ("Corruption7 and"). */
  readonly glued: boolean;
}

interface CandidatePattern {
  readonly pattern: RegExp;
  readonly certainty: Certainty;
  readonly glued?: boolean;
  /** Index of the capture group holding the digits. */
  readonly digits: number;
  /** Index of the capture group holding the word before, when the word decides. */
  readonly word?: number;
}

const candidatePatterns: readonly CandidatePattern[] = [
  // "Corruption2 and", "Agreement”3", "(A/80/11)1"
  { pattern: /(?<=\p{Ll}{3}|[)\]”’"])(\d{1,2})(?=[\s\u00A0,.;:)]|$)/gu, certainty: 'sure', glued: true, digits: 1 },
  // "2006,3 in", "60/175;6", "Justice,4": punctuation glued to one or two digits ("1,000" has three)
  // After a full stop only at the end of a word or quotation ("Secretary-General.3"), never in a
  // symbol or abbreviation ("C-24/DEC.4", "Rev.1", "Corr.2").
  { pattern: /(?<=[,;:]|(?<!\b(?:Corr|Add|Rev|para|paras|vol|chap|sect|art|annex))(?:\p{Ll}{3}|[)”’"])\.)(\d{1,2})(?=[\s\u00A0]|$)/gu, certainty: 'sure', digits: 1 },
  // "Herzegovina, 5/", "agreement 3/": the call style of older documents
  { pattern: /(?<=[\p{L},;:.)][ \u00A0]?)(\d{1,2})(?=\/(?:[\s\u00A0,.;:)]|$))/gu, certainty: 'sure', digits: 1 },
  // "thereto, 1  the", "Republic, 2", "2024/25; 4"
  { pattern: /(?<=[,;:.)”’"][ \u00A0]{1,2})(\d{1,3})(?=[\s\u00A0]|$)/gu, certainty: 'likely', digits: 1 },
  // "of 25 November 20242": a call glued to a year (1945 to 2035)
  { pattern: /(?<=(?:^|[\s(])(?:19[4-9]\d|20[0-3]\d))(\d{1,2})(?=[\s\u00A0,.;:)]|$)/gu, certainty: 'likely', digits: 1 },
  // "the Convention 1 and", "of 19 December 1992 9 and"
  { pattern: /(?<=(\p{Lu}\p{L}{2,}|(?:19|20)\d\d)[ \u00A0])(\d{1,2})(?=[ \u00A0]+\p{Ll}|[,;:.)]|\s*\n|$)/gu, certainty: 'likely', digits: 2, word: 1 },
  // "Weapons 6and the", "Secretary-General, 2and": the space after the call lost
  { pattern: /(?<=[\p{L},;:.)][ \u00A0]?)(\d{1,2})(?=(?:and|or|the|in)[ \u00A0])/gu, certainty: 'likely', digits: 1 },
  // "the agenda 5 and", "by 14 votes to none 27"
  { pattern: /(?<=(\p{Ll}{3,})[ \u00A0])(\d{1,2})(?=[,;:.)]|[ \u00A0]*\n|[ \u00A0]*$|[ \u00A0]+\p{Ll})/gu, certainty: 'possible', digits: 2, word: 1 },
];

/** "from 6 to 22", "items 5, 6 and 7": a number in a range or list. */
const rangeAfter = /^[ \u00A0]*(?:to|and|or|-|–|—)[ \u00A0]*\d{1,3}(?!\d)/;
const listWordAfter = /^[\s\u00A0]+(?:and|or|to|per|of|in|from|bis|ter)\b/;
const numberBefore = /(?:(?:^|\s)\d{1,3}|\b[IVXLC]+|\([a-z]{1,3}\))[,;:.]?[ \u00A0]*$/;
const certaintyRank: Readonly<Record<Certainty, number>> = { sure: 2, likely: 1, possible: 0 };

function collectCandidates(text: string, spans: readonly SearchSpan[], defined: ReadonlySet<number>, words: NumberWords): Candidate[] {
  const byStart = new Map<number, Candidate>();
  for (const span of spans) {
    const slice = text.slice(span.start, span.end);
    for (const { pattern, certainty, glued, digits, word } of candidatePatterns) {
      for (const match of slice.matchAll(pattern)) {
        const index = match.index ?? 0;
        const written = match[digits] ?? '';
        const number = Number(written);
        const start = span.start + index;
        const existing = byStart.get(start);
        if (existing && certaintyRank[existing.certainty] >= certaintyRank[certainty]) continue;
        if (/\[\^$/.test(slice.slice(Math.max(0, index - 2), index))) continue;
        const before = word === undefined ? undefined : match[word];
        if (before !== undefined && (words.numberedNouns.has(before) || words.counts.has(before))) continue;
        const after = slice.slice(index + written.length, index + written.length + 10);
        const afterYear = before !== undefined && /^\d{4}$/.test(before);
        if (certainty !== 'sure' && !afterYear && rangeAfter.test(after)) continue;
        if (certainty !== 'sure' && listWordAfter.test(after) && numberBefore.test(slice.slice(Math.max(0, index - 12), index))) continue;
        if (/\bNos?\.?\s*$/.test(slice.slice(Math.max(0, index - 10), index))) continue;
        if (span.bareCalls === 'defined-only' && !defined.has(number)) continue;
        if (number === 0) continue;
        byStart.set(start, { span: { start, end: start + written.length }, number, certainty, glued: glued === true });
      }
    }
  }
  return [...byStart.values()].sort((a, b) => a.span.start - b.span.start);
}

/**
 * The bare calls among the candidates. Sure candidates always count; the others only as the first
 * call of a footnote, found in numbering order, or as a later "likely" call of a footnote already used.
 */
function chooseBareCalls(candidates: readonly Candidate[], defined: ReadonlySet<number>): Candidate[] {
  const chosen = new Set<Candidate>();
  for (const candidate of candidates) {
    if (candidate.certainty !== 'sure') continue;
    // A sure call whose text is missing is kept only when glued to a word ("Corruption7"), and not
    // when far past every footnote ("a population of 35,").
    const highestDefined = Math.max(0, ...defined);
    if (defined.has(candidate.number) || (candidate.glued && candidate.number <= highestDefined + 5)) chosen.add(candidate);
  }
  const firstUse = new Map<number, number>();
  let position = 0;
  for (const number of [...defined].sort((a, b) => a - b)) {
    const nextSure = candidates.find((candidate) => candidate.span.start >= position && candidate.certainty === 'sure' && candidate.number > number);
    const limit = nextSure ? nextSure.span.start : Number.POSITIVE_INFINITY;
    const inWindow = candidates.find((candidate) => candidate.number === number && candidate.span.start >= position && candidate.span.start < limit);
    const first = inWindow ?? candidates.find((candidate) => candidate.number === number && candidate.certainty === 'sure');
    if (!first) continue;
    chosen.add(first);
    firstUse.set(number, first.span.start);
    position = Math.max(position, first.span.start);
  }
  for (const candidate of candidates) {
    const used = firstUse.get(candidate.number);
    if (candidate.certainty === 'likely' && used !== undefined && candidate.span.start > used) chosen.add(candidate);
  }
  return candidates.filter((candidate) => chosen.has(candidate));
}

export function findFootnoteCalls(
  text: string,
  spans: readonly SearchSpan[],
  footnoteTexts: readonly FootnoteText[],
  allowBare: boolean,
  words: NumberWords = { numberedNouns: new Set(), counts: new Set() },
): FootnoteCall[] {
  const calls: FootnoteCall[] = [];
  for (const span of spans) {
    const slice = text.slice(span.start, span.end);
    for (const match of slice.matchAll(bracketCall)) {
      const start = span.start + (match.index ?? 0);
      calls.push({ span: { start, end: start + match[0].length }, number: Number(match[1]), style: 'bracket' });
    }
    for (const match of slice.matchAll(superscriptCall)) {
      const start = span.start + (match.index ?? 0);
      const digits = [...match[0]].map((character) => superscriptDigits[character] ?? '').join('');
      calls.push({ span: { start, end: start + match[0].length }, number: Number(digits), style: 'superscript' });
    }
  }
  if (allowBare) {
    // Numbers already given as marks are not looked for again as bare digits.
    const marked = new Set(calls.map((call) => call.number));
    const defined = new Set(footnoteTexts.map((footnote) => footnote.number).filter((number) => !marked.has(number)));
    const candidates = collectCandidates(text, spans, defined, words).filter((candidate) => !marked.has(candidate.number));
    for (const candidate of chooseBareCalls(candidates, defined)) {
      calls.push({ span: candidate.span, number: candidate.number, style: 'bare' });
    }
  }
  return calls.sort((a, b) => a.span.start - b.span.start);
}
