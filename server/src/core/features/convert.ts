// "Convert to draft format" (format.md, "Text imported from a published PDF"): text copied out of a
// published PDF rewritten into the canonical draft format. Page headers and footers and separator
// lines go; hard-wrapped lines are joined; footnote calls become `[^N]` and their texts move to the
// end. Nothing else changes: every word of the body and of the footnotes stays, in order. The
// output converts to itself, so the action can be run on any draft.
import { isLetter, lineStartOf, wordEndingAt } from '../text-ends';
import type { Draft, FootnoteCall, Span, SubParagraph } from '../model';
import { readNumberLabel, readSubLabel } from '../parse/labels';
import { isPageFurniture, isSpace, separatorPattern, splitLines, symbolLinePattern } from '../parse/lines';
import { endsOpen, opensAnnexParagraphAt, sectionMarkerStart } from '../parse/parse';
import { renderLanguages } from '../render/render-language';
import { footnoteTextPieces } from '../structure';

/**
 * Line-end hyphenation, as data per language. A hyphen at a line end is taken out only when the
 * word is sure to have been broken by the typesetter; when unsure, it stays.
 */
interface HyphenationData {
  /** First halves of hyphenated compounds: "non-governmental", "inter-agency", "follow-up". */
  readonly compoundFirstHalves: readonly string[];
  /** Word endings that never stand alone as a word: "meet-ing", "avail-able", "accord-ance". */
  readonly suffixes: readonly string[];
}

const hyphenationByLanguage: Readonly<Record<string, HyphenationData>> = {
  en: {
    compoundFirstHalves: [
      'anti', 'co', 'counter', 'cross', 'ex', 'inter', 'intra', 'multi', 'non', 'post', 'pre', 'pro', 're', 'self', 'semi', 'sub', 'super', 'trans', 'ultra',
      'all', 'cease', 'far', 'follow', 'full', 'half', 'high', 'long', 'low', 'mid', 'part', 'short', 'small', 'well', 'wide', 'large', 'medium',
    ],
    suffixes: [
      'ing', 'ings', 'ance', 'ances', 'ence', 'ences', 'ency', 'ancy', 'ment', 'ments', 'mental', 'mentally', 'tion', 'tions', 'sion', 'sions',
      'ation', 'ations', 'ization', 'izations', 'able', 'ably', 'ible', 'ibly', 'ity', 'ities', 'ness', 'ous', 'ously', 'ive', 'ives', 'ively',
      'ed', 'er', 'ers', 'ly', 'al', 'ally', 'ary', 'ial', 'ially', 'ical', 'ically', 'ize', 'ized', 'izes', 'izing', 'ise', 'ised', 'ising',
      'ism', 'isms', 'ist', 'ists', 'ful', 'fully', 'ure', 'ures', 'ent', 'ents', 'ant', 'ants',
    ],
  },
  // French compounds keep their hyphen where the second half is a word of its own ("peut-être",
  // "après-midi"): only endings that never are one are joined ("développe-ment", "organisa-tions").
  fr: {
    compoundFirstHalves: [
      'anti', 'auto', 'co', 'contre', 'demi', 'ex', 'extra', 'inter', 'intra', 'mi', 'multi', 'néo', 'non', 'post', 'pré', 'pro', 'quasi',
      'semi', 'sous', 'sur', 'trans', 'ultra', 'vice', 'avant', 'après', 'arrière', 'grand', 'porte', 'haut', 'bas', 'long', 'court',
    ],
    suffixes: [
      'ment', 'ments', 'ement', 'ements', 'tion', 'tions', 'sion', 'sions', 'ation', 'ations', 'isation', 'isations', 'ité', 'ités',
      'ique', 'iques', 'aire', 'aires', 'ance', 'ances', 'ence', 'ences', 'able', 'ables', 'ible', 'ibles', 'elle', 'elles', 'euse',
      'euses', 'eur', 'eurs', 'isme', 'ismes', 'iste', 'istes', 'ale', 'ales', 'aux', 'ante', 'antes', 'ente', 'entes', 'ée', 'ées',
      'ier', 'iers', 'ière', 'ières', 'ienne', 'iennes', 'ives', 'ive', 'ifs', 'ion', 'ions', 'tique', 'tiques', 'gie', 'gies',
    ],
  },
};

/** How a unit of text is laid out: one line, or lines kept where a new field of a record starts. */
type UnitKind = 'header' | 'closing' | 'chapeau' | 'paragraph' | 'subparagraph' | 'block' | 'footnote';

interface Unit {
  readonly kind: UnitKind;
  /** The stretches of the source that make the unit, in text order. */
  readonly segments: Span[];
  /** Sub-paragraph depth (1 for "(a)"), for its indentation; 0 for an item without label and everything else. */
  readonly level: number;
  /** Text the model placed nowhere, kept by the converter so that no word is lost. */
  readonly unplaced?: boolean;
  /** Text the model kept unclassified: an annex's paragraphs, text it could not place. */
  readonly unclassified?: boolean;
}

