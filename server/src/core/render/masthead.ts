// The header block of a draft read into the fields of a UN masthead (symbol, organ, session,
// agenda item, adoption, title), and what identifies the document: its symbol, number, date and
// organ. The model keeps header lines as spans; the words of each field come from
// render-language.json.
import type { Span } from '../model';
import type { Mark, MarkedSpan } from './inline';
import { findDate, organOfName, organOfSymbol, type RenderLanguage } from './render-language';

export type HeaderRole =
  | 'emblem' // "United Nations"
  | 'symbol' // "A/RES/80/1"
  | 'organ' // "General Assembly"
  | 'distribution' // "Distr.: General 19 September 2025"
  | 'job' // "25-15106 (E)", "*2515106*": print furniture, not shown
  | 'session' // "Eightieth session"
  | 'agenda' // "Agenda item 7"
  | 'agendaTitle' // the agenda item's title
  | 'adoption' // "Resolution adopted by the General Assembly on 19 September 2025"
  | 'report' // "[on the report of the Fifth Committee (A/80/401, para. 6)]"
  | 'title' // "80/1. Participation by …", "Resolution 242 (1967)"
  | 'other';

export interface HeaderSegment {
  readonly span: Span;
  readonly role: HeaderRole;
  /** Marks inside the segment (document number, title, date, session). */
  readonly marks: readonly MarkedSpan[];
}

/** The meeting that adopted a text: "84th plenary meeting", "1306e séance". */
export interface Meeting {
  readonly number: number;
  readonly plenary: boolean;
  /** The words as the text writes them, for a display name. */
  readonly written: string;
}

export interface DocumentIdentity {
  /** The document symbol: from the masthead, else the caller's hint, else built from the number. */
  readonly symbol: string | undefined;
  /** "61/181", "242 (1967)", or for a draft its symbol. */
  readonly number: string | undefined;
  /**
   * Adoption date (a draft: the date its header or closing gives), "YYYY-MM-DD"; for a Council
   * resolution whose date cannot be read, the 1st of January of its number's year.
   */
  readonly date: string | undefined;
  /** AKN4UN actor: "un-ga", "un-sc", "un-ga-c3" for a Third Committee draft, "un" when unknown. */
  readonly actor: string;
  /** The organ's name for display, in the text's language: "General Assembly", "Conseil de sécurité". */
  readonly organName: string | undefined;
  readonly status: 'adopted' | 'draft';
  /** The session, for a General Assembly resolution: 61 of "61/181". */
  readonly session: number | undefined;
  /** The meeting that adopted it, when the masthead or the closing says. */
  readonly meeting: Meeting | undefined;
}

const symbolLinePattern = /^(?:A|S|E)\/[A-Za-z0-9.\-/]+(?: \(\d{4}\))?$/u;
const jobNumberPattern = /^(?:\d{2}-\d{5}(?: \([A-Z]\))?|\*\d{5,}\*)$/u;
const agendaNumberPattern = /^\d+(?: ?\([a-z]{1,3}\))?(?:(?:,| and| et) \d+(?: ?\([a-z]{1,3}\))?)*/u;

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start] as string)) start++;
  while (end > start && /\s/u.test(text[end - 1] as string)) end--;
  return { start, end };
}

/** A block's lines, trimmed, without the empty ones. */
function linesOf(text: string, block: Span): Span[] {
  const lines: Span[] = [];
  let start = block.start;
  for (let i = block.start; i <= block.end; i++) {
    if (i === block.end || text[i] === '\n') {
      const line = trimSpan(text, { start, end: i });
      if (line.end > line.start) lines.push(line);
      start = i + 1;
    }
  }
  return lines;
}

/**
 * Cuts a line where a second masthead field begins: "General Assembly Distr.: General", "… session
 * Agenda item 7 …", and, at the top of the header only, "United Nations A/RES/80/56".
 */
