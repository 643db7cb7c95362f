// Lines with their offsets, and what a single line can tell about itself.
// Every pattern here is anchored and linear: no nested quantifiers (they run on every keystroke).

export interface Line {
  readonly index: number;
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character, before the line break. */
  readonly end: number;
  /** Offset of the first non-space character (== end for a blank line). */
  readonly contentStart: number;
  /** Offset just past the last non-space character. */
  readonly contentEnd: number;
  /** The text without surrounding white space. */
  readonly content: string;
}

/** White space as drafts have it: ASCII blanks, no-break and thin spaces, the BOM. */
export function isSpaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12;
  // The same set as the patterns' \s, so that what a line trims, a pattern also reads as space.
  return code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x3000 || code === 0xfeff || code === 0x1680 || code === 0x2028 || code === 0x2029 || code === 0x205f;
}

export function isSpace(character: string | undefined): boolean {
  return character !== undefined && character.length > 0 && isSpaceCode(character.charCodeAt(0));
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const push = (end: number): void => {
    let contentStart = start;
    while (contentStart < end && isSpaceCode(text.charCodeAt(contentStart))) contentStart++;
    let contentEnd = end;
    while (contentEnd > contentStart && isSpaceCode(text.charCodeAt(contentEnd - 1))) contentEnd--;
    lines.push({
      index: lines.length,
      start,
      end,
      contentStart,
      contentEnd,
      content: text.slice(contentStart, contentEnd),
    });
  };
  if (!text.includes('\r')) {
    // The common case, line feeds only: jump from one to the next with the native search.
    for (let offset = text.indexOf('\n'); offset >= 0; offset = text.indexOf('\n', offset + 1)) {
      push(offset);
      start = offset + 1;
    }
    push(text.length);
    return lines;
  }
  for (let offset = 0; offset < text.length; offset++) {
    const code = text.charCodeAt(offset);
    if (code === 10 || code === 13) {
      push(offset);
      if (code === 13 && text.charCodeAt(offset + 1) === 10) offset++;
      start = offset + 1;
    }
  }
  push(text.length);
  return lines;
}

/** A rule line: the underscores before a PDF footnote block, or Markdown's `---`. */
export const separatorPattern = /^(?:_{5,}|-{3,}|\*{3,}|(?:\* ){2,}\*)$/;
export const footnoteSeparatorPattern = /^_{5,}$/;

/** `separatorPattern`, with lines that cannot be one (the most) passed by their first character. */
export function isSeparatorLine(content: string): boolean {
  const first = content.charCodeAt(0);
  return (first === 95 /* _ */ || first === 45 /* - */ || first === 42 /* * */) && separatorPattern.test(content);
}

/** Page furniture of a published PDF: job number, barcode, page number "2/5". */
const jobNumberPattern = /^\d{2}-\d{5}(?: ?\([A-Z]\))?$/;
const barcodePattern = /^\*\d{5,}\*$/;
const pageNumberPattern = /^\d{1,3} ?\/ ?\d{1,3}$/;
/** A document symbol alone on a line: "A/RES/80/7", "S/RES/1454 (2002)". */
/** (A symbol that ends a sentence, "S/4336.", is a footnote's text, not a page's furniture.) */
export const symbolLinePattern = /^[ASE]\/[A-Z0-9.]+(?:\/[A-Za-z0-9.-]+)*(?: \(\d{4}\))?(?<!\.)$/;

export function isPageFurniture(content: string): boolean {
  // Every kind starts with a digit, "*", or the letter of a symbol: most lines are out at once.
  const first = content.charCodeAt(0);
  const possible = (first >= 48 && first <= 57) || first === 42 || first === 65 || first === 69 || first === 83;
  if (!possible || content.length > 40) return false;
  return jobNumberPattern.test(content) || barcodePattern.test(content) || pageNumberPattern.test(content) || symbolLinePattern.test(content);
}

/** A canonical footnote text: `[^3]: Resolution 60/1.` (up to six digits, as the calls: footnote-calls.ts). */
export const bracketFootnoteTextPattern = /^\[\^(\d{1,6})\]:[ \t]?/;
/** A footnote text line in a PDF footnote block: `3 Resolution 60/1.` (older documents: `3/ …`). */
export const bareFootnoteTextPattern = /^(\d{1,4})\/?[ \t\u00A0]+(?=\S)/;
