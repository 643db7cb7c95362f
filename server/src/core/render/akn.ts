// Akoma Ntoso 3.0 under the AKN4UN profile (../shared/spec/export.md, part A): a resolution is a
// <statement name="resolution"> (a draft: "resolutionDraft") with FRBR identification, the chapeau
// as the enacting formula, preambular paragraphs as named containers, operative paragraphs with
// <num> and list/intro/point, footnotes as inline authorialNote, the closing in <conclusions> and
// annexes as attachments. Built from the rendering model only.
import type { Inline, Mark } from './inline';
import { aknLanguageCode } from './render-language';
import type { BodyItem, RenderAnnex, RenderLine, RenderModel, RenderParagraph, RenderSubparagraph } from './render-model';

export interface AknOptions {
  /** The date of the markup (FRBRManifestation), "YYYY-MM-DD"; today when not given. */
  readonly markupDate?: string;
}

/** The IRIs of one document, per AKN4UN naming. */
export interface AknNames {
  readonly work: string;
  readonly expression: string;
  readonly manifestation: string;
  /** The date in the IRIs; "1900-01-01" when the text gives none (AKN4UN's placeholder). */
  readonly date: string;
  readonly language: string;
  /** The TLCOrganization eId of the author: "ga", "sc". */
  readonly authorId: string;
}

const unknownDate = '1900-01-01';

/** "61/181" → "61-181"; "242 (1967)" → "242"; a draft's symbol "A/C.3/81/L.12" → "A-C.3-81-L.12". */
export function aknNumber(number: string): string {
  const council = /^(\d+) \(\d{4}\)$/u.exec(number);
  if (council) return council[1] ?? number;
  return number.replace(/\//gu, '-').replace(/\s+/gu, '_');
}

export function aknNames(model: RenderModel): AknNames {
  const identity = model.identity;
  const date = identity.date ?? unknownDate;
  const language = aknLanguageCode(model.language);
  const number = aknNumber(identity.number ?? identity.symbol ?? 'draft');
  const work = `/akn/un/statement/deliberation/${identity.actor}/${date}/${number}`;
  const expression = `${work}/${language}@${date}`;
  return { work, expression, manifestation: `${expression}/!main.xml`, date, language, authorId: identity.actor.replace(/^un-/u, '') };
}

function escapeText(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/gu, '&quot;');
}

type Attributes = Readonly<Record<string, string | number | undefined>>;

function attributes(values: Attributes): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('');
}