/** One source line of a unit: its text and the footnote calls inside it, in order. */
type LinePart = { readonly text: string } | { readonly call: number };

/** The canonical draft format of `draft.text`. */
export function convertToDraftFormat(draft: Draft): string {
  return new Converter(draft).run();
}

const jobNumberOrBarcodeOrPage = (content: string): boolean => isPageFurniture(content) && !symbolLinePattern.test(content);
const lowerCaseStart = /^\p{Ll}/u;
/** A date alone on the second line of a closing block: "14 November 2025". */
const dateLinePattern = /^\d{1,2}(?:er)?[ \u00A0]\p{L}+[ \u00A0]\d{4}\.?$/u;
/** White space the parser reads as a blank inside a line, made one space. */
const innerSpaces = /[ \t\v\f\u2028\u2029\u0085]+/g;
const loneParagraphNumber = /^\d{1,3}\.$/;
/** How much of the end of a line being joined is kept at hand (appendLine and glueAt read at most 120 characters of it). */
const joinedLineKept = 512;
/** A number and a space: how a footnote text opens at a page's foot ("9 See …"). */
const footnoteLikeStart = /^\d{1,3}\/?[ \t\u00A0]+\S/;

class Converter {
  private readonly text: string;
  /** Calls whose footnote text exists: written `[^N]` where the bare digits or superscripts stood. */
  private readonly calls: readonly FootnoteCall[];
  private readonly hyphenation: HyphenationData | undefined;
  private documentWords: Set<string> | undefined;
  /** Starts of the lines after the header that are page furniture the model left in the text. */
  private readonly furnitureLineStarts: ReadonlySet<number>;
  /** Starts of lines that read as furniture but are text (`furnitureLines`): kept. */
  private readonly keptLineStarts: ReadonlySet<number>;
  private readonly hasChapeau: boolean;

  constructor(private readonly draft: Draft) {
    this.text = draft.text;
    this.hasChapeau = draft.parts.some((part) => part.chapeau !== undefined);
    const written = new Set(draft.footnoteTexts.map((footnote) => footnote.number));
    this.calls = draft.footnoteCalls.filter((call) => call.style !== 'bracket' && written.has(call.number));
    this.hyphenation = hyphenationByLanguage[draft.language];
    const lines = furnitureLines(draft);
    this.furnitureLineStarts = lines.furniture;
    this.keptLineStarts = lines.kept;
  }

  run(): string {
    const units = this.collectUnits();
    const footnotes = this.footnoteLines();
    const footnotesAfterUnit = this.footnotesOfEarlierParts(units, footnotes);
    let output = '';
    // What was added last: the output's last line is its last line. Read from the output itself, a
    // string made by concatenation, every read copied it whole (20,000 sub-paragraphs: 1 s; 50,000: 9 s).
    let lastAdded = '';
    let previousKind: UnitKind | undefined;
    for (const [unitIndex, unit] of units.entries()) {
      const ownFootnotes = footnotesAfterUnit.get(unitIndex);
      const rendered = this.render(unit);
      if (rendered === '') {
        if (ownFootnotes) {
          lastAdded = (output === '' ? '' : '\n\n') + footnoteBlock(ownFootnotes);
          output += lastAdded;
          previousKind = 'footnote';
        }
        continue;
      }
      if (previousKind === undefined) {
        lastAdded = rendered;
      } else if (unit.kind === 'header' && previousKind === 'header' && !lowerCaseStart.test(rendered) && this.hasChapeau) {
        // Header lines stand together, one field a line, as the draft format shows them; without a
        // chapeau there is no document header, but the end of a paragraph a piece was cut inside (and
        // S/RES/1 (1946)'s heading lines): its blocks stay apart, as the body's do.
        lastAdded = `\n${rendered}`;
      } else if (unit.kind === 'subparagraph' && unit.level > 0 && this.startsOwnLine(rendered, lastAdded)) {
        // Right under the text above, a sub-paragraph is indented by its level: "   (a)", "      (i)".
        lastAdded = `\n${'   '.repeat(unit.level)}${rendered}`;
      } else {
        lastAdded = `\n\n${rendered}`;
      }
      output += lastAdded;
      previousKind = unit.kind;
      if (ownFootnotes) {
        // The footnotes of a part that shares its numbers with a later one end that part.
        lastAdded = `\n\n${footnoteBlock(ownFootnotes)}`;
        output += lastAdded;
        previousKind = 'footnote';
      }
    }
    const placed = new Set([...footnotesAfterUnit.values()].flat());
    const atEnd = footnotes.filter((footnote) => !placed.has(footnote));
    if (atEnd.length > 0) output += (output === '' ? '' : '\n\n') + footnoteBlock(atEnd);
    return output === '' ? '' : `${output}\n`;
  }

