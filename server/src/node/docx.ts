// A draft as a Word document (export.md, part C), built from the rendering model with the `docx`
// package: the masthead, italic openers, "1." and "(a)" after the first-line indent with the text
// at a tab stop (wrapped lines return to the margin, as UN documents print), real Word footnotes,
// running heads and page numbers "2/9".
//
// Word numbers footnotes itself and gives each footnote one reference mark. A footnote that the
// text calls again (61/181, para. 6, calls 1 and 2 again) is therefore not a second footnote: its
// later calls are cross-references to the first mark (a NOTEREF field with the \f switch, which is
// what Word's own Insert > Cross-reference > Footnote number (formatted) writes), so they print the
// same number and follow it if Word renumbers.
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  XmlAttributeComponent,
  XmlComponent,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { footnoteOfAnnexes, type Inline, type RenderLine, type RenderModel, type RenderParagraph, type RenderSubparagraph } from '../core/index';

/** Twips: 0.3 in, the indent of first lines, numbers and labels (export.md, B). */
const indentStep = 432;
/** Letter paper; a measure of 345 pt centred on it. */
const pageWidth = 12240;
const pageHeight = 15840;
const measure = 6900;
const sideMargin = (pageWidth - measure) / 2;
/** Half-points. */
const bodySize = 20;
const footnoteSize = 16;

class SpacePreserve extends XmlAttributeComponent<{ readonly space: 'preserve' }> {
  protected override readonly xmlKeys = { space: 'xml:space' };
}

class FieldCharAttributes extends XmlAttributeComponent<{ readonly type: 'begin' | 'separate' | 'end' }> {
  protected override readonly xmlKeys = { type: 'w:fldCharType' };
}

class FieldChar extends XmlComponent {
  constructor(type: 'begin' | 'separate' | 'end') {
    super('w:fldChar');
    this.root.push(new FieldCharAttributes({ type }));
  }
}

class InstructionText extends XmlComponent {
  constructor(instruction: string) {
    super('w:instrText');
    this.root.push(new SpacePreserve({ space: 'preserve' }));
    this.root.push(instruction);
  }
}

/** The runs of a NOTEREF field to a footnote's first mark, its cached result the footnote's number. */
function footnoteCrossReference(bookmark: string, shownNumber: number): TextRun[] {
  return [
    new TextRun({ children: [new FieldChar('begin')] }),
    new TextRun({ children: [new InstructionText(` NOTEREF ${bookmark} \\f \\h `)] }),
    new TextRun({ children: [new FieldChar('separate')] }),
    new TextRun({ text: String(shownNumber), superScript: true }),
    new TextRun({ children: [new FieldChar('end')] }),
  ];
}

interface RunStyle {
  readonly italics?: boolean;
  readonly bold?: boolean;
  readonly size?: number;
}

class WordBuilder {
  /** Word footnote ids by index into model.footnotes; the order of first calls gives Word's numbers. */
  private readonly footnoteIds = new Map<number, number>();
  private readonly footnotes: Record<string, { readonly children: readonly Paragraph[] }> = {};

  constructor(private readonly model: RenderModel) {}