/** Writes indented XML; inline content goes on one line inside its block. */
class XmlWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  open(name: string, values: Attributes = {}): void {
    this.lines.push(`${'  '.repeat(this.depth)}<${name}${attributes(values)}>`);
    this.depth++;
  }

  close(name: string): void {
    this.depth--;
    this.lines.push(`${'  '.repeat(this.depth)}</${name}>`);
  }

  empty(name: string, values: Attributes = {}): void {
    this.lines.push(`${'  '.repeat(this.depth)}<${name}${attributes(values)}/>`);
  }

  /** An element whose content is already-serialised inline XML. */
  inline(name: string, values: Attributes, content: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}<${name}${attributes(values)}>${content}</${name}>`);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** The words of a preambular opener as a container name: "Recognizing also" → "recognizingAlso". */
export function phraseName(words: string): string {
  const parts = words
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => part !== '');
  if (parts.length === 0) return 'preambularParagraph';
  return parts.map((part, index) => (index === 0 ? part.toLowerCase() : part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())).join('');
}

function openerWords(content: readonly Inline[]): string | undefined {
  const opener = content.find((node) => node.kind === 'mark' && node.mark.type === 'opener');
  if (!opener || opener.kind !== 'mark') return undefined;
  return opener.children.map((node) => (node.kind === 'text' ? node.text : '')).join('');
}

/** "5 bis." → "5bis", "(a)" → "a": the number or label as an eId segment. */
function eIdSegment(written: string): string {
  return written.replace(/[^\p{L}\p{N}]+/gu, '');
}

class AknBuilder {
  private readonly usedIds = new Set<string>();
  /** Per name asked for, the suffix to try first next time (see `id`). */
  private readonly nextSuffix = new Map<string, number>();
  /** Footnote calls seen so far per owning element, for the authorialNote eIds. */
  private readonly noteCounts = new Map<string, number>();
  private readonly xml = new XmlWriter();
  private readonly names: AknNames;

  constructor(
    private readonly model: RenderModel,
    private readonly options: AknOptions,
  ) {
    this.names = aknNames(model);
  }

  /** An eId not used before in the document (the schema requires them unique). */
  private id(wanted: string): string {
    let candidate = wanted;
    // From where the search for this name stopped last time: every suffix below it is taken (ids are
    // never freed). Trying "-2", "-3" … from the start each time made 60,000 paragraphs numbered "1."
    // 60,000² tries (three minutes).
    let suffix = this.nextSuffix.get(wanted) ?? 2;
    while (this.usedIds.has(candidate)) candidate = `${wanted}-${suffix++}`;
    this.nextSuffix.set(wanted, suffix);
    this.usedIds.add(candidate);
    return candidate;
  }

  build(): string {
    const model = this.model;
    const xml = this.xml;
    const name = model.identity.status === 'draft' ? 'resolutionDraft' : 'resolution';
    xml.open('akomaNtoso', { xmlns: 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0' });
    xml.open('statement', { name, contains: 'originalVersion' });
    this.meta('!main');
    this.preface();
    const bodyItems = this.preamble();
    this.mainBody(bodyItems);
    this.conclusions();
    if (model.annexes.length > 0) {
      xml.open('attachments');
      model.annexes.forEach((annex, index) => this.attachment(annex, index + 1));
      xml.close('attachments');
    }
    xml.close('statement');
    xml.close('akomaNtoso');
    return `<?xml version="1.0" encoding="UTF-8"?>\n${xml.toString()}`;
  }

  private meta(component: string): void {
    const { xml, names, model } = this;
    const identity = model.identity;
    const dateName = identity.date === undefined ? 'unknown' : identity.status === 'draft' ? 'submission' : 'adoption';
    const markupDate = this.options.markupDate ?? new Date().toISOString().slice(0, 10);
    const author = `#${names.authorId}`;
    xml.open('meta');
    xml.open('identification', { source: '#resolint' });
    xml.open('FRBRWork');
    xml.empty('FRBRthis', { value: `${names.work}/${component}` });
    xml.empty('FRBRuri', { value: names.work });
    xml.empty('FRBRdate', { date: names.date, name: dateName });
    xml.empty('FRBRauthor', { href: author, as: '#author' });
    xml.empty('FRBRcountry', { value: 'un' });
    xml.empty('FRBRsubtype', { value: 'deliberation' });
    if (identity.number) xml.empty('FRBRnumber', { value: aknNumber(identity.number), showAs: identity.number });
    if (identity.symbol ?? identity.number) xml.empty('FRBRname', { value: identity.symbol ?? identity.number });
    xml.close('FRBRWork');
    xml.open('FRBRExpression');
    xml.empty('FRBRthis', { value: `${names.expression}/${component}` });
    xml.empty('FRBRuri', { value: names.expression });
    xml.empty('FRBRdate', { date: names.date, name: dateName });
    xml.empty('FRBRauthor', { href: author, as: '#author' });
    xml.empty('FRBRlanguage', { language: names.language });
    xml.close('FRBRExpression');
    xml.open('FRBRManifestation');
    xml.empty('FRBRthis', { value: `${names.expression}/${component}.xml` });
    xml.empty('FRBRuri', { value: `${names.expression}/.xml` });
    xml.empty('FRBRdate', { date: markupDate, name: 'markup' });
    xml.empty('FRBRauthor', { href: '#resolint', as: '#editor' });
    xml.empty('FRBRformat', { value: 'xml' });
    xml.close('FRBRManifestation');
    xml.close('identification');
    if (component === '!main') {
      this.references();
      this.uncalledNotes();
    }
    xml.close('meta');
  }

  private references(): void {
    const { xml, names, model } = this;
    const identity = model.identity;
    xml.open('references', { source: '#resolint' });
    xml.empty('TLCOrganization', { eId: names.authorId, href: `/akn/ontology/organization/un/${identity.actor}`, showAs: identity.organName ?? 'United Nations' });
    xml.empty('TLCOrganization', { eId: 'resolint', href: '/akn/ontology/organization/un/resolint', showAs: 'resolint' });
    xml.empty('TLCRole', { eId: 'author', href: '/akn/ontology/role/un/author', showAs: 'Author' });
    xml.empty('TLCRole', { eId: 'editor', href: '/akn/ontology/role/un/editor', showAs: 'Editor' });
    const meeting = identity.meeting;
    if (meeting) {
      const session = identity.session !== undefined ? `/${identity.session}` : '';
      const kind = meeting.plenary ? 'plenary' : 'meeting';
      xml.empty('TLCEvent', { eId: 'meeting', href: `/akn/ontology/event/un/${identity.actor}${session}/${kind}-${meeting.number}`, showAs: meeting.written });
    }
    xml.empty('TLCConcept', { eId: 'adoptionDate', href: '/akn/ontology/concept/un/adoptionDate', showAs: 'Date of adoption' });
    xml.empty('TLCConcept', { eId: 'preamble', href: '/akn/ontology/concept/un/preamble', showAs: 'preamble' });
    xml.close('references');
  }

  /**
   * The footnote texts no call refers to. An authorialNote stands where its call is, so these have
   * no place in the text; the metadata's notes keep their words (a copy that lost a call, a text
   * read as a footnote) instead of dropping them.
   */
  private uncalledNotes(): void {
    const uncalled = this.model.footnotes.filter((footnote) => !footnote.called);
    if (uncalled.length === 0) return;
    const { xml } = this;
    xml.open('notes', { source: '#resolint' });
    for (const footnote of uncalled) {
      const eId = this.id(`note_${footnote.number}`);
      xml.inline('note', { marker: footnote.number, placement: 'bottom', eId }, `<p>${this.inlines(footnote.content, eId)}</p>`);
    }
    xml.close('notes');
  }

  private preface(): void {
    const header = this.model.header;
    if (header.length === 0) return;
    const { xml } = this;
    xml.open('preface');
    const masthead = header.filter((line) => line.role !== 'title');
    const titles = header.filter((line) => line.role === 'title');
    if (masthead.length > 0) {
      const eId = this.id('preface__container_1');
      xml.open('container', { name: 'masthead', eId });
      masthead.forEach((line) => xml.inline('p', {}, this.inlines(line.content, eId)));
      xml.close('container');
    }
    if (titles.length > 0) {
      const eId = this.id('preface__container_2');
      xml.open('container', { name: 'title', eId });
      titles.forEach((line) => xml.inline('p', {}, this.inlines(line.content, eId)));
      xml.close('container');
    }
    xml.close('preface');
  }

  /** Writes the preamble of the first part; returns the items that go to the main body. */
  private preamble(): BodyItem[] {
    const { xml, model } = this;
    const first = model.parts[0];
    if (!first) return [];
    let split = first.items.findIndex((item) => item.kind === 'heading' || (item.kind === 'paragraph' && item.paragraph.kind === 'operative'));
    if (split < 0) split = first.items.length;
    const preambleItems = first.items.slice(0, split);
    if (first.chapeau || preambleItems.length > 0) {
      xml.open('preamble');
      if (first.chapeau) {
        const eId = this.id('preamble__formula_1');
        xml.open('formula', { name: 'enactingFormula', eId });
        xml.inline('p', {}, this.inlines(first.chapeau.content, eId));
        xml.close('formula');
      }
      let count = 0;
      for (const item of preambleItems) {
        count++;
        if (item.kind === 'paragraph') this.preambularContainer(item.paragraph, `preamble__container_${count}`);
        else {
          const eId = this.id(`preamble__container_${count}`);
          xml.open('container', { name: item.kind === 'heading' ? 'heading' : 'unclassified', eId });
          xml.inline('p', {}, this.inlines(item.line.content, eId));
          xml.close('container');
        }
      }
      xml.close('preamble');
    }
    return first.items.slice(split);
  }

  private preambularContainer(paragraph: RenderParagraph, wantedId: string): void {
    const { xml } = this;
    const eId = this.id(wantedId);
    xml.open('container', { name: phraseName(openerWords(paragraph.content) ?? ''), eId });
    this.preambularBlocks(paragraph, eId);
    xml.close('container');
  }

  /** A preambular paragraph's text; its (a), (b) … as a blockList. */
  private preambularBlocks(paragraph: RenderParagraph, eId: string): void {
    const { xml } = this;
    // A container has no <num>: the number a draft gives a preambular paragraph (a negotiation
    // draft's "PP1") stays in its text, named, rather than being dropped.
    const number = paragraph.number ? `<inline name="num">${escapeText(paragraph.number)}</inline> ` : '';
    if (paragraph.subparagraphs.length === 0) {
      xml.inline('p', {}, number + this.inlines(paragraph.content, eId));
      return;
    }
    this.blockList(paragraph.content, paragraph.subparagraphs, eId, number);
  }

  /** A blockList of `items`, introduced by `intro` after `introPrefix` (serialised XML). */
  private blockList(intro: readonly Inline[], items: readonly RenderSubparagraph[], parentId: string, introPrefix = ''): void {
    const { xml } = this;
    const listId = this.id(`${parentId}__blockList_1`);
    xml.open('blockList', { eId: listId });
    if (intro.length > 0 || introPrefix !== '') xml.inline('listIntroduction', {}, (introPrefix + this.inlines(intro, listId)).trimEnd());
    items.forEach((item, index) => {
      const itemId = this.id(`${listId}__item_${item.label ? eIdSegment(item.label) : index + 1}`);
      xml.open('item', { eId: itemId });
      if (item.label) xml.inline('num', {}, escapeText(item.label));
      if (item.children.length > 0) this.blockList(item.content, item.children, itemId);
      else xml.inline('p', {}, this.inlines(item.content, itemId));
      xml.close('item');
    });
    xml.close('blockList');
  }

  private mainBody(items: readonly BodyItem[]): void {
    const { xml, model } = this;
    xml.open('mainBody');
    let written = this.bodyItems(items, '');
    model.parts.slice(1).forEach((part, index) => {
      const partId = this.id(`hcontainer_part_${index + 2}`);
      xml.open('hcontainer', { name: 'part', eId: partId });
      if (part.chapeau) {
        const formulaId = this.id(`${partId}__hcontainer_1`);
        xml.open('hcontainer', { name: 'enactingFormula', eId: formulaId });
        xml.open('content');
        xml.inline('p', {}, this.inlines(part.chapeau.content, formulaId));
        xml.close('content');
        xml.close('hcontainer');
      }
      this.bodyItems(part.items, `${partId}__`);
      xml.close('hcontainer');
      written++;
    });
    // The schema wants a main body; a text without an operative part gets an empty paragraph of text.
    if (written === 0) xml.empty('p');
    xml.close('mainBody');
  }

  /** Operative paragraphs and the rest; a heading opens a division that runs to the next heading. */
  private bodyItems(items: readonly BodyItem[], prefix: string): number {
    const { xml } = this;
    let inDivision = false;
    let divisions = 0;
    let others = 0;
    let operative = 0;
    for (const item of items) {
      if (item.kind === 'heading') {
        if (inDivision) xml.close('division');
        divisions++;
        const eId = this.id(`${prefix}dvs_${divisions}`);
        xml.open('division', { eId });
        this.heading(item.line, eId);
        inDivision = true;
      } else if (item.kind === 'paragraph' && item.paragraph.kind === 'operative') {
        operative++;
        this.operativeParagraph(item.paragraph, prefix, operative);
      } else {
        others++;
        const eId = this.id(`${prefix}hcontainer_${others}`);
        if (item.kind === 'paragraph') {
          xml.open('hcontainer', { name: phraseName(openerWords(item.paragraph.content) ?? ''), eId, refersTo: '#preamble' });
          xml.open('content');
          this.preambularBlocks(item.paragraph, eId);
        } else {
          xml.open('hcontainer', { name: 'unclassified', eId });
          xml.open('content');
          xml.inline('p', {}, this.inlines(item.line.content, eId));
        }
        xml.close('content');
        xml.close('hcontainer');
      }
    }
    if (inDivision) xml.close('division');
    return items.length;
  }

  /**
   * "A", "II." → num; "II. Implementation" → num and heading; other words → heading. A footnote call
   * after the words ("A. Implementation[^1]") goes with the words, or with the number when it stands alone.
   */
  private heading(line: RenderLine, eId: string): void {
    const { xml } = this;
    const [first, ...after] = line.content;
    const numbered = first?.kind === 'text' ? /^([A-Z]|[IVXLC]{1,6})(\.?)(?:\s+(\S.*))?$/u.exec(first.text) : null;
    if (numbered) {
      const number = escapeText(`${numbered[1] ?? ''}${numbered[2] ?? ''}`);
      const words: Inline[] = numbered[3] ? [{ kind: 'text', text: numbered[3] }, ...after] : [];
      xml.inline('num', {}, words.length > 0 ? number : number + this.inlines(after, eId));
      if (words.length > 0) xml.inline('heading', {}, this.inlines(words, eId));
      return;
    }
    xml.inline('heading', {}, this.inlines(line.content, eId));
  }

  private operativeParagraph(paragraph: RenderParagraph, prefix: string, position: number): void {
    const { xml } = this;
    const segment = paragraph.number ? eIdSegment(paragraph.number) : '';
    const eId = this.id(`${prefix}para_${segment !== '' ? segment : position}`);
    xml.open('paragraph', { eId });
    if (paragraph.number) xml.inline('num', {}, escapeText(paragraph.number));
    if (paragraph.subparagraphs.length > 0) {
      this.list(paragraph.content, paragraph.subparagraphs, eId);
    } else {
      xml.open('content');
      xml.inline('p', {}, this.inlines(paragraph.content, eId));
      xml.close('content');
    }
    xml.close('paragraph');
  }

  private list(intro: readonly Inline[], points: readonly RenderSubparagraph[], parentId: string): void {
    const { xml } = this;
    const listId = this.id(`${parentId}__list_1`);
    xml.open('list', { eId: listId });
    if (intro.length > 0) {
      const introId = this.id(`${listId}__intro`);
      xml.open('intro', { eId: introId });
      xml.inline('p', {}, this.inlines(intro, introId));
      xml.close('intro');
    }
    points.forEach((point, index) => {
      const pointId = this.id(`${listId}__point_${point.label ? eIdSegment(point.label) : index + 1}`);
      xml.open('point', { eId: pointId });
      if (point.label) xml.inline('num', {}, escapeText(point.label));
      if (point.children.length > 0) {
        this.list(point.content, point.children, pointId);
      } else {
        xml.open('content');
        xml.inline('p', {}, this.inlines(point.content, pointId));
        xml.close('content');
      }
      xml.close('point');
    });
    xml.close('list');
  }

  private conclusions(): void {
    const closing = this.model.closing;
    if (closing.length === 0) return;
    const { xml } = this;
    xml.open('conclusions');
    const eId = this.id('conclusions__container_1');
    xml.open('container', { name: 'conclusion', eId });
    closing.forEach((line) => xml.inline('p', {}, this.inlines(line.content, eId, true)));
    xml.close('container');
    xml.close('conclusions');
  }

  private attachment(annex: RenderAnnex, index: number): void {
    const { xml } = this;
    const attachmentId = this.id(`att_${index}`);
    xml.open('attachment', { eId: attachmentId });
    xml.open('doc', { name: 'annex' });
    this.meta(`!annex_${index}`);
    const prefaceId = this.id(`${attachmentId}__preface__container_1`);
    xml.open('preface');
    xml.open('container', { name: 'annexHeading', eId: prefaceId });
    xml.inline('p', {}, `<docType>${this.inlines(annex.heading.content, prefaceId)}</docType>`);
    if (annex.title) xml.inline('p', {}, `<docTitle>${this.inlines(annex.title.content, prefaceId)}</docTitle>`);
    xml.close('container');
    xml.close('preface');
    xml.open('mainBody');
    let position = 0;
    for (const item of annex.items) {
      position++;
      if (item.kind === 'paragraph') {
        // Not <paragraph>: the annex's numbered paragraphs are not the resolution's operative paragraphs.
        const eId = this.id(`${attachmentId}__para_${eIdSegment(item.number) || position}`);
        xml.open('hcontainer', { name: 'paragraph', eId });
        xml.inline('num', {}, escapeText(item.number));
        xml.open('content');
        xml.inline('p', {}, this.inlines(item.line.content, eId));
        xml.close('content');
        xml.close('hcontainer');
      } else {
        xml.inline('p', {}, this.inlines(item.line.content, `${attachmentId}__p_${position}`));
      }
    }
    if (annex.items.length === 0) xml.empty('p');
    xml.close('mainBody');
    xml.close('doc');
    xml.close('attachment');
  }

  /** Inline content as XML; footnote calls become authorialNote elements with eIds under `ownerId`. */
  private inlines(nodes: readonly Inline[], ownerId: string, inConclusions = false): string {
    return nodes
      .map((node) => {
        if (node.kind === 'text') return escapeText(node.text);
        if (node.kind === 'footnote') {
          const count = (this.noteCounts.get(ownerId) ?? 0) + 1;
          this.noteCounts.set(ownerId, count);
          const eId = this.id(`${ownerId}__authorialNote_${count}`);
          const footnote = node.footnote !== undefined ? this.model.footnotes[node.footnote] : undefined;
          const body = footnote ? this.inlines(footnote.content, eId) : '';
          return `<authorialNote${attributes({ marker: node.number, placement: 'bottom', eId })}><p>${body}</p></authorialNote>`;
        }
        return this.mark(node.mark, this.inlines(node.children, ownerId, inConclusions), inConclusions);
      })
      .join('');
  }

  private mark(mark: Mark, content: string, inConclusions: boolean): string {
    const identity = this.model.identity;
    switch (mark.type) {
      case 'opener':
        return `<i>${content}</i>`;
      case 'resolution':
        return `<ref${attributes({ href: `/akn/un/statement/deliberation/${mark.actor}/${mark.date}/${aknNumber(mark.number)}/!main` })}>${content}</ref>`;
      case 'link':
        return `<a${attributes({ href: mark.url })}>${content}</a>`;
      case 'organ':
        return identity.actor === 'un' ? content : `<docAuthority${attributes({ refersTo: `#${this.names.authorId}` })}>${content}</docAuthority>`;
      case 'docNumber':
        return `<docNumber>${content}</docNumber>`;
      case 'docTitle':
        return `<docTitle>${content}</docTitle>`;
      case 'docDate':
        return `<docDate${attributes({ date: mark.date, refersTo: inConclusions ? '#adoptionDate' : undefined })}>${content}</docDate>`;
      case 'session':
        return `<session${attributes({ value: mark.value })}>${content}</session>`;
      case 'agendaItem':
        return `<inline name="agendaItem">${content}</inline>`;
      case 'meeting':
        return identity.meeting ? `<event refersTo="#meeting">${content}</event>` : content;
      case 'emphasis':
        return mark.strong ? `<b>${content}</b>` : `<i>${content}</i>`;
    }
  }
}

/** The Akoma Ntoso XML of a rendering model. */
export function akomaNtoso(model: RenderModel, options: AknOptions = {}): string {
  return new AknBuilder(model, options).build();
}
