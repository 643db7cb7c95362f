// A Word document (.docx) read as draft text, for `--import`: delegates and the Secretariat draft in
// Word, and a draft handed on as a .docx had to be saved as text by hand before Resolint could read it.
//
// What is read: the body's paragraphs in order (table cells' too), with the numbers and letters Word
// draws for numbered lists (numbering.xml, also through a paragraph's style), tracked changes as
// accepted (insertions kept, deletions left out), and footnotes: each reference a call `[^N]`, numbered
// in order as Word numbers them, and the texts `[^N]: …` at the end; endnotes, which some drafters
// use instead, are footnotes of the draft format too, numbered in the same sequence as they are met.
// A superscript run of digits (a footnote number typed by hand, or the cached number of a
// cross-reference to a footnote, as Resolint's own export writes a repeated call) is a call too.
// Headers, footers, comments, field codes, text boxes and drawings are left out. The text is then
// converted to the draft format as any `--import` is.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { attribute, documentParts, formatCount, isSuperscriptNumber, paragraphText, type ImportedText } from './office-parts';

/** The parts read; the others (media above all) are not even inflated. */
const partsRead = new Set(['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/numbering.xml', 'word/styles.xml']);

/** The draft text of the Word document `bytes`; never throws. */
export function wordDocumentText(bytes: Uint8Array): ImportedText {
  const unzipped = documentParts(bytes, partsRead, 'Word document');
  if (!unzipped.ok) return unzipped;
  const { parts } = unzipped;
  const document = parts['word/document.xml'];
  if (!document) return { ok: false, reason: 'a ZIP archive without word/document.xml: not a Word document' };
  try {
    const decoder = new TextDecoder('utf-8');
    const read = (part: Uint8Array | undefined): string => (part ? decoder.decode(part) : '');
    const styles = styleNumbering(read(parts['word/styles.xml']));
    const numbering = new ListNumbering(read(parts['word/numbering.xml']));
    const footnoteNumbers = new Map<string, number>();
    const body = readParagraphs(read(document), { styles, numbering, footnoteNumbers });
    const noteTexts = new Map<string, string>();
    for (const kind of noteKinds) {
      for (const note of readNotes(read(parts[kind.part]), kind)) noteTexts.set(noteKey(kind, note.id), note.text);
    }
    const footnotes = [...footnoteNumbers].map(([key, number]) => `[^${number}]: ${noteTexts.get(key) ?? ''}`.trimEnd());
    return { ok: true, text: [...body, ...footnotes].join('\n\n') + '\n' };
  } catch (error) {
    // saxes throws on XML that is not well formed: a damaged file, said as such.
    return { ok: false, reason: `not a readable Word document (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
}

/** A paragraph's list numbering: which list instance (`w:numId`) and level (`w:ilvl`). */
interface ListPlace {
  readonly numId: string;
  readonly level: number;
}

/** The list numbering of each paragraph style that has one (styles.xml), its `basedOn` followed. */
function styleNumbering(xml: string): Map<string, ListPlace> {
  const own = new Map<string, Partial<ListPlace>>();
  const basedOn = new Map<string, string>();
  if (xml === '') return new Map();
  let style: string | undefined;
  const parser = new SaxesParser();
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const value = attribute(tag, 'w:val');
    if (tag.name === 'w:style') style = attribute(tag, 'w:styleId');
    else if (style === undefined) return;
    else if (tag.name === 'w:basedOn' && value !== undefined) basedOn.set(style, value);
    else if (tag.name === 'w:numId' && value !== undefined) own.set(style, { ...own.get(style), numId: value });
    else if (tag.name === 'w:ilvl' && value !== undefined) own.set(style, { ...own.get(style), level: Number(value) });
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:style') style = undefined;
  });
  parser.write(xml).close();
  const resolved = new Map<string, ListPlace>();
  for (const name of new Set([...own.keys(), ...basedOn.keys()])) {
    let numId: string | undefined;
    let level: number | undefined;
    // Up the chain of styles, the nearest setting of each wins; a chain that loops stops.
    const seen = new Set<string>();
    for (let at: string | undefined = name; at !== undefined && !seen.has(at); at = basedOn.get(at)) {
      seen.add(at);
      numId ??= own.get(at)?.numId;
      level ??= own.get(at)?.level;
    }
    if (numId !== undefined && numId !== '0') resolved.set(name, { numId, level: level ?? 0 });
  }
  return resolved;
}

interface ListLevel {
  readonly start: number;
  readonly format: string;
  readonly text: string;
}

/**
 * The numbers Word draws before list paragraphs (numbering.xml): each list instance (`w:num`) counts
 * its levels from their start, a paragraph at a level starting the levels below it afresh, and the
 * level's text ("%1.", "(%2)") says how the number is written.
 */
class ListNumbering {
  private readonly abstractLevels = new Map<string, Map<number, ListLevel>>();
  private readonly abstractOf = new Map<string, string>();
  private readonly startOverrides = new Map<string, Map<number, number>>();
  private readonly counters = new Map<string, number[]>();

  constructor(xml: string) {
    if (xml === '') return;
    let abstractId: string | undefined;
    let level: { index: number; start: number; format: string; text: string } | undefined;
    let numId: string | undefined;
    let overrideLevel: number | undefined;
    const parser = new SaxesParser();
    parser.on('opentag', (tag: SaxesTagPlain) => {
      const value = attribute(tag, 'w:val');
      switch (tag.name) {
        case 'w:abstractNum':
          abstractId = attribute(tag, 'w:abstractNumId');
          if (abstractId !== undefined) this.abstractLevels.set(abstractId, new Map());
          break;
        case 'w:lvl':
          if (abstractId !== undefined) level = { index: Number(attribute(tag, 'w:ilvl') ?? 0), start: 1, format: 'decimal', text: '' };
          break;
        case 'w:start':
          if (level && value !== undefined) level.start = Number(value);
          break;
        case 'w:numFmt':
          if (level && value !== undefined) level.format = value;
          break;
        case 'w:lvlText':
          if (level && value !== undefined) level.text = value;
          break;
        case 'w:num':
          numId = attribute(tag, 'w:numId');
          break;
        case 'w:abstractNumId':
          if (numId !== undefined && value !== undefined) this.abstractOf.set(numId, value);
          break;
        case 'w:lvlOverride':
          overrideLevel = Number(attribute(tag, 'w:ilvl') ?? 0);
          break;
        case 'w:startOverride':
          if (numId !== undefined && overrideLevel !== undefined && value !== undefined) {
            const overrides = this.startOverrides.get(numId) ?? new Map<number, number>();
            overrides.set(overrideLevel, Number(value));
            this.startOverrides.set(numId, overrides);
          }
          break;
      }
    });
    parser.on('closetag', (tag) => {
      if (tag.name === 'w:lvl' && level && abstractId !== undefined) {
        this.abstractLevels.get(abstractId)?.set(level.index, { start: level.start, format: level.format, text: level.text });
        level = undefined;
      } else if (tag.name === 'w:abstractNum') abstractId = undefined;
      else if (tag.name === 'w:num') numId = undefined;
      else if (tag.name === 'w:lvlOverride') overrideLevel = undefined;
    });
    parser.write(xml).close();
  }

  /** The label of the next paragraph at `place` ("3.", "(b)"), counted; '' for a bullet or an unknown list. */
  next(place: ListPlace): string {
    const abstractId = this.abstractOf.get(place.numId);
    const levels = abstractId === undefined ? undefined : this.abstractLevels.get(abstractId);
    const level = levels?.get(place.level);
    if (!levels || !level) return '';
    const counters = this.counters.get(place.numId) ?? [];
    this.counters.set(place.numId, counters);
    const current = counters[place.level];
    counters[place.level] = current === undefined ? (this.startOverrides.get(place.numId)?.get(place.level) ?? level.start) : current + 1;
    counters.length = place.level + 1;
    if (level.format === 'bullet' || level.format === 'none') return '';
    return level.text.replace(/%([1-9])/g, (_, digit: string) => {
      const index = Number(digit) - 1;
      const shown = levels.get(index);
      const count = counters[index] ?? shown?.start ?? 1;
      return formatCount(count, shown?.format ?? 'decimal');
    });
  }
}

interface ParagraphContext {
  /** The list numbering of paragraph styles; notes are read without: their paragraphs carry no list. */
  readonly styles?: ReadonlyMap<string, ListPlace>;
  readonly numbering?: ListNumbering;
  /** The footnote and endnote references met, by `noteKey`, numbered in the order met. */
  readonly footnoteNumbers?: Map<string, number>;
}

/** Word's two kinds of notes: where their texts are, and the element of each text and of each reference. */
interface NoteKind {
  readonly part: string;
  readonly element: string;
  readonly reference: string;
}

const noteKinds: readonly NoteKind[] = [
  { part: 'word/footnotes.xml', element: 'w:footnote', reference: 'w:footnoteReference' },
  { part: 'word/endnotes.xml', element: 'w:endnote', reference: 'w:endnoteReference' },
];

/** A note's key among both kinds: a footnote and an endnote may have the same id. */
function noteKey(kind: NoteKind, id: string): string {
  return `${kind.element} ${id}`;
}

/** Elements whose whole content is no text of the draft. */
const skippedElements = new Set([
  'w:del', // a tracked deletion
  'w:moveFrom', // the place a tracked move left
  'w:instrText', // a field's code, not its result
  'w:delInstrText',
  'w:pPrChange', // formatting before a tracked change: its list numbering is not the paragraph's
  'w:rPrChange',
  'w:txbxContent', // text boxes, anchored to a paragraph but not of it
  'mc:Fallback', // an older copy of the content before it
  'w:commentReference',
]);

/** The text of each non-empty paragraph of `xml` (document.xml), its list label first. */
function readParagraphs(xml: string, context: ParagraphContext): string[] {
  const paragraphs: string[] = [];
  readWordParagraphs(xml, context, (text) => paragraphs.push(text));
  return paragraphs;
}

/** The notes of one kind (footnotes.xml's or endnotes.xml's): id and text, the separators left out. */
function readNotes(xml: string, kind: NoteKind): { id: string; text: string }[] {
  if (xml === '') return [];
  const notes: { id: string; text: string }[] = [];
  let current: { id: string; texts: string[] } | undefined;
  readWordParagraphs(
    xml,
    {},
    (text) => current?.texts.push(text),
    (tag) => {
      if (tag.name !== kind.element) return;
      const type = attribute(tag, 'w:type');
      current = type === undefined || type === 'normal' ? { id: attribute(tag, 'w:id') ?? '', texts: [] } : undefined;
    },
    (name) => {
      if (name !== kind.element || !current) return;
      notes.push({ id: current.id, text: current.texts.join(' ') });
      current = undefined;
    },
  );
  return notes;
}

/**
 * Reads WordprocessingML paragraphs: `onParagraph` gets each non-empty one's text, its list label
 * first. `onOpen` and `onClose` see every other element (the notes' `w:footnote` and `w:endnote`).
 */
function readWordParagraphs(
  xml: string,
  context: ParagraphContext,
  onParagraph: (text: string) => void,
  onOpen?: (tag: SaxesTagPlain) => void,
  onClose?: (name: string) => void,
): void {
  /** How many skipped elements the parser is inside. */
  let skipping = 0;
  let paragraph: { text: string; styleId?: string; numId?: string; level?: number; opensWithSuperscriptNumber?: boolean } | undefined;
  /** The run being read: its text, and whether it is set as superscript. */
  let run: { text: string; superscript: boolean; hidden: boolean } | undefined;
  let inText = false;
  let inParagraphProperties = false;
  const append = (text: string): void => {
    if (run) run.text += text;
    else if (paragraph) paragraph.text += text;
  };
  const parser = new SaxesParser();
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (skippedElements.has(tag.name)) {
      skipping++;
      return;
    }
    if (skipping > 0) return;
    const value = attribute(tag, 'w:val');
    switch (tag.name) {
      case 'w:p':
        // A paragraph inside another (a text box's, when not skipped) ends the outer one's reading here.
        paragraph = { text: '' };
        break;
      case 'w:pPr':
        inParagraphProperties = true;
        break;
      case 'w:pStyle':
        if (paragraph && value !== undefined) paragraph.styleId = value;
        break;
      case 'w:numId':
        if (paragraph && inParagraphProperties && value !== undefined) paragraph.numId = value;
        break;
      case 'w:ilvl':
        if (paragraph && inParagraphProperties && value !== undefined) paragraph.level = Number(value);
        break;
      case 'w:r':
        run = { text: '', superscript: false, hidden: false };
        break;
      case 'w:vertAlign':
        if (run && value === 'superscript') run.superscript = true;
        break;
      case 'w:vanish':
        // Hidden text, which Word neither shows nor prints (a paragraph mark's own is in w:pPr, no run).
        if (run && value !== 'false' && value !== '0') run.hidden = true;
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
        // A tab stop in the paragraph's properties (w:tabs) is no character.
        if (!inParagraphProperties) append('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (attribute(tag, 'w:type') !== 'page') append('\n');
        break;
      case 'w:noBreakHyphen':
        append('\u2011');
        break;
      case 'w:footnoteReference':
      case 'w:endnoteReference': {
        const id = attribute(tag, 'w:id');
        const numbers = context.footnoteNumbers;
        const kind = noteKinds.find((candidate) => candidate.reference === tag.name);
        if (id !== undefined && numbers && kind) {
          const key = noteKey(kind, id);
          if (!numbers.has(key)) numbers.set(key, numbers.size + 1);
          // Not in the run's text: a reference's run is set as superscript, and its call is written as it is.
          if (paragraph) paragraph.text += (run?.text ?? '') + `[^${numbers.get(key)}]`;
          if (run) run.text = '';
        }
        break;
      }
      default:
        onOpen?.(tag);
    }
  });
  parser.on('text', (text) => {
    if (inText && skipping === 0) append(text);
  });
  parser.on('closetag', (tag) => {
    if (skippedElements.has(tag.name)) {
      skipping--;
      return;
    }
    if (skipping > 0) return;
    switch (tag.name) {
      case 'w:t':
        inText = false;
        break;
      case 'w:pPr':
        inParagraphProperties = false;
        break;
      case 'w:r':
        if (run && paragraph && !run.hidden) {
          // Digits set as superscript are a footnote's number: a call, or the label of a footnote's
          // text where they open a paragraph ("⁴ E/2026/30." under a rule line, as a word processor's
          // list of notes stands, and as Resolint's export writes a note no paragraph calls).
          const superscriptNumber = run.superscript && isSuperscriptNumber(run.text);
          if (superscriptNumber && paragraph.text.trim() === '') paragraph.opensWithSuperscriptNumber = true;
          paragraph.text += superscriptNumber ? `[^${run.text.trim()}]` : run.text;
        }
        run = undefined;
        break;
      case 'w:p': {
        if (!paragraph) break;
        // The paragraph's own numbering, each part of it falling back to its style's: a paragraph of a
        // numbered style may set only its level (w:ilvl) and keep the style's list.
        const styled = paragraph.styleId !== undefined ? context.styles?.get(paragraph.styleId) : undefined;
        const numId = paragraph.numId ?? styled?.numId;
        const place = numId === undefined ? undefined : { numId, level: paragraph.level ?? styled?.level ?? 0 };
        const label = place && place.numId !== '0' && context.numbering ? context.numbering.next(place) : '';
        const text = paragraphText(paragraph.text, paragraph.opensWithSuperscriptNumber === true);
        paragraph = undefined;
        if (text !== '') onParagraph(label === '' ? text : `${label} ${text}`);
        break;
      }
      default:
        onClose?.(tag.name);
    }
  });
  parser.write(xml).close();
}
