// Lines with their offsets, and what a single line can tell about itself.
// Every pattern here is anchored and linear: no nested quantifiers (they run on every keystroke).
import { findInPatternSource } from '../lexicon/lexicon';

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
  // The rest of ASCII and Latin-1 up to the no-break space, most of any text, answered by one comparison, not nine.
  if (code < 0xa0) return false;
  // The same set as the patterns' \s, so that what a line trims, a pattern also reads as space.
  return code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x3000 || code === 0xfeff || code === 0x1680 || code === 0x2028 || code === 0x2029 || code === 0x205f;
}

/**
 * Where the mark of a list item's end stands when the text from `from` to `end` ends with it, blanks
 * and a conjunction ("…; and", "…, or", « … ; et », «…; y»), or -1. Read by code, with no copy: asked
 * of every line before a labelled one, most of which end in a letter.
 */
export function listConjunctionMark(text: string, from: number, end: number): number {
  let wordStart = end;
  while (wordStart > from && end - wordStart <= 3 && text.charCodeAt(wordStart - 1) >= 97 && text.charCodeAt(wordStart - 1) <= 122) wordStart--;
  if (!isListConjunction(text, wordStart, end)) return -1;
  let markEnd = wordStart;
  while (markEnd > from && isSpaceCode(text.charCodeAt(markEnd - 1))) markEnd--;
  if (markEnd === wordStart || markEnd <= from) return -1;
  const mark = text.charCodeAt(markEnd - 1);
  return mark === 59 /* ; */ || mark === 44 /* , */ ? markEnd - 1 : -1;
}

/**
 * Whether the line from `start` to `end` ends a list item with its mark and a conjunction ("…; and"),
 * though its last unit is a letter. The mark ends words of its own: a line of "; and" alone ends nothing.
 */
export function endsWithListConjunction(text: string, start: number, end: number): boolean {
  return listConjunctionMark(text, start, end) > start;
}

/** Whether the word from `start` to `end` is a list's conjunction: and, or, et, ou, y, o. */
function isListConjunction(text: string, start: number, end: number): boolean {
  const length = end - start;
  const first = text.charCodeAt(start);
  if (length === 1) return first === 121 /* y */ || first === 111 /* o */;
  const second = text.charCodeAt(start + 1);
  if (length === 2) return (first === 111 && second === 114) /* or */ || (first === 101 && second === 116) /* et */ || (first === 111 && second === 117) /* ou */;
  return length === 3 && first === 97 && second === 110 && text.charCodeAt(start + 2) === 100; /* and */
}

export function isSpace(character: string | undefined): boolean {
  return character !== undefined && character.length > 0 && isSpaceCode(character.charCodeAt(0));
}

/**
 * Where the line that starts at `start` ends: at its line break ("\r\n", a lone "\r" or "\n"), or at
 * the text's end. `hasReturns`: whether the text has any "\r" (most have line feeds only).
 */
function lineEndFrom(text: string, start: number, hasReturns: boolean): number {
  if (!hasReturns) {
    // The common case, line feeds only: the native search. (Seeing a blank line by its first unit
    // before searching, a third of the corpus's lines, cost more than it saved: 6.59 → 6.64 million instructions.)
    const found = text.indexOf('\n', start);
    return found < 0 ? text.length : found;
  }
  let offset = start;
  while (offset < text.length) {
    const code = text.charCodeAt(offset);
    if (code === 10 || code === 13) break;
    offset++;
  }
  return offset;
}

/** What an edit changed, as `changeBetween` tells it (whole-text-search.ts): the same text before `start`, and from `oldEnd` (`newEnd` now) on. */
export interface LineTableEdit {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** The four columns of a table as they are filled, grown as lines come. */
export class LineColumns {
  count = 0;
  starts: Int32Array;
  ends: Int32Array;
  contentStarts: Int32Array;
  contentEnds: Int32Array;

  constructor(private capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.contentStarts = new Int32Array(capacity);
    this.contentEnds = new Int32Array(capacity);
  }

  /** Room for `more` lines past `count`. */
  reserve(more: number): void {
    if (this.count + more <= this.capacity) return;
    this.capacity = Math.max(this.capacity * 2, this.count + more);
    this.starts = grown(this.starts, this.capacity);
    this.ends = grown(this.ends, this.capacity);
    this.contentStarts = grown(this.contentStarts, this.capacity);
    this.contentEnds = grown(this.contentEnds, this.capacity);
  }

