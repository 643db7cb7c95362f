// Footnote calls: `[^3]`, superscript digits, and the bare digits that text copied out of a PDF
// leaves glued to words ("Corruption2") or standing after punctuation ("thereto, 1").
import type { FootnoteCall, FootnoteText, Span } from '../model';

const bracketCall = /\[\^(\d{1,4})\]/g;
const superscriptCall = /[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+/g;
const superscriptDigits: Readonly<Record<string, string>> = {
  '\u2070': '0', '\u00B9': '1', '\u00B2': '2', '\u00B3': '3', '\u2074': '4',
  '\u2075': '5', '\u2076': '6', '\u2077': '7', '\u2078': '8', '\u2079': '9',
};

/**
 * Bare digits that can only be a footnote call: glued to the end of a lower-case word or a closing
 * quote or bracket ("Corruption2", "Agreement”3"), or glued after punctuation ("2006,3", "60/175;6").
 */
const strongBareCall = /(?:(?<=\p{Ll}{3})|(?<=[)\]”’"])|(?<=[,;:])|(?<=\D\.))(\d{1,2})(?=[\s\u00A0,.;:)]|$)/gu;
/** Digits after punctuation and a space ("thereto, 1 the", "Republic, 2"): a call only when its text exists. */
const weakBareCall = /(?<=[,;:.)”’"][ \u00A0]{1,2}|[,;:])(\d{1,3})(?=[\s\u00A0]|$)/gu;
/** Words after which a number is a list item, not a footnote: "paragraphs 5, 6 and 7". */
const listWordAfter = /^[\s\u00A0]+(?:and|or|to|per|of|in|from|bis|ter)\b/;
/** A short number or label just before: "paragraphs 5, 6 and 7", "articles IV, 5 and 6". */
const numberBefore = /(?:(?:^|\s)\d{1,3}|\b[IVXLC]+|\([a-z]{1,3}\))[,;:.]?[ \u00A0]*$/;

export function findFootnoteCalls(
  text: string,
  spans: readonly Span[],
  footnoteTexts: readonly FootnoteText[],
  allowBare: boolean,
): FootnoteCall[] {
  const defined = new Set(footnoteTexts.map((footnote) => footnote.number));
  const calls: FootnoteCall[] = [];
  const taken = new Set<number>();
  for (const span of spans) {
    const slice = text.slice(span.start, span.end);
    for (const match of slice.matchAll(bracketCall)) {
      const start = span.start + (match.index ?? 0);
      calls.push({ span: { start, end: start + match[0].length }, number: Number(match[1]), style: 'bracket' });
      taken.add(start);
    }
    for (const match of slice.matchAll(superscriptCall)) {
      const start = span.start + (match.index ?? 0);
      const digits = [...match[0]].map((character) => superscriptDigits[character] ?? '').join('');
      calls.push({ span: { start, end: start + match[0].length }, number: Number(digits), style: 'superscript' });
    }
  }
  if (!allowBare) return calls.sort((a, b) => a.span.start - b.span.start);

  interface Candidate {
    readonly span: Span;
    readonly number: number;
    readonly strong: boolean;
  }
  const candidates: Candidate[] = [];
  for (const span of spans) {
    const slice = text.slice(span.start, span.end);
    const strongAt = new Set<number>();
    for (const match of slice.matchAll(strongBareCall)) {
      const index = match.index ?? 0;
      const start = span.start + index;
      // "2006,3" is a call; "1,000" is a number (three digits are never read as a call here).
      if (/\[\^$/.test(slice.slice(Math.max(0, index - 2), index))) continue;
      strongAt.add(index);
      candidates.push({ span: { start, end: start + (match[1] ?? '').length }, number: Number(match[1]), strong: true });
    }
    for (const match of slice.matchAll(weakBareCall)) {
      const index = match.index ?? 0;
      if (strongAt.has(index)) continue;
      const number = Number(match[1]);
      if (!defined.has(number)) continue;
      const after = slice.slice(index + (match[1] ?? '').length, index + (match[1] ?? '').length + 8);
      if (listWordAfter.test(after) && numberBefore.test(slice.slice(Math.max(0, index - 12), index))) continue;
      const start = span.start + index;
      candidates.push({ span: { start, end: start + (match[1] ?? '').length }, number, strong: false });
    }
  }
  candidates.sort((a, b) => a.span.start - b.span.start);
  // Footnotes are numbered in the order of first use: a weak candidate must be a number already
  // used, or the next one; the very first call may start anywhere (yearbook numbering runs on).
  let highest = 0;
  for (const candidate of candidates) {
    if (taken.has(candidate.span.start)) continue;
    if (!candidate.strong) {
      const fits = highest === 0 || candidate.number <= highest || candidate.number === highest + 1;
      if (!fits) continue;
    } else if (!defined.has(candidate.number) && defined.size > 0 && candidate.number > Math.max(...defined) + 5) {
      // A number far past any footnote is not a call that lost its text: "a population of 35".
      continue;
    }
    calls.push({ span: candidate.span, number: candidate.number, style: 'bare' });
    highest = Math.max(highest, candidate.number);
  }
  return calls.sort((a, b) => a.span.start - b.span.start);
}