  /**
   * Two resolutions pasted one after the other number their footnotes each from 1: gathered at the
   * end, "[^1]:" would stand twice and the second text's calls would find the first text's notes.
   * Where two parts use one number, each part's footnotes end it (after its closing lines, before
   * what comes next); where the numbers run on from part to part (parts A and B of one resolution),
   * they all go to the end, as in any draft. Answers, by unit index, the footnotes that follow it.
   */
  private footnotesOfEarlierParts(units: readonly Unit[], footnotes: readonly FootnoteLine[]): Map<number, FootnoteLine[]> {
    const placement = new Map<number, FootnoteLine[]>();
    const partOfNumber = new Map<number, number>();
    const shared = footnotes.some((footnote) => {
      const part = partOfNumber.get(footnote.number);
      partOfNumber.set(footnote.number, footnote.part);
      return part !== undefined && part !== footnote.part;
    });
    if (!shared) return placement;
    const lastPart = Math.max(...footnotes.map((footnote) => footnote.part));
    for (let part = 0; part < lastPart; part++) {
      const own = footnotes.filter((footnote) => footnote.part === part);
      const nextChapeau = this.draft.parts[part + 1]?.chapeau;
      if (own.length === 0 || !nextChapeau) continue;
      const chapeau = this.draft.parts[part]?.chapeau;
      let ownTextEnd = chapeau ? chapeau.span.end : 0;
      for (const paragraph of this.draft.paragraphs) if (paragraph.partIndex === part) ownTextEnd = Math.max(ownTextEnd, paragraph.span.end);
      // The part's last unit of its own text, and the closing lines right after it.
      let after = -1;
      for (const [index, unit] of units.entries()) if (unitStart(unit) < ownTextEnd) after = index;
      const next = units[after + 1];
      if (next && next.kind === 'closing' && unitStart(next) < nextChapeau.span.start) after++;
      if (after < 0) continue;
      placement.set(after, [...(placement.get(after) ?? []), ...own]);
    }
    return placement;
  }

  /**
   * A labelled sub-paragraph goes on the line under the text above it, without a blank line, where
   * the parser reads it again as a new item: the line above ends a sentence part ("…that:", "…;").
   */
  private startsOwnLine(rendered: string, lastAdded: string): boolean {
    const lastLine = lastAdded.slice(lastAdded.lastIndexOf('\n') + 1).trim();
    if (lastLine === '' || endsOpen(lastLine)) return false;
    const number = readNumberLabel(rendered, 0);
    if (number) return number.style !== 'bare' && number.style !== 'comma' && number.style !== 'parens';
    return readSubLabel(rendered, 0) !== undefined;
  }

  // ---- what the text is made of -----------------------------------------------------------

  /** Every piece of the text that is kept, as units in text order; page furniture and footnote texts left out. */
  private collectUnits(): Unit[] {
    const units: Unit[] = [];
    const covered: Span[] = [];
    for (const part of this.draft.parts) {
      if (part.chapeau) units.push({ kind: 'chapeau', segments: [part.chapeau.span], level: 0 });
    }
    const addSubparagraph = (item: SubParagraph): void => {
      const ownEnd = item.children[0]?.span.start ?? Number.POSITIVE_INFINITY;
      units.push({ kind: 'subparagraph', segments: clip(item.pieces, ownEnd), level: item.label ? item.level : 0 });
      covered.push(...item.pieces);
      item.children.forEach(addSubparagraph);
    };
    for (const paragraph of this.draft.paragraphs) {
      const ownEnd = paragraph.subparagraphs[0]?.span.start ?? Number.POSITIVE_INFINITY;
      units.push({ kind: 'paragraph', segments: clip(paragraph.pieces, ownEnd), level: 0 });
      covered.push(...paragraph.pieces);
      paragraph.subparagraphs.forEach(addSubparagraph);
    }
    let lastUnclassified: { unit: Unit; end: number } | undefined;
    for (const block of this.draft.blocks) {
      covered.push(block.span);
      // The parser takes a line equal to the title for a running title even under an annex heading,
      // and a symbol after the body for a page's; there, they are the annex's title and the masthead
      // of a text pasted after another, and stay.
      if (block.kind === 'artifact' && !this.keptLineStarts.has(this.lineStartOf(block.span.start))) continue;
      // A running title the parser did not know for one (its title wraps in the header) is left out whole.
      if (block.kind !== 'header' && this.isFurnitureOnly(block.span)) continue;
      if (block.kind === 'unclassified' && lastUnclassified && this.continuesLine(lastUnclassified.end, block.span)) {
        // Text left line by line (after a closing block): lines with no blank between are one paragraph.
        lastUnclassified.unit.segments.push(block.span);
        lastUnclassified.end = block.span.end;
        continue;
      }
      const kind: UnitKind = block.kind === 'header' ? 'header' : block.kind === 'closing' ? 'closing' : 'block';
      const unit: Unit = { kind, segments: [block.span], level: 0, ...(block.kind === 'unclassified' ? { unclassified: true } : {}) };
      units.push(unit);
      lastUnclassified = block.kind === 'unclassified' ? { unit, end: block.span.end } : undefined;
    }
    for (const footnote of this.draft.footnoteTexts) covered.push(footnote.span, ...(footnote.continuation ? [footnote.continuation] : []));
    for (const part of this.draft.parts) if (part.chapeau) covered.push(part.chapeau.span);
    // One by one, not spread: a long draft copied out of a PDF leaves gaps by the ten thousand.
    for (const unit of this.uncoveredUnits(covered)) units.push(unit);
    const sorted = units
      .filter((unit) => unit.segments.length > 0)
      .sort((a, b) => (a.segments[0] as Span).start - (b.segments[0] as Span).start);
    return this.joinBrokenParagraphs(joinLoneNumbers(sorted, this.text));
  }