  /**
   * The lines of `text` from the line that starts at `start` on, until a line would start at or past
   * `stopAt` (where that line starts is returned, the line not added) or the text ends (-1).
   * `hasReturns`: whether "\r" may be met on the way. One loop without callbacks: a closure called at
   * each line break (and one more within it) was a sixth of the table's cost.
   */
  scan(text: string, start: number, stopAt: number, hasReturns: boolean): number {
    for (;;) {
      if (start >= stopAt) return start;
      const end = lineEndFrom(text, start, hasReturns);
      this.reserve(1);
      let contentStart = start;
      while (contentStart < end && isSpaceCode(text.charCodeAt(contentStart))) contentStart++;
      let contentEnd = end;
      while (contentEnd > contentStart && isSpaceCode(text.charCodeAt(contentEnd - 1))) contentEnd--;
      const index = this.count++;
      this.starts[index] = start;
      this.ends[index] = end;
      this.contentStarts[index] = contentStart;
      this.contentEnds[index] = contentEnd;
      if (end >= text.length) return -1;
      start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    }
  }

  /** Lines `from` to `to` (exclusive) of `table`, each offset moved by `shift`. */
  copy(table: LineTable, from: number, to: number, shift: number): void {
    if (to <= from) return;
    this.reserve(to - from);
    const at = this.count;
    if (shift === 0) {
      // Native copies of the columns: the lines before an edit, most of a long draft's.
      this.starts.set(table.columns.starts.subarray(from, to), at);
      this.ends.set(table.columns.ends.subarray(from, to), at);
      this.contentStarts.set(table.columns.contentStarts.subarray(from, to), at);
      this.contentEnds.set(table.columns.contentEnds.subarray(from, to), at);
    } else {
      const { starts, ends, contentStarts, contentEnds } = table.columns;
      for (let index = from; index < to; index++) {
        const into = at + index - from;
        this.starts[into] = (starts[index] ?? 0) + shift;
        this.ends[into] = (ends[index] ?? 0) + shift;
        this.contentStarts[into] = (contentStarts[index] ?? 0) + shift;
        this.contentEnds[into] = (contentEnds[index] ?? 0) + shift;
      }
    }
    this.count += to - from;
  }
}

/**
 * Every line of a text as four offsets in typed arrays: a parse keeps its lines to its end, and on a
 * 10 MB draft, 65,000 line objects with their content strings (104 bytes a line, 8-byte fields) were
 * copied by each young-generation collection until the old one took them. 16 bytes a line here.
 *
 * Made from the table of the text before an edit (`afterEdit`), only the lines the edit touched are
 * read again: a keystroke in a megabyte draft searched its million units for line breaks.
 */
export class LineTable {
  readonly count: number;
  /** The columns as grown, not views of their first `count` numbers: readers stop at `count`. */
  readonly columns: LineColumns;

  constructor(
    private readonly text: string,
    columns?: LineColumns,
  ) {
    if (!columns) {
      // One pass, the columns grown as lines come: counting the lines first was a second search of the
      // whole text for its breaks. The first guess is a line every 64 units (the corpus averages 73,
      // drafts typed as paragraphs more): a text of shorter lines grows its columns once or twice.
      columns = new LineColumns(Math.max(16, text.length >> 6));
      columns.scan(text, 0, Number.POSITIVE_INFINITY, text.includes('\r'));
    }
    this.count = columns.count;
    // Past `count` a column holds zeros, as the readers' own default. A view of a small column, which V8
    // keeps inside its object, first moves it out to a buffer of its own: the table of a ten-line draft
    // took 1.28 µs with the four views, 0.21 µs without.
    this.columns = columns;
  }