function splitFields(text: string, line: Span, language: RenderLanguage, atTop: boolean): Span[] {
  const lineText = text.slice(line.start, line.end);
  const cuts = new Set<number>();
  const emblem = `${language.unitedNations} `;
  if (atTop && lineText.startsWith(emblem) && lineText.length > emblem.length) cuts.add(emblem.length);
  for (const pattern of [language.distribution, language.agendaItem]) {
    const match = pattern.exec(lineText);
    if (match && match.index > 0) cuts.add(match.index);
  }
  // "Distr.: General 19 September 2025": the date is a line of its own in print.
  const distribution = language.distribution.exec(lineText);
  if (distribution) {
    const date = findDate(lineText.slice(distribution.index), language);
    if (date && date.start > 0) cuts.add(distribution.index + date.start);
  }
  const agenda = language.agendaItem.exec(lineText);
  if (agenda) {
    const afterWords = agenda.index + agenda[0].length;
    const numbers = agendaNumberPattern.exec(lineText.slice(afterWords));
    if (numbers && afterWords + numbers[0].length < lineText.length) cuts.add(afterWords + numbers[0].length);
  }
  const offsets = [0, ...[...cuts].sort((a, b) => a - b), lineText.length];
  const pieces: Span[] = [];
  for (let i = 0; i + 1 < offsets.length; i++) {
    const piece = trimSpan(text, { start: line.start + (offsets[i] as number), end: line.start + (offsets[i + 1] as number) });
    if (piece.end > piece.start) pieces.push(piece);
  }
  return pieces;
}

function classify(segmentText: string, language: RenderLanguage, atTop: boolean): HeaderRole {
  if (atTop && segmentText === language.unitedNations) return 'emblem';
  if (symbolLinePattern.test(segmentText)) return 'symbol';
  if (organOfName(segmentText)) return 'organ';
  if (jobNumberPattern.test(segmentText)) return 'job';
  if (language.distribution.exec(segmentText)?.index === 0) return 'distribution';
  if (language.agendaItem.exec(segmentText)?.index === 0) return 'agenda';
  if (language.session.test(segmentText)) return 'session';
  if (language.adoption.test(segmentText)) return 'adoption';
  if (language.reportLine.test(segmentText)) return 'report';
  if (language.gaTitle.test(segmentText) || language.scTitle.some((pattern) => pattern.test(segmentText))) return 'title';
  return 'other';
}

function marksOf(text: string, segment: Span, role: HeaderRole, language: RenderLanguage): MarkedSpan[] {
  const segmentText = text.slice(segment.start, segment.end);
  const at = (start: number, end: number, mark: Mark): MarkedSpan => ({ span: { start: segment.start + start, end: segment.start + end }, mark });
  const marks: MarkedSpan[] = [];
  const dateMark = (from = 0): void => {
    const date = findDate(segmentText.slice(from), language);
    if (date) marks.push(at(from + date.start, from + date.end, { type: 'docDate', date: date.iso }));
  };
  const meetingMark = (): void => {
    const meeting = language.meeting.exec(segmentText);
    if (meeting) marks.push(at(meeting.index, meeting.index + meeting[0].length, { type: 'meeting', number: Number(meeting[1]) }));
  };
  switch (role) {
    case 'organ':
      marks.push(at(0, segmentText.length, { type: 'organ' }));
      break;
    case 'session':
      marks.push(at(0, segmentText.length, { type: 'session', value: undefined }));
      break;
    case 'agenda':
      marks.push(at(0, segmentText.length, { type: 'agendaItem' }));
      break;
    case 'adoption':
      meetingMark();
      dateMark(marks[0]?.span.end !== undefined ? marks[0].span.end - segment.start : 0);
      break;
    case 'title': {
      const ga = language.gaTitle.exec(segmentText);
      if (ga) {
        const number = ga[1] ?? '';
        marks.push(at(0, number.length, { type: 'docNumber' }));
        if (ga[0].length < segmentText.length) marks.push(at(ga[0].length, segmentText.length, { type: 'docTitle' }));
        break;
      }
      for (const pattern of language.scTitle) {
        const sc = pattern.exec(segmentText);
        if (!sc) continue;
        const start = segmentText.indexOf(sc[1] ?? '');
        const close = segmentText.indexOf(')', start);
        if (start >= 0 && close > start) marks.push(at(start, close + 1, { type: 'docNumber' }));
        dateMark(close + 1);
        break;
      }
      break;
    }
    default:
      break;
  }
  return marks;
}