  /**
   * An annex's paragraph broken by a page break: the parser keeps annex text as it comes, so the
   * piece after the break, opening in lower case, joins the unclassified text before it when that
   * ends open ("… human rights" + "obligations, in order to …").
   */
  private joinBrokenParagraphs(units: Unit[]): Unit[] {
    const out: Unit[] = [];
    for (const unit of units) {
      const previous = out[out.length - 1];
      const lastSegment = previous?.segments[previous.segments.length - 1];
      const first = unit.segments[0] as Span;
      if (previous && lastSegment && previous.unclassified && unit.unclassified && /^\p{Ll}/u.test(this.text.slice(first.start, first.start + 1))
        && endsOpen(this.text.slice(lastSegment.start, lastSegment.end).trim())) {
        out[out.length - 1] = { ...previous, segments: [...previous.segments, ...unit.segments] };
        continue;
      }
      out.push(unit);
    }
    return out;
  }

  /**
   * Whether the text at `next` is on the line after `end` and continues it, as the parser's line walk
   * joins lines: a label ("2.", "(b)") after a line that ends a sentence part starts a new item.
   */
  private continuesLine(end: number, next: Span): boolean {
    if (!/^[^\S\r\n]*(?:\r\n|\r|\n)[^\S\r\n]*$/.test(this.text.slice(end, next.start))) return false;
    const nextText = this.text.slice(next.start, next.end);
    // A numbered paragraph ("3. We gather", "3.\nWe gather") or a section's marker ("II. Implementation …")
    // starts one, whatever ends the line before (a heading): the parser cut the text there, in a copy
    // that lost its blank lines.
    if (opensAnnexParagraphAt(this.text, next.start) || sectionMarkerStart.test(nextText) || this.headsNumberedParagraph(next, nextText)) return false;
    const previousLine = this.text.slice(this.lineStartOf(end), end).trim();
    if (previousLine === '' || endsOpen(previousLine)) return true;
    const number = readNumberLabel(nextText, 0);
    if (number) return number.style === 'bare' || number.style === 'comma' || number.style === 'parens';
    return readSubLabel(nextText, 0) === undefined;
  }

  /**
   * Whether `block` (its text `blockText`) is a section's heading over a numbered paragraph ("A call to
   * action" over "28. We …"): one short line that ends open, with the paragraph's number on the next.
   */
  private headsNumberedParagraph(block: Span, blockText: string): boolean {
    if (blockText.length > 120 || /[\r\n]/.test(blockText) || !endsOpen(blockText.trim())) return false;
    let next = block.end;
    while (next < this.text.length && /\s/.test(this.text[next] ?? '')) next++;
    return opensAnnexParagraphAt(this.text, next);
  }

  /**
   * Text that the model placed nowhere (the parser keeps everything, but a number line whose text
   * went elsewhere may be left out): kept as a unit of its own, so that no word is lost.
   */
  private uncoveredUnits(covered: readonly Span[]): Unit[] {
    const spans = [...covered].sort((a, b) => a.start - b.start);
    const units: Unit[] = [];
    let position = 0;
    const takeGap = (start: number, end: number): void => {
      // Blank lines separate the units of a gap.
      let runStart = -1;
      let runEnd = -1;
      const flush = (): void => {
        if (runStart >= 0) units.push({ kind: 'block', segments: [{ start: runStart, end: runEnd }], level: 0, unplaced: true });
        runStart = runEnd = -1;
      };
      let lineBreaksSinceText = 0;
      for (let offset = start; offset < end; offset++) {
        const character = this.text[offset];
        if (character === '\n' || (character === '\r' && this.text[offset + 1] !== '\n')) {
          lineBreaksSinceText++;
          continue;
        }
        if (isSpace(character)) continue;
        if (lineBreaksSinceText >= 2) flush();
        lineBreaksSinceText = 0;
        if (runStart < 0) runStart = offset;
        runEnd = offset + 1;
      }
      flush();
    };
    for (const span of spans) {
      if (span.start > position) takeGap(position, span.start);
      position = Math.max(position, span.end);
    }
    if (position < this.text.length) takeGap(position, this.text.length);
    return units;
  }

