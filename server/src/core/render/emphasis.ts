// Markdown emphasis inside running text ("*inter alia*", "**not**", "_Official Records …_"): a
// draft kept in Markdown italicises as print does (Latin words, the titles of publications), and the
// preview and the exports print the words in italics or bold, never the markers.
import type { Span } from '../model';

export interface Emphasis {
  /** The opening marker: "*", "**", "_" or "__". */
  readonly open: Span;
  readonly close: Span;
  /** "**" or "__": bold; one marker: italics. */
  readonly strong: boolean;
}

/** The most units an emphasised stretch spans: a title of several lines, never a whole page. */
const longestEmphasis = 2000;

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(code)));
}

function isSpaceOrEnd(code: number): boolean {
  return Number.isNaN(code) || code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

/**
 * The emphasised stretches of `text` between `start` and `end`, in order, by Markdown's rules kept to
 * what drafts write: a marker opens where no letter or digit stands before it and no space after it,
 * and closes where no space stands before it and no letter or digit after it; the same marker, once
 * or twice, closes what it opened; no stretch crosses a blank line. An unmatched marker is text.
 */
export function emphasesIn(text: string, start: number, end: number): Emphasis[] {
  const found: Emphasis[] = [];
  let at = start;
  while (at < end) {
    const star = text.indexOf('*', at);
    const underscore = text.indexOf('_', at);
    const next = star < 0 || star >= end ? underscore : underscore < 0 || underscore >= end ? star : Math.min(star, underscore);
    if (next < 0 || next >= end) break;
    const marker = text.charAt(next);
    const width = text.charAt(next + 1) === marker ? 2 : 1;
    const opensHere = !isWordCode(text.charCodeAt(next - 1)) && text.charAt(next - 1) !== marker && !isSpaceOrEnd(text.charCodeAt(next + width)) && text.charAt(next + width) !== marker;
    if (!opensHere) {
      at = next + width;
      continue;
    }
    const close = closingMarker(text, next + width, Math.min(end, next + width + longestEmphasis), marker, width);
    if (close < 0) {
      at = next + width;
      continue;
    }
    found.push({ open: { start: next, end: next + width }, close: { start: close, end: close + width }, strong: width === 2 });
    at = close + width;
  }
  return found;
}

/** Where the marker that closes one opened before `from` stands, or -1. */
function closingMarker(text: string, from: number, limit: number, marker: string, width: number): number {
  for (let at = text.indexOf(marker, from); at >= 0 && at < limit; at = text.indexOf(marker, at + 1)) {
    // A blank line ends a paragraph of Markdown, and what was opened in it.
    const blank = text.slice(from, at).search(/\n[ \t]*\r?\n/);
    if (blank >= 0) return -1;
    const run = runLength(text, at, marker);
    if (run !== width) {
      at += run - 1;
      continue;
    }
    if (isSpaceOrEnd(text.charCodeAt(at - 1)) || isWordCode(text.charCodeAt(at + width))) continue;
    if (at + width > limit) return -1;
    return at;
  }
  return -1;
}

function runLength(text: string, at: number, marker: string): number {
  let length = 0;
  while (text.charAt(at + length) === marker) length++;
  return length;
}