export interface Masthead {
  readonly segments: readonly HeaderSegment[];
  readonly identity: DocumentIdentity;
}

export interface IdentityInputs {
  /** The organ the chapeau names, as written. */
  readonly chapeauOrgan: string | undefined;
  /** Dates and meetings the closing block gives. */
  readonly closingDate: string | undefined;
  readonly closingMeeting: Meeting | undefined;
  /** A symbol known from outside the text, such as a file name "A_RES_61_181.txt". */
  readonly symbolHint: string | undefined;
}

/** Reads the header blocks (before the chapeau) into masthead segments and the document's identity. */
export function readMasthead(text: string, headerBlocks: readonly Span[], language: RenderLanguage, inputs: IdentityInputs): Masthead {
  const segments: { span: Span; role: HeaderRole }[] = [];
  // "United Nations" is the emblem at the top of the page, before any field but print furniture; lower
  // down it begins a title or an agenda item's title ("United Nations Global Plan of Action …").
  let atTop = true;
  for (const block of headerBlocks) {
    let previousRole: HeaderRole | undefined;
    for (const line of linesOf(text, block)) {
      for (const piece of splitFields(text, line, language, atTop)) {
        let role = classify(text.slice(piece.start, piece.end), language, atTop);
        const last = segments[segments.length - 1];
        // Within one block, a line that is no field of its own continues the line before it:
        // the agenda item's title, an adoption line broken in two, a long title.
        if (role === 'other' && last && previousRole !== undefined) {
          if (previousRole === 'distribution') role = 'distribution';
          else if (['adoption', 'title', 'agendaTitle', 'report'].includes(previousRole)) {
            last.span = { start: last.span.start, end: piece.end };
            continue;
          } else if (previousRole === 'agenda') role = 'agendaTitle';
        }
        segments.push({ span: piece, role });
        previousRole = role;
        if (role !== 'job') atTop = false;
      }
    }
  }

  const textOf = (span: Span): string => text.slice(span.start, span.end).replace(/\s+/gu, ' ');
  const first = (role: HeaderRole): Span | undefined => segments.find((segment) => segment.role === role)?.span;

  const symbolSpan = first('symbol');
  const titleSpan = first('title');
  const symbol = symbolSpan ? textOf(symbolSpan) : inputs.symbolHint || undefined;

  // The number: a General Assembly "80/1. Title", a Council "Resolution 242 (1967)", else the symbol's.
  let number: string | undefined;
  let councilNumber = false;
  if (titleSpan) {
    const titleText = textOf(titleSpan);
    const ga = language.gaTitle.exec(titleText);
    if (ga) number = ga[1];
    for (const pattern of language.scTitle) {
      const sc = number === undefined ? pattern.exec(titleText) : null;
      if (sc) {
        number = `${sc[1] ?? ''} (${sc[2] ?? ''})`;
        councilNumber = true;
      }
    }
  }
  const isDraftSymbol = symbol !== undefined && /\/L\.\d/u.test(symbol);
  if (number === undefined && symbol !== undefined) {
    const ga = /^A\/RES\/(.+)$/u.exec(symbol);
    const sc = /^S\/RES\/(\d+) ?\((\d{4})\)$/u.exec(symbol);
    if (ga) number = ga[1];
    else if (sc) {
      number = `${sc[1] ?? ''} (${sc[2] ?? ''})`;
      councilNumber = true;
    } else number = symbol;
  }
  const status: 'adopted' | 'draft' = isDraftSymbol || (number === undefined && symbol === undefined) || number === symbol ? 'draft' : 'adopted';

  // The organ: from the symbol, else the Council's way of numbering, else the chapeau.
  let organ = symbol ? organOfSymbol(symbol) : undefined;
  if (!organ && councilNumber) organ = organOfName('Security Council');
  if (!organ && inputs.chapeauOrgan) organ = organOfName(inputs.chapeauOrgan);
  const committee = symbol ? /^A\/C\.(\d)\//u.exec(symbol) : null;
  const actor = committee ? `un-ga-c${committee[1] ?? ''}` : (organ?.actor ?? 'un');

  const dateIn = (span: Span | undefined): string | undefined => (span ? findDate(textOf(span), language)?.iso : undefined);
  const date =
    dateIn(first('adoption')) ??
    dateIn(titleSpan) ??
    inputs.closingDate ??
    segments.filter((segment) => segment.role === 'distribution').map((segment) => dateIn(segment.span)).find((found) => found !== undefined) ??
    segments.map((segment) => dateIn(segment.span)).find((found) => found !== undefined) ??
    // A Council number carries its year ("226 (1966)"): where no date can be read (a scan's "£964"),
    // AKN4UN's partial date, the 1st of January of that year, rather than no date at all.
    (councilNumber && number !== undefined ? councilYearStart(number) : undefined);

  let meeting = inputs.closingMeeting;
  const adoption = first('adoption');
  if (!meeting && adoption) {
    const found = language.meeting.exec(textOf(adoption));
    if (found) meeting = meetingOf(found);
  }

  const sessionMatch = number && actor.startsWith('un-ga') ? /^(\d{1,3})\//u.exec(number) : null;
  const session = sessionMatch ? Number(sessionMatch[1]) : undefined;

  // A draft's title is the last line of its header that is no other field.
  if (!titleSpan && status === 'draft') {
    const candidate = [...segments].reverse().find((segment) => segment.role === 'other' || segment.role === 'agendaTitle');
    if (candidate) candidate.role = 'title';
  }

  const headerSegments: HeaderSegment[] = segments.map((segment) => {
    let marks = marksOf(text, segment.span, segment.role, language);
    if (segment.role === 'session' && session !== undefined) marks = marks.map((marked) => ({ span: marked.span, mark: { type: 'session', value: session } }));
    if (segment.role === 'title' && marks.length === 0) marks = [{ span: segment.span, mark: { type: 'docTitle' } }];
    return { span: segment.span, role: segment.role, marks };
  });

  return {
    segments: headerSegments,
    identity: {
      symbol: symbol ?? (number && status === 'adopted' ? symbolOfNumber(actor, number) : undefined),
      number,
      date,
      actor,
      // In the text's language: a French resolution's masthead reads "Conseil de sécurité".
      organName: organ ? (organ.showAsIn[language.language] ?? organ.showAs) : undefined,
      status,
      session,
      meeting,
    },
  };
}

