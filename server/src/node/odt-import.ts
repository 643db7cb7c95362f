// An OpenDocument text (.odt: LibreOffice's and OpenOffice's own format, and a download choice of other
// word processors) read as draft text, for `--import`, as docx-import.ts reads a Word document.
//
// What is read: the body's paragraphs and headings in order (table cells' too), with the numbers and
// letters the document's lists draw ("1.", "(a)", "i)", a list continuing another's count, an item's
// own start) and those its outline numbering draws before headings ("I.", "A."), tracked changes as accepted (the deletions are kept apart from the text, and left out),
// and footnotes and endnotes: each a call `[^N]` where it stands, numbered in the order met, with the
// texts `[^N]: …` at the end. Comments, text boxes, frames, tables of contents and hidden text are
// left out, and so are headers and footers (they are not in the body). The text is then converted to
// the draft format as any `--import` is.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { attribute, documentParts, formatCount, isSuperscriptNumber, paragraphText, type CountFormat, type ImportedText } from './office-parts';

const partsRead = new Set(['content.xml', 'styles.xml']);

/** The draft text of the OpenDocument text `bytes`; never throws. */
export function openDocumentText(bytes: Uint8Array): ImportedText {
  const unzipped = documentParts(bytes, partsRead, 'OpenDocument text');
  if (!unzipped.ok) return unzipped;
  const content = unzipped.parts['content.xml'];
  if (!content) return { ok: false, reason: 'a ZIP archive without content.xml: not an OpenDocument text' };
  try {
    const decoder = new TextDecoder('utf-8');
    const stylesPart = unzipped.parts['styles.xml'];
    const styles = new DocumentStyles();
    // Named list styles are in styles.xml, those made for one list in content.xml's automatic styles.
    if (stylesPart) styles.read(decoder.decode(stylesPart));
    const text = decoder.decode(content);
    styles.read(text);
    const { paragraphs, notes } = readBody(text, styles);
    const noteLines = notes.map((note, index) => `[^${index + 1}]: ${note}`.trimEnd());
    return { ok: true, text: [...paragraphs, ...noteLines].join('\n\n') + '\n' };
  } catch (error) {
    // saxes throws on XML that is not well formed: a damaged file, said as such.
    return { ok: false, reason: `not a readable OpenDocument text (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
}

/** How one level of a list style writes its numbers; `format` undefined for a bullet or no number. */
interface LevelStyle {
  readonly format: CountFormat | undefined;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
}

/** The number a level writes before its item or heading ("(c)", "II."); '' for a bullet or none. */
function labelOf(level: LevelStyle | undefined, count: number): string {
  return level?.format ? `${level.prefix}${formatCount(count, level.format)}${level.suffix}` : '';
}

/** The OpenDocument number formats ("1", "a", "A", "i", "I") as the count formats of office-parts.ts. */
const countFormats: Readonly<Record<string, CountFormat>> = { '1': 'decimal', a: 'lowerLetter', A: 'upperLetter', i: 'lowerRoman', I: 'upperRoman' };

/**
 * The styles the reading needs: the list styles of a document (`text:list-style`), the paragraph
 * styles that name one, and the text styles set as superscript (a footnote number typed by hand, or a
 * reference to a note, as LibreOffice writes a Word document's repeated call).
 */
class DocumentStyles {
  private readonly levels = new Map<string, Map<number, LevelStyle>>();
  /** The document's outline numbering, which numbers its headings (`text:outline-style`). */
  private readonly outline = new Map<number, LevelStyle>();
  private readonly ofParagraphStyle = new Map<string, string>();
  private readonly superscripts = new Set<string>();

  read(xml: string): void {
    let list: Map<number, LevelStyle> | undefined;
    let style: string | undefined;
    const parser = new SaxesParser();
    parser.on('opentag', (tag: SaxesTagPlain) => {
      switch (tag.name) {
        case 'text:list-style': {
          const name = attribute(tag, 'style:name');
          list = name === undefined ? undefined : new Map();
          if (name !== undefined && list) this.levels.set(name, list);
          break;
        }
        case 'text:outline-style':
          list = this.outline;
          break;
        case 'text:list-level-style-number':
        case 'text:outline-level-style':
        case 'text:list-level-style-bullet':
        case 'text:list-level-style-image': {
          const level = Number(attribute(tag, 'text:level') ?? 1);
          const numbered = tag.name === 'text:list-level-style-number' || tag.name === 'text:outline-level-style';
          const format = numbered ? countFormats[attribute(tag, 'style:num-format') ?? ''] : undefined;
          list?.set(level, {
            format,
            prefix: attribute(tag, 'style:num-prefix') ?? '',
            suffix: attribute(tag, 'style:num-suffix') ?? '',
            start: Number(attribute(tag, 'text:start-value') ?? 1) || 1,
          });
          break;
        }
        case 'style:style': {
          const name = attribute(tag, 'style:name');
          style = name;
          const listStyle = attribute(tag, 'style:list-style-name');
          if (name !== undefined && listStyle !== undefined && listStyle !== '') this.ofParagraphStyle.set(name, listStyle);
          break;
        }
        case 'style:text-properties': {
          // "super 58%", or a raise as a percentage ("33% 58%"); "sub" and "-33%" are lowered.
          const position = attribute(tag, 'style:text-position') ?? '';
          if (style !== undefined && (position.startsWith('super') || /^\+?[1-9]\d*(?:\.\d+)?%/.test(position))) this.superscripts.add(style);
          break;
        }
      }
    });
    parser.on('closetag', (tag) => {
      if (tag.name === 'text:list-style' || tag.name === 'text:outline-style') list = undefined;
      else if (tag.name === 'style:style') style = undefined;
    });
    parser.write(xml).close();
  }

  level(listStyle: string | undefined, level: number): LevelStyle | undefined {
    return listStyle === undefined ? undefined : this.levels.get(listStyle)?.get(level);
  }

  /** How the outline numbering writes a heading's number at `level`. */
  outlineLevel(level: number): LevelStyle | undefined {
    return this.outline.get(level);
  }

  /** The list style a paragraph style names, for a list that names none. */
  ofParagraph(paragraphStyle: string | undefined): string | undefined {
    return paragraphStyle === undefined ? undefined : this.ofParagraphStyle.get(paragraphStyle);
  }

  isSuperscript(textStyle: string | undefined): boolean {
    return textStyle !== undefined && this.superscripts.has(textStyle);
  }
}

/** Elements whose whole content is no text of the draft. */
const skippedElements = new Set([
  'text:tracked-changes', // the deletions of tracked changes, kept apart from the text
  'office:annotation', // comments
  'office:annotation-end',
  'text:note-citation', // a note's number as drawn: the call is written as `[^N]`
  'draw:frame', // text boxes and pictures, anchored to a paragraph but not of it
  'text:table-of-content',
  'text:alphabetical-index',
  'text:hidden-text',
  'text:hidden-paragraph',
  'office:forms',
  'text:sequence-decls',
]);

/** A list as it is read: its style and the counts of its levels, shared with the lists that continue it. */
interface OpenList {
  readonly style: string | undefined;
  readonly counts: number[];
  /** Whether the item being read has had its labelled paragraph. */
  itemLabelled: boolean;
  /** The label the item's first paragraph takes; '' for an unnumbered one. */
  itemLabel: string;
}

/** The body's paragraphs ("label text"), and the notes' texts in the order their calls stand. */
function readBody(xml: string, styles: DocumentStyles): { paragraphs: string[]; notes: string[] } {
  const paragraphs: string[] = [];
  const notes: string[] = [];
  /** How many skipped elements the parser is inside. */
  let skipping = 0;
  let inBody = false;
  /** Paragraphs being read, innermost last: a note's paragraph stands inside the paragraph that calls it. */
  const open: { text: string; label: string; opensWithSuperscriptNumber?: boolean }[] = [];
  /** The spans being read, innermost last: whether each is superscript, and where its text begins in its paragraph's. */
  const spans: { superscript: boolean; start: number }[] = [];
  /** Notes being read (a note's body is read into its own list of paragraphs), innermost last. */
  const noteBodies: string[][] = [];
  /** The lists the parser is inside, outermost first. */
  const lists: OpenList[] = [];
  /** The counts of each list by its xml:id, and of the last list at the top, for a list that continues one. */
  const countsById = new Map<string, number[]>();
  let lastTopCounts: number[] | undefined;
  /** The headings' counts by outline level, for a document whose outline numbering numbers them. */
  const outlineCounts: number[] = [];

  const append = (text: string): void => {
    const paragraph = open[open.length - 1];
    if (paragraph) paragraph.text += text;
  };
  const parser = new SaxesParser();
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (tag.name === 'office:text') inBody = true;
    if (!inBody) return;
    if (skippedElements.has(tag.name)) {
      skipping++;
      return;
    }
    if (skipping > 0) return;
    switch (tag.name) {
      case 'text:list': {
        const outer = lists[lists.length - 1];
        const style = attribute(tag, 'text:style-name') ?? outer?.style;
        let counts: number[];
        if (outer) counts = outer.counts;
        else {
          const continued = attribute(tag, 'text:continue-list');
          if (continued !== undefined && countsById.has(continued)) counts = countsById.get(continued) as number[];
          else if (attribute(tag, 'text:continue-numbering') === 'true' && lastTopCounts) counts = lastTopCounts;
          else counts = [];
          lastTopCounts = counts;
        }
        const id = attribute(tag, 'xml:id');
        if (id !== undefined) countsById.set(id, counts);
        lists.push({ style, counts, itemLabelled: false, itemLabel: '' });
        break;
      }
      case 'text:list-item':
      case 'text:list-header': {
        const list = lists[lists.length - 1];
        if (!list) break;
        // A header item is unnumbered and counts nothing: its paragraphs take no label.
        list.itemLabelled = tag.name === 'text:list-header';
        list.itemLabel = '';
        if (tag.name === 'text:list-header') break;
        const level = lists.length;
        const levelStyle = styles.level(list.style, level);
        const own = attribute(tag, 'text:start-value');
        const current = list.counts[level - 1];
        list.counts[level - 1] = own !== undefined && Number(own) > 0 ? Number(own) : current === undefined ? (levelStyle?.start ?? 1) : current + 1;
        // A new item at a level starts the levels below it afresh.
        list.counts.length = level;
        list.itemLabel = labelOf(levelStyle, list.counts[level - 1] as number);
        break;
      }
      case 'text:p':
      case 'text:h': {
        const list = lists[lists.length - 1];
        let label = '';
        // An item's first paragraph takes its label; a numbered heading outside a list, its style's.
        if (list && !list.itemLabelled && noteBodies.length === 0) {
          list.itemLabelled = true;
          label = list.itemLabel;
          if (label === '' && list.style === undefined) {
            // The list names no style: the paragraph's style may.
            const levelStyle = styles.level(styles.ofParagraph(attribute(tag, 'text:style-name')), lists.length);
            label = labelOf(levelStyle, list.counts[lists.length - 1] ?? levelStyle?.start ?? 1);
          }
        } else if (!list && tag.name === 'text:h' && noteBodies.length === 0 && attribute(tag, 'text:is-list-header') !== 'true') {
          // A heading outside a list counts at its outline level, and shows the number where the outline numbering writes one ("I.", "A.").
          const level = Math.max(1, Math.min(10, Number(attribute(tag, 'text:outline-level') ?? 1) || 1));
          const levelStyle = styles.outlineLevel(level);
          const own = Number(attribute(tag, 'text:start-value'));
          const current = outlineCounts[level - 1];
          outlineCounts[level - 1] = own > 0 && attribute(tag, 'text:restart-numbering') === 'true' ? own : current === undefined ? (levelStyle?.start ?? 1) : current + 1;
          outlineCounts.length = level;
          label = labelOf(levelStyle, outlineCounts[level - 1] as number);
        }
        open.push({ text: '', label });
        break;
      }
      case 'text:span': {
        const paragraph = open[open.length - 1];
        spans.push({ superscript: styles.isSuperscript(attribute(tag, 'text:style-name')), start: paragraph ? paragraph.text.length : 0 });
        break;
      }
      case 'text:s':
        append(' '.repeat(Math.min(1000, Math.max(1, Number(attribute(tag, 'text:c') ?? 1) || 1))));
        break;
      case 'text:tab':
        append('\t');
        break;
      case 'text:line-break':
        append('\n');
        break;
      case 'text:note-body':
        noteBodies.push([]);
        break;
    }
  });
  parser.on('text', (text) => {
    if (inBody && skipping === 0) append(text);
  });
  parser.on('closetag', (tag) => {
    if (!inBody) return;
    if (skippedElements.has(tag.name)) {
      skipping--;
      return;
    }
    if (skipping > 0) return;
    switch (tag.name) {
      case 'office:text':
        inBody = false;
        break;
      case 'text:list':
        lists.pop();
        break;
      case 'text:span': {
        const span = spans.pop();
        const paragraph = open[open.length - 1];
        if (!span?.superscript || !paragraph) break;
        // Digits set as superscript are a footnote's number: a call, or the label of a note's text where
        // they open a paragraph, as docx-import.ts reads them.
        const digits = paragraph.text.slice(span.start).trim();
        if (!isSuperscriptNumber(digits)) break;
        if (paragraph.text.slice(0, span.start).trim() === '') paragraph.opensWithSuperscriptNumber = true;
        paragraph.text = `${paragraph.text.slice(0, span.start)}[^${digits}]`;
        break;
      }
      case 'text:p':
      case 'text:h': {
        const paragraph = open.pop();
        if (!paragraph) break;
        const text = paragraphText(paragraph.text, paragraph.opensWithSuperscriptNumber === true);
        if (text === '') break;
        const body = noteBodies[noteBodies.length - 1];
        if (body) body.push(text);
        else paragraphs.push(paragraph.label === '' ? text : `${paragraph.label} ${text}`);
        break;
      }
      case 'text:note-body': {
        const body = noteBodies.pop() ?? [];
        notes.push(body.join(' '));
        // The call where the note stands, in the paragraph that holds it.
        append(`[^${notes.length}]`);
        break;
      }
    }
  });
  parser.write(xml).close();
  return { paragraphs, notes };
}