  // ---- rendering --------------------------------------------------------------------------

  private render(unit: Unit): string {
    let lines = this.sourceLines(unit.segments);
    if (unit.kind === 'header') {
      // Job number, barcode, page number and the rule over a page's footnotes (a piece copied from a
      // page's foot) go; the symbol stays as a header line.
      lines = lines.filter((line) => {
        const only = line.length === 1 ? line[0] : undefined;
        return !(only && 'text' in only && (jobNumberOrBarcodeOrPage(only.text) || separatorPattern.test(only.text)));
      });
    }
    const keepBreakBefore = (line: readonly LinePart[]): boolean => {
      const first = line[0];
      if (!first || !('text' in first)) return false;
      if (unit.kind === 'header') return !lowerCaseStart.test(first.text);
      if (unit.kind === 'closing') return line.length === 1 && dateLinePattern.test(first.text);
      if (unit.kind === 'chapeau' || unit.kind === 'footnote') return false;
      // A paragraph number that opens a line inside a unit (a heading glued to the paragraph
      // after it) stays at the start of its line, where a reader and the parser look for it.
      return readNumberLabel(first.text, 0)?.style === 'dot';
    };
    const joinLines = (keepEveryBreak: boolean): string[] => {
      const outputLines: string[] = [];
      // The line being joined is read only at its end (the last 120 characters at most): its start
      // is set aside as it grows. Kept whole, a string made by concatenation is copied whole at every
      // read, and a unit of 50,000 lines joined took 11 s.
      const setAside: string[] = [];
      let current = '';
      for (const [index, line] of lines.entries()) {
        if (index > 0 && (keepEveryBreak || keepBreakBefore(line))) {
          outputLines.push(setAside.join('') + current);
          setAside.length = 0;
          current = '';
        }
        current = this.appendLine(current, line);
        if (current.length > joinedLineKept * 16) {
          setAside.push(current.slice(0, -joinedLineKept));
          current = current.slice(-joinedLineKept);
        }
      }
      if (setAside.length > 0 || current !== '') outputLines.push(setAside.join('') + current);
      return outputLines;
    };
    let outputLines = joinLines(false);
    if (lines.length > 1 && unit.kind !== 'header' && unit.kind !== 'closing' && unit.kind !== 'footnote' && unit.kind !== 'chapeau' && this.readsOtherwiseJoined(outputLines[0] ?? '', lines)) {
      outputLines = joinLines(true);
    }
    return outputLines.map((line) => trimStartSpaces(trimEndSpaces(line))).filter((line) => line !== '').join('\n');
  }

  /**
   * Whether the parser would read a unit's text otherwise once its lines are joined, so that they are
   * kept: text that opens like a footnote text ("9 See Official Records …, No. 15,") would read as
   * footnote texts, and short text that ends open ("Impellers⏎Casings") as a heading. Kept as it
   * came, the output reads as the input did, and converts to itself.
   */
  private readsOtherwiseJoined(joined: string, lines: readonly (readonly LinePart[])[]): boolean {
    const first = lines[0]?.[0];
    if (footnoteLikeStart.test(joined) || (first !== undefined && 'text' in first && footnoteLikeStart.test(first.text))) return true;
    // A paragraph's number or an item's label and its text ("(b)" over "The State of Palestine may …",
    // cut short by a piece's end) read as the paragraph joined: no heading opens with either.
    const number = readNumberLabel(joined, 0);
    const label = number?.style === 'dot' ? number : readSubLabel(joined, 0);
    if (label !== undefined && label.span.end < joined.length) return false;
    return joined.length <= 100 && joined.split(' ').length <= 14 && endsOpen(joined);
  }

  /**
   * The unit's text as source lines, each trimmed and without empty ones; the pieces of a unit
   * broken by a page break follow each other as lines do. Lines of a running title or a rule line
   * that the model left inside the unit are page furniture too, and left out.
   */
  private sourceLines(segments: readonly Span[]): LinePart[][] {
    const lines: LinePart[][] = [];
    for (const segment of segments) {
      let lineStart = segment.start;
      while (lineStart <= segment.end) {
        const lineEnd = this.lineEndFrom(lineStart, segment.end);
        if (!this.furnitureLineStarts.has(this.lineStartOf(lineStart)) || !this.isWholeLine(lineStart, lineEnd)) {
          const line = trimLine(this.partsOf(lineStart, lineEnd));
          if (line.length > 0) lines.push(line);
        }
        if (lineEnd >= segment.end) break;
        lineStart = lineEnd + (this.text[lineEnd] === '\r' && this.text[lineEnd + 1] === '\n' ? 2 : 1);
      }
    }
    return lines;
  }