/** "226 (1966)" → "1966-01-01". */
function councilYearStart(number: string): string | undefined {
  const year = /\((\d{4})\)$/u.exec(number)?.[1];
  return year !== undefined ? `${year}-01-01` : undefined;
}

/** A meeting from a match of the language's `meeting` pattern. */
export function meetingOf(match: RegExpExecArray): Meeting {
  return { number: Number(match[1]), plenary: match[2] !== undefined, written: match[0] };
}

function symbolOfNumber(actor: string, number: string): string | undefined {
  if (actor === 'un-ga') return `A/RES/${number}`;
  if (actor === 'un-sc') return `S/RES/${number}`;
  return undefined;
}

/**
 * A symbol from a file name that spells one with "_" for "/": "A_RES_61_181.txt" → "A/RES/61/181",
 * "S_RES_242_1967.txt" → "S/RES/242 (1967)". For adapters that know the file a text came from.
 */
export function symbolFromFileName(fileName: string): string | undefined {
  const base = fileName.replace(/^.*[\\/]/u, '').replace(/\.[^.]*$/u, '').replace(/\.res$/u, '');
  const council = /^S_RES_(\d{1,4})_(\d{4})$/u.exec(base);
  if (council) return `S/RES/${council[1] ?? ''} (${council[2] ?? ''})`;
  const assembly = /^A_RES_(\d{1,3})_(\d{1,4})$/u.exec(base);
  if (assembly) return `A/RES/${assembly[1] ?? ''}/${assembly[2] ?? ''}`;
  return undefined;
}