  /**
   * The table of `text`, which is the text of `before` changed by `edit`: the same as `new
   * LineTable(text)`. Whether a line starts at an offset depends on the unit before it and the one
   * at it alone ("\n", a lone "\r", not the "\r" of a "\r\n"), and a line's offsets on its own units
   * and the one after its end: the lines whose units and next line's start all stand before the edit
   * are kept, those that start past its end are kept moved by what the text gained, and only those
   * between are read.
   */
  static afterEdit(before: LineTable, edit: LineTableEdit, text: string): LineTable {
    const shift = edit.newEnd - edit.oldEnd;
    // Lines 0 … kept - 1 are the same: the next line starts before the edit.
    const kept = Math.max(0, before.firstLineStartingAtOrAfter(edit.start, 1) - 1);
    const columns = new LineColumns(before.count + 16);
    columns.copy(before, 0, kept, 0);
    // The lines read again are few (the edit's, and the one before it): a loop by unit finds their
    // breaks, "\r" or not, without asking the whole text whether it has any.
    const resumeAt = columns.scan(text, before.start(kept), edit.newEnd + 1, true);
    if (resumeAt >= 0) {
      // The line that starts there stood `shift` units earlier before the edit (its start and the unit
      // before it are past the edit), and so does every line after it.
      const same = before.firstLineStartingAtOrAfter(resumeAt - shift, kept);
      if (same < before.count && before.start(same) === resumeAt - shift) columns.copy(before, same, before.count, shift);
      else columns.scan(text, resumeAt, Number.POSITIVE_INFINITY, true);
    }
    return new LineTable(text, columns);
  }

  /** The first line from `from` on that starts at or after `offset` (`count` if none). */
  private firstLineStartingAtOrAfter(offset: number, from: number): number {
    let low = from;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.columns.starts[middle] ?? 0) < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Where the line starts (its indent is the white space up to its content). */
  start(index: number): number {
    return this.columns.starts[index] ?? 0;
  }

  contentStart(index: number): number {
    return this.columns.contentStarts[index] ?? 0;
  }

  contentEnd(index: number): number {
    return this.columns.contentEnds[index] ?? 0;
  }

  /** The line's text without surrounding white space, sliced when asked for (the empty string costs nothing). */
  content(index: number): string {
    return this.text.slice(this.columns.contentStarts[index] ?? 0, this.columns.contentEnds[index] ?? 0);
  }