  private lineEndFrom(start: number, limit: number): number {
    let end = start;
    while (end < limit && this.text[end] !== '\n' && this.text[end] !== '\r') end++;
    return end;
  }

  private lineStartOf(offset: number): number {
    return lineStartOf(this.text, offset);
  }

  /** Whether [start, end) holds all the non-space text of its source line. */
  private isWholeLine(start: number, end: number): boolean {
    const lineStart = this.lineStartOf(start);
    const lineEnd = this.lineEndFrom(end, this.text.length);
    return this.text.slice(lineStart, start).trim() === '' && this.text.slice(end, lineEnd).trim() === '';
  }

  /** One source line's text, with the footnote calls written as references cut out. */
  private partsOf(start: number, end: number): LinePart[] {
    const parts: LinePart[] = [];
    let position = start;
    for (const call of this.callsBetween(start, end)) {
      if (call.span.start > position) parts.push({ text: this.text.slice(position, call.span.start) });
      parts.push({ call: call.number });
      position = call.span.end;
      // The older mark "3/" ("Montenegro); 3/ the"): its slash goes with the number.
      if (call.style === 'bare' && this.text[position] === '/' && position < end) position++;
    }
    if (end > position) parts.push({ text: this.text.slice(position, end) });
    return parts;
  }

  private callsBetween(start: number, end: number): FootnoteCall[] {
    // Calls are sorted: a binary search finds the first at or after `start`.
    let low = 0;
    let high = this.calls.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.calls[middle] as FootnoteCall).span.start < start) low = middle + 1;
      else high = middle;
    }
    const found: FootnoteCall[] = [];
    for (let index = low; index < this.calls.length; index++) {
      const call = this.calls[index] as FootnoteCall;
      if (call.span.start >= end) break;
      if (call.span.end <= end) found.push(call);
    }
    return found;
  }

  /** Adds a source line to the output line: a space between, or the halves of a word at a line-end hyphen joined. */
  private appendLine(current: string, line: readonly LinePart[]): string {
    let output = current;
    const first = line[0];
    if (output !== '' && first && 'text' in first) {
      const glue = this.glueAt(output, first.text);
      if (glue === undefined) output += ' ';
      else output = glue;
    }
    for (const part of line) {
      if ('call' in part) {
        // The reference goes right after the word or mark it belongs to, with no space before.
        output = trimEndSpaces(output) + `[^${part.call}]`;
        continue;
      }
      // A call that stood for the space after it ("Weapons 6and the") leaves that space.
      const separated = output.endsWith(']') && /^[\p{L}\p{N}]/u.test(part.text) && /\[\^\d+\]$/.test(output);
      output += (separated ? ' ' : '') + part.text.replace(innerSpaces, ' ');
    }
    return output;
  }

  /**
   * Where a line ends inside a word ("meet-", "Secretary-", "15–"), the output line as it should be
   * before the next line's text is added; undefined where a space separates the lines.
   */
  private glueAt(output: string, next: string): string | undefined {
    if (!/^[\p{L}\p{N}]/u.test(next)) return undefined;
    const mark = output[output.length - 1];
    if (!/[\p{L}\p{N}]/u.test(output[output.length - 2] ?? '')) return undefined;
    if (mark === '\u00AD') return output.slice(0, -1);
    if (mark === '\u2011' || mark === '\u2013') return output;
    if (mark !== '-') return undefined;
    return this.isBrokenWord(output, next) ? output.slice(0, -1) : output;
  }

  /** Whether "meet-" + "ing" is one word broken by the typesetter (and not a compound such as "Secretary-General"). */
  private isBrokenWord(output: string, next: string): boolean {
    // The word before the hyphen is short: only the end of the line is searched.
    const before = hyphenatedWordBefore(output.slice(-120));
    const after = /^[\p{L}\p{M}]+/u.exec(next)?.[0];
    if (!before || !after) return false;
    // A capital or a figure after the hyphen makes a compound: "Secretary-General", "pre-2015".
    if (!/^\p{Ll}/u.test(after)) return false;
    const words = this.wordsOfDocument();
    const hyphenated = `${before}-${after}`.toLowerCase().replace(/\u2011/g, '-');
    const joined = `${before}${after}`.toLowerCase().replace(/\u2011/g, '-');
    if (words.has(hyphenated)) return false;
    if (words.has(joined)) return true;
    const data = this.hyphenation;
    if (!data) return false;
    const firstHalf = (before.split(/[-\u2011]/).pop() ?? before).toLowerCase();
    if (data.compoundFirstHalves.includes(firstHalf)) return false;
    return data.suffixes.includes(after.toLowerCase());
  }

  private isFurnitureOnly(span: Span): boolean {
    let lineStart = this.lineStartOf(span.start);
    while (lineStart < span.end) {
      const lineEnd = this.lineEndFrom(lineStart, this.text.length);
      if (this.text.slice(lineStart, lineEnd).trim() !== '' && !this.furnitureLineStarts.has(lineStart)) return false;
      lineStart = lineEnd + (this.text[lineEnd] === '\r' && this.text[lineEnd + 1] === '\n' ? 2 : 1);
    }
    return true;
  }

  /** The document's words, lower case, hyphenated ones whole: what the text itself says of a word. */
  private wordsOfDocument(): Set<string> {
    if (!this.documentWords) {
      this.documentWords = new Set();
      const text = this.text.toLowerCase().replace(/\u2011/g, '-');
      for (const match of text.matchAll(/[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu)) this.documentWords.add(match[0]);
    }
    return this.documentWords;
  }

  /** `[^N]: text` lines, in number order (texts of one number keep their order), each with the part whose text it stands in. */
  private footnoteLines(): FootnoteLine[] {
    const chapeauStarts = this.draft.parts.map((part) => part.chapeau?.span.start ?? Number.NEGATIVE_INFINITY);
    const partAt = (offset: number): number => {
      let found = 0;
      for (const [index, start] of chapeauStarts.entries()) if (start <= offset) found = index;
      return found;
    };
    return [...this.draft.footnoteTexts]
      // A running title taken for a footnote text ("2025 Political Declaration …") is furniture.
      .filter((footnote) => !this.isFurnitureOnly(footnote.span))
      .map((footnote, index) => ({ footnote, index }))
      .sort((a, b) => a.footnote.number - b.footnote.number || a.index - b.index)
      .map(({ footnote }) => {
        const body = this.render({ kind: 'footnote', segments: footnoteTextPieces(footnote), level: 0 });
        const line = body === '' ? `[^${footnote.number}]:` : `[^${footnote.number}]: ${body}`;
        return { number: footnote.number, line, part: partAt(footnote.span.start) };
      });
  }
}

