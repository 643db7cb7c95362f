// Reading a text backwards from a position: the word that ends there, or the footnote marks that
// end a line. Loops, not patterns: a pattern anchored at the end ("(\p{L}+)\s+$") is tried from
// every position of its input and backtracks polynomially on long runs of letters.

const letterOrMark = /[\p{L}\p{M}]/u;

export function isLetter(character: string | undefined): boolean {
  if (character === undefined || character === '') return false;
  // ASCII, by far the most common, answered by code: its only letters are A-Z and a-z, and no marks.
  const code = character.charCodeAt(0);
  if (code < 128 && character.length === 1) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return letterOrMark.test(character);
}

/** A blank passed before a word: space, no-break space, tab, line feed, carriage return. */
function isBlankCode(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 9 || code === 10 || code === 13;
}

function isBlank(character: string | undefined): boolean {
  return character !== undefined && character.length === 1 && isBlankCode(character.charCodeAt(0));
}

/** `isLetter` of the UTF-16 unit at `position`, ASCII answered with no string made. */
function isLetterAt(text: string, position: number): boolean {
  const code = text.charCodeAt(position);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return isLetter(text[position]);
}

/** Where the line holding `offset` starts: just past the line break before it, or 0. */
export function lineStartOf(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/** Where the blanks that end at `end` begin, reading no further back than `lower`. */
export function blanksStartBefore(text: string, lower: number, end: number): number {
  let start = end;
  while (start > lower && isBlankCode(text.charCodeAt(start - 1))) start--;
  return start;
}

/** Where the word of letters that ends at `end` starts, reading no further back than `lower` (`end` where none ends there). */
export function wordStartBefore(text: string, lower: number, end: number): number {
  let start = end;
  while (start > lower && isLetterAt(text, start - 1)) start--;
  return start;
}

/** The word of letters that ends at `end` (after white space, when `skipSpace`), with where it starts. */
export function wordEndingAt(text: string, end: number, skipSpace = true): { word: string; start: number } | undefined {
  const wordEnd = skipSpace ? blanksStartBefore(text, 0, end) : end;
  const start = wordStartBefore(text, 0, wordEnd);
  return start < wordEnd ? { word: text.slice(start, wordEnd), start } : undefined;
}

const superscriptDigits = new Set(['\u00B9', '\u00B2', '\u00B3', '\u2070', '\u2074', '\u2075', '\u2076', '\u2077', '\u2078', '\u2079']);

/**
 * How many characters of footnote marks end `text` at `end`: "[^12]", a Markdown named footnote's
 * "[^agenda]", superscript digits, or one to three bare digits (with one space before them); 0 when none does.
 */
export function trailingCallLength(text: string, end = text.length): number {
  if (text[end - 1] === ']') {
    let position = end - 2;
    while (position >= 0 && /\d/.test(text[position] ?? '') && end - 2 - position < 4) position--;
    if (position < end - 2 && text[position] === '^' && text[position - 1] === '[') return end - position + 1;
    // "[^agenda]": a letter, then letters, digits, "_" or "-" (footnote-calls.ts reads the same names).
    position = end - 2;
    while (position >= 0 && /[\w-]/.test(text[position] ?? '') && end - 2 - position < 32) position--;
    return position < end - 2 && text[position] === '^' && text[position - 1] === '[' && /[A-Za-z]/.test(text[position + 1] ?? '') ? end - position + 1 : 0;
  }
  let position = end;
  while (position > 0 && superscriptDigits.has(text[position - 1] ?? '')) position--;
  if (position < end) return end - position;
  while (position > 0 && end - position < 3 && /\d/.test(text[position - 1] ?? '')) position--;
  if (position === end || /\d/.test(text[position - 1] ?? '')) return 0;
  return text[position - 1] === ' ' || text[position - 1] === '\u00A0' ? end - position + 1 : end - position;
}

/** `text` without the footnote marks and white space that end it, repeatedly: "…,[^2] 3 " → "…,". */
export function withoutTrailingCalls(text: string): string {
  let end = text.length;
  for (;;) {
    while (end > 0 && isBlank(text[end - 1])) end--;
    const length = trailingCallLength(text, end);
    if (length === 0) return text.slice(0, end);
    end -= length;
  }
}