  /** The line as an object, made when asked for: one the caller lets go of dies young. */
  line(index: number): Line {
    return {
      index,
      start: this.columns.starts[index] ?? 0,
      end: this.columns.ends[index] ?? 0,
      contentStart: this.columns.contentStarts[index] ?? 0,
      contentEnd: this.columns.contentEnds[index] ?? 0,
      content: this.content(index),
    };
  }
}

/** A copy of `column` with room for `capacity` numbers: how the parser's typed-array tables grow. */
export function grown(column: Int32Array, capacity: number): Int32Array {
  const larger = new Int32Array(capacity);
  larger.set(column);
  return larger;
}

export function splitLines(text: string): Line[] {
  const table = new LineTable(text);
  const lines: Line[] = [];
  for (let index = 0; index < table.count; index++) lines.push(table.line(index));
  return lines;
}

/** A rule line: the underscores before a PDF footnote block, or Markdown's `---`. */
export const separatorPattern = /^(?:_{5,}|-{3,}|\*{3,}|(?:\* ){2,}\*)$/;
export const footnoteSeparatorPattern = /^_{5,}$/;

/** `separatorPattern`, with lines that cannot be one (the most) passed by their first character. */
export function isSeparatorLine(content: string): boolean {
  return mayBeSeparator(content.charCodeAt(0)) && separatorPattern.test(content);
}

/** Page furniture of a published PDF: job number, barcode, page number "2/5". */
/** "25-19432 (E)", and as a first page's foot prints it with its date stamps: "25-20123 (F)    101225    111225". */
const jobNumberPattern = /^\d{2}-\d{5}(?: ?\([A-Z]\))?(?:[ \t]+\d{6}){0,2}$/;
const barcodePattern = /^\*\d{5,}\*$/;
const pageNumberPattern = /^\d{1,3} ?\/ ?\d{1,3}$/;
/** A document symbol alone on a line: "A/RES/80/7", "S/RES/1454 (2002)". */
/** (A symbol that ends a sentence, "S/4336.", is a footnote's text, not a page's furniture.) */
export const symbolLinePattern = /^[ASE]\/[A-Z0-9.]+(?:\/[A-Za-z0-9.-]+)*(?: \(\d{4}\))?(?<!\.)$/;

export function isPageFurniture(content: string): boolean {
  if (!mayBePageFurniture(content.charCodeAt(0), content.length)) return false;
  return jobNumberPattern.test(content) || barcodePattern.test(content) || pageNumberPattern.test(content) || symbolLinePattern.test(content);
}

/**
 * Whether a line whose content opens with the unit `first` and is `length` units long can be page
 * furniture: every kind starts with a digit, "*", or the letter of a symbol, and is short. Most lines
 * are out at once, before any copy of their content is made.
 */
export function mayBePageFurniture(first: number, length: number): boolean {
  return length <= 40 && ((first >= 48 && first <= 57) || first === 42 || first === 65 || first === 69 || first === 83);
}

/** Whether a line that opens with the unit `first` can be a rule line (`separatorPattern`): "_", "-" or "*". */
export function mayBeSeparator(first: number): boolean {
  return first === 95 /* _ */ || first === 45 /* - */ || first === 42 /* * */;
}

/**
 * A canonical footnote text: `[^3]: Resolution 60/1.` (up to six digits, as the calls: footnote-calls.ts),
 * or a Markdown named one, `[^agenda]: …`. The reference `endFootnoteLabel` is tested against.
 */
export const bracketFootnoteTextPattern = /^\[\^(\d{1,6}|[A-Za-z][\w-]{0,31})\]:[ \t]?/;
/** A footnote text line in a PDF footnote block: `3 Resolution 60/1.` (older documents: `3/ …`). */
export const bareFootnoteTextPattern = /^(\d{1,4})\/?[ \t\u00A0]+(?=\S)/;
/** The same with the number in superscript digits, as a copy out of a word processor gives it: `³ Resolution 60/1.` */
const superscriptFootnoteTextPattern = /^([\u2070\u00B9\u00B2\u00B3\u2074-\u2079]{1,3})[ \t\u00A0]*(?=\S)/;
/** The superscript digits, 0 to 9. */
const superscriptDigitValues = '\u2070\u00B9\u00B2\u00B3\u2074\u2075\u2076\u2077\u2078\u2079';

/** Whether `code` is a superscript digit: ¹ ² ³ (Latin-1) or U+2070, U+2074–U+2079. */
export function isSuperscriptDigitCode(code: number): boolean {
  return code === 0xb9 || code === 0xb2 || code === 0xb3 || code === 0x2070 || (code >= 0x2074 && code <= 0x2079);
}

/** Superscript digits ("¹²") in ASCII ("12"); any other character is left out. */
export function superscriptDigitsInAscii(text: string): string {
  let digits = '';
  for (const character of text) {
    const value = superscriptDigitValues.indexOf(character);
    if (value >= 0) digits += String(value);
  }
  return digits;
}

/**
 * The label of a footnote text line in a page's block, as the label with the space after it and the
 * number in ASCII digits: `3 …`, `3/ …` or `³ …`; null where the line opens otherwise.
 */
export function pageFootnoteLabel(content: string): readonly [label: string, digits: string] | null {
  const bare = bareFootnoteTextPattern.exec(content);
  if (bare) return [bare[0], bare[1] ?? ''];
  if (!isSuperscriptDigitCode(content.charCodeAt(0))) return null;
  const superscript = superscriptFootnoteTextPattern.exec(content);
  if (!superscript) return null;
  return [superscript[0], superscriptDigitsInAscii(superscript[1] ?? '')];
}

/**
 * The ASCII units a match of an anchored pattern can open with, read from its source: the first atom
 * of each alternative ("\d", "A", "[ao]", a group's own first atoms), tried on every ASCII unit with
 * the pattern's flags (so "(?:Adopted|…)" under `i` opens with "A" or "a"). Where the source does not
 * tell (an alternative not anchored at the start, or opening with an optional atom or an assertion),
 * every unit may open a match. Units past ASCII are always left to the pattern. Lets a line's first
 * unit pass a pattern by before any copy of the line is made (the closing block's pattern, asked of
 * every chunk's first line, matches lines that open with a digit or an "A"/"a" in the lexicon's
 * languages written in Latin letters).
 */
export class OpeningUnits {
  private constructor(private readonly ascii: Uint8Array | undefined) {}

  static of(pattern: RegExp): OpeningUnits {
    const atoms = openingAtomsOfAlternatives(pattern.source, true);
    if (!atoms) return new OpeningUnits(undefined);
    const ascii = new Uint8Array(128);
    const flags = pattern.flags.replace(/[gy]/g, '');
    for (const atom of atoms) {
      const probe = new RegExp(`^(?:${atom})`, flags);
      for (let unit = 0; unit < 128; unit++) if (probe.test(String.fromCharCode(unit))) ascii[unit] = 1;
    }
    return new OpeningUnits(ascii);
  }