/** A footnote's `[^N]: text` line, and the part (by index) whose text it stands in. */
interface FootnoteLine {
  readonly number: number;
  readonly line: string;
  readonly part: number;
}

/** Footnote lines one under the other. */
function footnoteBlock(footnotes: readonly FootnoteLine[]): string {
  // The parser reads `[^1994]:` right under a footnote as a wrapped line of it that starts with a
  // year: a number that high stands after a blank line to stay a footnote of its own.
  return footnotes.map((footnote, index) => (index === 0 ? '' : footnote.number >= 1000 ? '\n\n' : '\n') + footnote.line).join('');
}

function unitStart(unit: Unit): number {
  return (unit.segments[0] as Span).start;
}

const headerTitlePattern = /^\d{1,3}\/\d{1,4}\.[ \t\u00A0]+\S/;

/**
 * Lines after the header that are page furniture which the model kept as text: rule lines, and the
 * page header or footer: the symbol, the job number, the page number, and the running title. The
 * running title is the document's title from the header ("80/5. Doha Political Declaration … under"
 * and its wrapped lines): a piece of it on a line next to other page furniture, or the whole of it
 * on a line of its own. Two kinds of such lines are text (`kept`): right under an annex heading, the
 * title is the annex's own; right under "United Nations", a symbol is the masthead of a second text
 * pasted after the first.
 */
function furnitureLines(draft: Draft): { furniture: Set<number>; kept: Set<number> } {
  const starts = new Set<number>();
  const kept = new Set<number>();
  const lines = splitLines(draft.text);
  const bodyStart = bodyStartOf(draft);
  let title = '';
  for (const [index, line] of lines.entries()) {
    if (line.contentStart >= bodyStart) break;
    if (!headerTitlePattern.test(line.content)) continue;
    const titleLines = [line.content.replace(/^\S+\s+/, '')];
    for (const next of lines.slice(index + 1)) {
      if (next.content === '' || next.contentStart >= bodyStart) break;
      titleLines.push(next.content);
    }
    title = titleLines.join(' ').replace(/\s+/g, ' ');
    break;
  }
  // Each line by where its text starts (a line's own place: no two share one), not searched for per heading.
  const lineIndexAt = new Map(lines.map((line, index) => [line.contentStart, index]));
  const annexHeadings = new Set(draft.blocks.filter((block) => block.kind === 'annex-heading').map((block) => lineIndexAt.get(block.span.start) ?? -1));
  for (const [index, line] of lines.entries()) {
    if (line.contentStart < bodyStart || line.content === '') continue;
    if (separatorPattern.test(line.content) || isPageFurniture(line.content)) {
      const previous = lines[previousContentLine(lines, index)];
      if (previous && symbolLinePattern.test(line.content) && renderLanguages.some((language) => language.unitedNations === previous.content)) {
        // "United Nations" and the symbol: a masthead, both kept, though a title that names the United Nations ends in it.
        kept.add(line.start);
        kept.add(previous.start);
        starts.delete(previous.start);
      } else {
        starts.add(line.start);
      }
      continue;
    }
    // Right under an annex heading stands the annex's title, whichever text's title it repeats.
    if (annexHeadings.has(previousContentLine(lines, index))) {
      kept.add(line.start);
      continue;
    }
    if (title === '' || line.content.length < 8 || line.content.length > title.length + 20) continue;
    const content = line.content.replace(/\s+/g, ' ');
    // The whole title on a line of its own is a running head (a copy may have dropped the furniture around it).
    if (content === title || (title.includes(content) && nearFurniture(lines, index))) starts.add(line.start);
  }
  return { furniture: starts, kept };
}