  private runs(nodes: readonly Inline[], style: RunStyle = {}, inFootnote = false): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const node of nodes) {
      if (node.kind === 'text') {
        out.push(new TextRun({ text: node.text, ...style }));
      } else if (node.kind === 'footnote') {
        out.push(...this.footnoteCall(node.footnote, node.number, inFootnote));
      } else {
        const mark = node.mark;
        const italics = mark.type === 'opener' || (mark.type === 'emphasis' && !mark.strong) ? true : style.italics;
        const bold = mark.type === 'docNumber' || mark.type === 'docTitle' || (mark.type === 'emphasis' && mark.strong) ? true : style.bold;
        out.push(...this.runs(node.children, { ...style, italics, bold }, inFootnote));
      }
    }
    return out;
  }

  private footnoteCall(index: number | undefined, written: number, inFootnote: boolean): ParagraphChild[] {
    const footnote = index !== undefined ? this.model.footnotes[index] : undefined;
    if (index === undefined || footnote === undefined || inFootnote) return [new TextRun({ text: String(written), superScript: true })];
    const known = this.footnoteIds.get(index);
    if (known !== undefined) return footnoteCrossReference(bookmarkOf(known), known);
    const id = this.footnoteIds.size + 1;
    this.footnoteIds.set(index, id);
    this.footnotes[String(id)] = {
      children: [
        new Paragraph({
          style: 'FootnoteText',
          alignment: AlignmentType.LEFT,
          spacing: { after: 40 },
          // Word writes the footnote's own mark first; a space parts it from the text.
          children: [new TextRun({ text: ' ', size: footnoteSize }), ...this.runs(footnote.content, { size: footnoteSize }, true)],
        }),
      ],
    };
    return [new Bookmark({ id: bookmarkOf(id), children: [new FootnoteReferenceRun(id)] })];
  }

  private paragraph(options: IParagraphOptions): Paragraph {
    return new Paragraph({ alignment: AlignmentType.JUSTIFIED, ...options });
  }

  private line(line: RenderLine, options: IParagraphOptions = {}, style: RunStyle = {}): Paragraph {
    return this.paragraph({ ...options, children: this.runs(line.content, style) });
  }

  private masthead(): Paragraph[] {
    const { model } = this;
    const identity = model.identity;
    const out: Paragraph[] = [];
    const of = (role: string): RenderLine[] => model.header.filter((line) => line.role === role);
    const symbol = of('symbol')[0];
    const symbolRuns = symbol ? this.runs(symbol.content, { bold: true, size: 32 }) : identity.symbol ? [new TextRun({ text: identity.symbol, bold: true, size: 32 })] : [];
    const emblem = of('emblem')[0];
    if (emblem || symbolRuns.length > 0) {
      const emblemRuns = emblem ? this.runs(emblem.content, { bold: true, size: 24 }) : [new TextRun({ text: model.unitedNations, bold: true, size: 24 })];
      out.push(
        new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: measure }],
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 } },
          spacing: { after: 60 },
          children: [...emblemRuns, new TextRun({ text: '\t' }), ...symbolRuns],
        }),
      );
    }
    const organ = of('organ')[0];
    const distribution = of('distribution');
    if (organ || identity.organName || distribution.length > 0) {
      const organRuns = organ ? this.runs(organ.content, { bold: true, size: 40 }) : [new TextRun({ text: identity.organName ?? '', bold: true, size: 40 })];
      const lines = distribution.length > 0 ? distribution : [];
      const tab = { type: TabStopType.LEFT, position: 5040 };
      lines.forEach((line, index) => {
        const first = index === 0;
        const last = index === lines.length - 1;
        out.push(
          new Paragraph({
            tabStops: [tab],
            spacing: { after: last ? 240 : 0 },
            ...(last ? { border: { bottom: { style: BorderStyle.THICK, size: 18, color: '000000', space: 4 } } } : {}),
            children: [...(first ? organRuns : []), new TextRun({ text: '\t' }), ...this.runs(line.content)],
          }),
        );
      });
      if (lines.length === 0) {
        out.push(new Paragraph({ spacing: { after: 240 }, border: { bottom: { style: BorderStyle.THICK, size: 18, color: '000000', space: 4 } }, children: organRuns }));
      }
    }
    for (const line of model.header) {
      switch (line.role) {
        case 'session':
        case 'agenda':
        case 'agendaTitle':
          out.push(this.line(line, { alignment: AlignmentType.LEFT, spacing: { after: 0 }, indent: { right: measure / 2 } }));
          break;
        case 'adoption':
        case 'report':
          out.push(this.line(line, { alignment: AlignmentType.LEFT, spacing: { before: line.role === 'adoption' ? 360 : 0, after: 120 }, indent: { left: indentStep } }));
          break;
        case 'title':
          out.push(this.title(line));
          break;
        case 'other':
          out.push(this.line(line, { alignment: AlignmentType.LEFT }));
          break;
        default:
          break;
      }
    }
    return out;
  }

  /** "80/1.<tab>Title", the title wrapping beside the number. */
  private title(line: RenderLine): Paragraph {
    const content = line.content;
    const numbered = content[0]?.kind === 'mark' && content[0].mark.type === 'docNumber' && content[1]?.kind === 'text' && /^\.\s/u.test(content[1].text);
    const style: RunStyle = { bold: true, size: 24 };
    const options = { alignment: AlignmentType.LEFT, spacing: { before: 360, after: 360 }, keepNext: true };
    if (!numbered) return this.paragraph({ ...options, children: this.runs(content, style) });
    const rest: Inline[] = [{ kind: 'text', text: (content[1] as { text: string }).text.replace(/^\.\s*/u, '') }, ...content.slice(2)];
    return this.paragraph({
      ...options,
      indent: { left: 2 * indentStep, hanging: 2 * indentStep },
      tabStops: [{ type: TabStopType.LEFT, position: 2 * indentStep }],
      children: [...this.runs([content[0] as Inline], style), new TextRun({ text: '.\t', ...style }), ...this.runs(rest, style)],
    });
  }

  /** A number or label after the first-line indent of its level, the text from the next tab stop. */
  private numbered(label: string | undefined, content: readonly Inline[], level: number): Paragraph {
    const start = level * indentStep;
    return this.paragraph({
      indent: { firstLine: start },
      tabStops: [{ type: TabStopType.LEFT, position: start + indentStep }],
      children: [...(label ? [new TextRun({ text: `${label}\t` })] : []), ...this.runs(content)],
    });
  }

  private operative(paragraph: RenderParagraph): Paragraph[] {
    return [this.numbered(paragraph.number, paragraph.content, 1), ...paragraph.subparagraphs.flatMap((sub) => this.subparagraph(sub))];
  }

  private subparagraph(sub: RenderSubparagraph): Paragraph[] {
    return [this.numbered(sub.label, sub.content, sub.level), ...sub.children.flatMap((child) => this.subparagraph(child))];
  }

  private body(): Paragraph[] {
    const out: Paragraph[] = [];
    for (const part of this.model.parts) {
      if (part.chapeau) out.push(this.line(part.chapeau, { indent: { firstLine: indentStep }, keepNext: true }));
      for (const item of part.items) {
        if (item.kind === 'heading') {
          out.push(this.line(item.line, { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, keepNext: true }, { bold: true }));
        } else if (item.kind === 'text') {
          out.push(this.line(item.line, { alignment: AlignmentType.LEFT }));
        } else if (item.paragraph.kind === 'operative') {
          out.push(...this.operative(item.paragraph));
        } else if (item.paragraph.number !== undefined) {
          // A numbered preambular paragraph (a negotiation draft's "PP1") keeps its number, set as an operative one's.
          out.push(this.numbered(item.paragraph.number, item.paragraph.content, 1));
          out.push(...item.paragraph.subparagraphs.flatMap((sub) => this.subparagraph(sub)));
        } else {
          out.push(this.paragraph({ indent: { firstLine: indentStep }, children: this.runs(item.paragraph.content) }));
          out.push(...item.paragraph.subparagraphs.flatMap((sub) => this.subparagraph(sub)));
        }
      }
    }
    this.model.closing.forEach((line, index) => {
      out.push(this.line(line, { alignment: AlignmentType.LEFT, indent: { left: measure - 2880 }, spacing: { before: index === 0 ? 240 : 0, after: 0 }, keepLines: true }));
    });
    return out;
  }

  private annexes(): Paragraph[] {
    const out: Paragraph[] = [];
    for (const annex of this.model.annexes) {
      out.push(this.line(annex.heading, { alignment: AlignmentType.RIGHT, pageBreakBefore: true, spacing: { after: 240 } }, { bold: true, size: 24 }));
      if (annex.title) out.push(this.line(annex.title, { alignment: AlignmentType.CENTER, spacing: { after: 240 } }, { bold: true, size: 24 }));
      for (const item of annex.items) {
        out.push(item.kind === 'paragraph' ? this.numbered(item.number, item.line.content, 1) : this.line(item.line, { indent: { firstLine: indentStep } }));
      }
    }
    return out;
  }

  /** Running heads: symbol on the outer side, title inside; page "2/9" under the text, outer side. */
  private headersAndFooters(): { headers: { default: Header; even: Header; first: Header }; footers: { default: Footer; even: Footer; first: Footer } } {
    const identity = this.model.identity;
    const symbol = identity.symbol ?? '';
    const title = this.model.title ?? '';
    const small = { size: 17 };
    const rule = { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 2 } };
    const head = (left: string, right: string, boldLeft: boolean): Header =>
      new Header({
        children: [
          new Paragraph({
            tabStops: [{ type: TabStopType.RIGHT, position: measure }],
            border: rule,
            children: [new TextRun({ text: left, bold: boldLeft, ...small }), new TextRun({ text: '\t', ...small }), new TextRun({ text: right, bold: !boldLeft, ...small })],
          }),
        ],
      });
    const pageNumber = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer =>
      new Footer({ children: [new Paragraph({ alignment, children: [new TextRun({ children: [PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES], ...small })] })] });
    return {
      headers: { default: head(title, symbol, false), even: head(symbol, title, true), first: new Header({ children: [new Paragraph({})] }) },
      footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT), first: pageNumber(AlignmentType.RIGHT) },
    };
  }

  /**
   * The footnote texts no call refers to, under a short rule after the text they stand in (the
   * resolution's after its closing, an annex's after the annexes), as the preview shows them: a
   * Word footnote exists only at its reference mark, and dropping them would lose their words.
   */
  private uncalledFootnotes(inAnnexes: boolean): Paragraph[] {
    const uncalled = this.model.footnotes.filter((footnote) => !footnote.called && footnoteOfAnnexes(this.model, footnote) === inAnnexes);
    if (uncalled.length === 0) return [];
    const small = { size: footnoteSize };
    return [
      new Paragraph({ spacing: { before: 240, after: 60 }, keepNext: true, children: [new TextRun({ text: '_______________', ...small })] }),
      ...uncalled.map(
        (footnote) =>
          new Paragraph({
            alignment: AlignmentType.LEFT,
            spacing: { after: 40 },
            children: [new TextRun({ text: String(footnote.number), superScript: true, ...small }), new TextRun({ text: ' ', ...small }), ...this.runs(footnote.content, small, true)],
          }),
      ),
    ];
  }

  build(): Document {
    const children = [...this.masthead(), ...this.body(), ...this.uncalledFootnotes(false), ...this.annexes(), ...this.uncalledFootnotes(true)];
    const { headers, footers } = this.headersAndFooters();
    const identity = this.model.identity;
    return new Document({
      creator: 'resolint',
      title: [identity.symbol, this.model.title].filter((part) => part).join(' ') || 'Resolution',
      evenAndOddHeaderAndFooters: true,
      styles: {
        default: {
          document: {
            // The text's language, so that Word proofs a French draft in French.
            run: { font: 'Times New Roman', size: bodySize, language: { value: this.model.languageTag } },
            paragraph: { spacing: { line: 240, after: 120 } },
          },
        },
      },
      footnotes: this.footnotes,
      sections: [
        {
          properties: {
            titlePage: true,
            page: { size: { width: pageWidth, height: pageHeight }, margin: { top: 1440, bottom: 1440, left: sideMargin, right: sideMargin, header: 720, footer: 720 } },
          },
          headers,
          footers,
          children,
        },
      ],
    });
  }
}

function bookmarkOf(footnoteId: number): string {
  return `_RefFootnote${footnoteId}`;
}

/** The Word document (.docx bytes) of a rendering model. */
export async function wordDocument(model: RenderModel): Promise<Buffer> {
  return Packer.toBuffer(new WordBuilder(model).build());
}