  /** Whether a match can open with `unit` (never NaN, the unit past a text's end). */
  has(unit: number): boolean {
    return this.ascii === undefined || unit >= 128 || this.ascii[unit] === 1;
  }
}

/**
 * The first atoms of the alternatives of `source` (a pattern's, or a group's inside), or undefined
 * where one of them cannot be told. `anchored`: each alternative must open with "^", passed over.
 */
function openingAtomsOfAlternatives(source: string, anchored: boolean): string[] | undefined {
  const atoms: string[] = [];
  for (const alternative of topLevelAlternatives(source)) {
    if (anchored && !alternative.startsWith('^')) return undefined;
    const found = openingAtoms(anchored ? alternative.slice(1) : alternative);
    if (!found) return undefined;
    atoms.push(...found);
  }
  return atoms;
}

/** The atoms a match of `source` opens with, or undefined where they cannot be told. */
function openingAtoms(source: string): string[] | undefined {
  let atoms: string[] | undefined;
  let end: number;
  const first = source.charAt(0);
  if (first === '(') {
    // A group: a non-capturing or capturing one opens with its alternatives' atoms; a lookaround does not consume.
    if (source.startsWith('(?') && !source.startsWith('(?:')) return undefined;
    end = groupEnd(source);
    if (end < 0) return undefined;
    atoms = openingAtomsOfAlternatives(source.slice(source.startsWith('(?:') ? 3 : 1, end - 1), false);
  } else if (first === '[') {
    end = classEnd(source);
    if (end < 0) return undefined;
    atoms = [source.slice(0, end)];
  } else if (first === '\\') {
    // A class escape only: \b is an assertion, \1 a back-reference, \u… longer than one unit.
    if (!/^\\[dDwWsS]/.test(source)) return undefined;
    end = 2;
    atoms = [source.slice(0, 2)];
  } else {
    if (first === '' || '^$|)?*+{'.includes(first)) return undefined;
    end = String.fromCodePoint(source.codePointAt(0) as number).length;
    atoms = [source.slice(0, end)];
  }
  // An optional atom leaves the next one to open the match.
  const quantifier = source.charAt(end);
  if (quantifier === '?' || quantifier === '*' || source.startsWith('{0', end)) return undefined;
  return atoms;
}

/** `source` split at its "|" outside any group or class. */
function topLevelAlternatives(source: string): string[] {
  const alternatives: string[] = [];
  let start = 0;
  findInPatternSource(source, (character, index, depth) => {
    if (character === '|' && depth === 0) {
      alternatives.push(source.slice(start, index));
      start = index + 1;
    }
    return false;
  });
  alternatives.push(source.slice(start));
  return alternatives;
}

/** Just past the ")" that closes the group opening `source`, or -1. */
function groupEnd(source: string): number {
  const close = findInPatternSource(source, (character, _index, depth) => character === ')' && depth === 1);
  return close < 0 ? -1 : close + 1;
}

/** Just past the "]" that closes the class opening `source`, or -1. */
function classEnd(source: string): number {
  for (let index = 1; index < source.length; index++) {
    const character = source[index];
    if (character === '\\') index++;
    else if (character === ']') return index + 1;
  }
  return -1;
}

/** "#", "*" or "_": a unit that opens a line's Markdown decoration (a heading's mark, emphasis). */
export function isMarkdownDecorationCode(code: number): boolean {
  return code === 35 /* # */ || code === 42 /* * */ || code === 95 /* _ */;
}

/** “ « „ or a straight double quote: a unit that opens a quotation (and a quoted draft's every line). */
export function isOpeningQuoteCode(code: number): boolean {
  return code === 0x201c || code === 0xab || code === 0x201e || code === 34;
}

/**
 * Where the words of a line stand inside its Markdown decoration, as offsets into `content`: a heading's
 * "# " ("## Annex"), then emphasis around the words ("**Annex**", "*Annex I*"), which a drafter writing
 * Markdown sets on a heading. The whole line where it has none.
 */
export function wordsInsideDecoration(content: string): { readonly start: number; readonly end: number } {
  let start = 0;
  let end = content.length;
  const heading = /^#{1,6}[ \t]+/.exec(content);
  if (heading) start = heading[0].length;
  const marker = content.charCodeAt(start);
  if (marker !== 35 && isMarkdownDecorationCode(marker)) {
    const length = content.charCodeAt(start + 1) === marker ? 2 : 1;
    const markers = content.slice(start, start + length);
    if (end - start > 2 * length && content.endsWith(markers) && !isSpaceCode(content.charCodeAt(start + length)) && !isSpaceCode(content.charCodeAt(end - length - 1))) {
      start += length;
      end -= length;
    }
  }
  return { start, end };
}

