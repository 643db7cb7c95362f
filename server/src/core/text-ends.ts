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

function isBlank(character: string | undefined): boolean {
  return character === ' ' || character === '\u00A0' || character === '\t' || character === '\n' || character === '\r';
}

/** The word of letters that ends at `end` (after white space, when `skipSpace`), with where it starts. */
export function wordEndingAt(text: string, end: number, skipSpace = true): { word: string; start: number } | undefined {
  let position = end;
  if (skipSpace) while (position > 0 && isBlank(text[position - 1])) position--;
  const wordEnd = position;
  while (position > 0 && isLetter(text[position - 1])) position--;
  return position < wordEnd ? { word: text.slice(position, wordEnd), start: position } : undefined;
}

const superscriptDigits = new Set(['\u00B9', '\u00B2', '\u00B3', '\u2070', '\u2074', '\u2075', '\u2076', '\u2077', '\u2078', '\u2079']);

/**
 * How many characters of footnote marks end `text` at `end`: "[^12]", superscript digits, or one to
 * three bare digits (with one space before them); 0 when none does.
 */
export function trailingCallLength(text: string, end = text.length): number {
  if (text[end - 1] === ']') {
    let position = end - 2;
    while (position >= 0 && /\d/.test(text[position] ?? '') && end - 2 - position < 4) position--;
    return position < end - 2 && text[position] === '^' && text[position - 1] === '[' ? end - position + 1 : 0;
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