/** Where the header (the blocks before the chapeau) ends: at the first chapeau, paragraph, block or footnote text. */
function bodyStartOf(draft: Draft): number {
  let start = draft.text.length;
  for (const part of draft.parts) if (part.chapeau) start = Math.min(start, part.chapeau.span.start);
  for (const paragraph of draft.paragraphs) start = Math.min(start, paragraph.span.start);
  for (const block of draft.blocks) if (block.kind !== 'header' && block.kind !== 'misplaced-paragraph') start = Math.min(start, block.span.start);
  for (const footnote of draft.footnoteTexts) start = Math.min(start, footnote.span.start);
  return start;
}

/** The index of the last non-blank line before `index`, or -1. */
function previousContentLine(lines: readonly { readonly content: string }[], index: number): number {
  for (let previous = index - 1; previous >= 0; previous--) if ((lines[previous] as { content: string }).content !== '') return previous;
  return -1;
}

function nearFurniture(lines: readonly { readonly content: string }[], index: number): boolean {
  for (const offset of [-3, -2, -1, 1, 2, 3]) {
    const neighbour = lines[index + offset];
    if (neighbour && isPageFurniture(neighbour.content)) return true;
  }
  return false;
}

function clip(pieces: readonly Span[], limit: number): Span[] {
  return pieces.filter((piece) => piece.start < limit).map((piece) => ({ start: piece.start, end: Math.min(piece.end, limit) }));
}

/**
 * A paragraph number left alone by the model ("2." whose text the parser took elsewhere) opens the
 * unit after it, as it stood before that unit's text in the source.
 */
function joinLoneNumbers(units: Unit[], text: string): Unit[] {
  const out: Unit[] = [];
  for (let index = 0; index < units.length; index++) {
    const unit = units[index] as Unit;
    const next = units[index + 1];
    const only = unit.segments.length === 1 ? (unit.segments[0] as Span) : undefined;
    if (only && next && unit.unplaced && loneParagraphNumber.test(text.slice(only.start, only.end).trim()) && (next.kind === 'paragraph' || next.kind === 'block')) {
      units[index + 1] = { ...next, segments: [only, ...next.segments] };
      continue;
    }
    out.push(unit);
  }
  return out;
}

function trimLine(parts: readonly LinePart[]): LinePart[] {
  const trimmed = [...parts];
  while (trimmed.length > 0) {
    const first = trimmed[0] as LinePart;
    if (!('text' in first)) break;
    const text = trimStartSpaces(first.text);
    if (text === '') trimmed.shift();
    else {
      trimmed[0] = { text };
      break;
    }
  }
  while (trimmed.length > 0) {
    const last = trimmed[trimmed.length - 1] as LinePart;
    if (!('text' in last)) break;
    const text = trimEndSpaces(last.text);
    if (text === '') trimmed.pop();
    else {
      trimmed[trimmed.length - 1] = { text };
      break;
    }
  }
  return trimmed;
}

function trimStartSpaces(text: string): string {
  let start = 0;
  while (start < text.length && isSpace(text[start])) start++;
  return text.slice(start);
}

function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1])) end--;
  return text.slice(0, end);
}

/**
 * The word before a line-end hyphen, with its own inner hyphens ("long-term-" → "long-term"): read
 * backwards, since an end-anchored pattern backtracks polynomially.
 */
function hyphenatedWordBefore(text: string): string | undefined {
  if (!text.endsWith('-')) return undefined;
  let start = text.length - 1;
  for (;;) {
    const word = wordEndingAt(text, start, false);
    if (!word) break;
    start = word.start;
    const joiner = text[start - 1];
    if ((joiner === '-' || joiner === '\u2011') && isLetter(text[start - 2])) start--;
    else break;
  }
  return start < text.length - 1 && isLetter(text[start]) ? text.slice(start, text.length - 1) : undefined;
}
