// Editorial style as data, per language (en-style.json …): month names and how a date is written,
// spelled-out ordinals, the words that cite resolutions, and the United Nations spelling list. The
// citation and style rules read it through `styleFor`; a language without a file gets none of them,
// and a file may leave out what is not known of its language yet (each rule then stays silent).
import englishStyle from './en-style.json';
import frenchStyle from './fr-style.json';
import spanishStyle from './es-style.json';

/** A word list entry: the right form, and the words before or after it that make the written form right. */
export type SpellingEntry = string | { readonly right: string; readonly notAfter?: readonly string[]; readonly notBefore?: readonly string[] };

/** Words that take one set of endings for another: stem + wrong[i] is written stem + right[i]. */
export interface SpellingFamily {
  /** Why, in a few words, for the message: "Oxford spelling: -ize, not -ise". */
  readonly why: string;
  readonly wrong: readonly string[];
  readonly right: readonly string[];
  readonly stems: readonly string[];
}

export interface StyleData {
  readonly language: string;
  /** Month names, January first, as a date writes them. */
  readonly months: readonly string[];
  /**
   * Per month, January first, the shortened names drafters write ("Dec.", "Dec"): read as that month
   * only in a whole date, with its day and year, where no other word can be meant ("States may 3 …").
   * A month written in another case ("december") is read the same way.
   */
  readonly monthAbbreviations?: readonly (readonly string[])[];
  /**
   * Month names of another language, January first, that a draft copied from a text in it keeps
   * ("2 December 2011" in a French draft): read as that month only in a whole date, with its year,
   * as `monthAbbreviations` are, and rewritten in the style's own name.
   */
  readonly monthsOfAnotherLanguage?: readonly string[];
  /**
   * Words of the language spelt as a month's name in another case, never read as the month: lower-case
   * "may" is the verb ("States may 1) …", "may 2 …" in a list); the style capitalizes its months.
   */
  readonly wordsSpeltAsMonths?: readonly string[];
  /** Words a drafter writes before the year that the style does not (Spanish «del 2011» for «de 2011»): read, and reported. */
  readonly otherYearJoints?: readonly string[];
  /** How a date writes the first day of a month, where not "1": French « 1er mars 2007 ». */
  readonly firstDay?: string;
  /**
   * Other ways the first day is written in a right date, beside `firstDay` or "1": the Organization's
   * Spanish texts write « 1º de junio de 2012 » as often as « 1 de diciembre de 1999 ».
   */
  readonly otherFirstDays?: readonly string[];
  /** Whether a date in figures gives the day first (« 1/3/2007 » is 1 March in French), where it may be either in English. */
  readonly numericDayFirst?: boolean;
  /** What drafters put after a day's number ("16th"), never part of a right date. */
  readonly dayOrdinalSuffixes: readonly string[];
  /** The word between such a day and the month: "16th of December". */
  readonly dayOrdinalConnector: string;
  /** The article before such a day, which goes with the ordinal: "on the 16th of December" → "on 16 December". */
  readonly dayOrdinalArticle: string;
  /** The words between two days of one month: "8 and 9 December", "8 to 10 December". */
  readonly dayRangeWords?: readonly string[];
  /**
   * The word before the last of several days of one month, and between two days in a row: "5, 6 and 7
   * May 2006", "16 and 17 December 2005" (what "December 16-17, 2005" is written as).
   */
  readonly dayListWord?: string;
  /** The mark between the first and the last day of a span of them: "4–15 September 1995". */
  readonly daySpanMark?: string;
  /** How a date is written, with {day}, {month} and {year}: "{day} {month} {year}". */
  readonly dateFormat: string;
  /**
   * Ordinals spelled out, first for 1: "first", "second" … (for "sixty-second session"), in the form
   * they take before the session word (Spanish « primer », « vigésimo tercer » before « período »).
   * This and the two below are absent where how the language writes a session's ordinal is not known.
   */
  readonly ordinals?: readonly string[];
  /** The endings of an ordinal written in figures: "62nd". */
  readonly numeralOrdinalSuffixes?: readonly string[];
  readonly sessions?: {
    /** The word a session number counts: "session", "sessions". */
    readonly words: readonly string[];
    /** Words between the ordinal and that word: "special", "emergency special". */
    readonly qualifiers: readonly string[];
    /** Words between the two ends of a range of sessions: "52nd to 54th sessions". */
    readonly rangeWords?: readonly string[];
    /**
     * The organs (as the language table names them) whose drafts spell sessions out, where only some
     * do: Spanish General Assembly texts write « septuagésimo octavo período de sesiones », the Human
     * Rights Council's « 52º período de sesiones ». Absent: every draft.
     */
    readonly organs?: readonly string[];
  };
  /** Absent where how the language cites a resolution is not data yet. */
  readonly citations?: {
    /** The words that introduce cited resolutions: "resolution", "resolutions". */
    readonly words: readonly string[];
    /** The word before a citation's date: "resolution 60/175 of 16 December 2005". */
    readonly dateWord: string;
    /** The words that join the items of a list of citations besides a comma: "and". */
    readonly listWords: readonly string[];
    /** Words before "resolution" that name the adopting organ itself: "its resolution 60/1". */
    readonly ownOrganWords: readonly string[];
    /** Lower-case words inside an organ's name before "resolution": "Economic and Social Council". */
    readonly organConnectors: readonly string[];
    /** Other words that open a citation's date: « en date du » (« … du Conseil de sécurité, en date du 22 novembre 1967 »). */
    readonly otherDateWords?: readonly string[];
    /** Whether a comma stands before the date word: « su resolución 60/1, de 16 de septiembre de 2005 ». */
    readonly commaBeforeDate?: boolean;
    /**
     * The words that open a citation's quoted title, past which its list goes on: "entitled" ("70/1 of
     * 25 September 2015, entitled “Transforming our world: …”, and 77/161 of 14 December 2022").
     */
    readonly titleWords?: readonly string[];
    /**
     * The words that open a citation's subject, unquoted, past which its list goes on at the next
     * number: "on" ("63/71 of 2 December 2008 on the Convention on Cluster Munitions and 70/54 of …").
     */
    readonly subjectWords?: readonly string[];
    /**
     * Where the language names the organ after the number (« la resolución 1325 (2000) del Consejo de
     * Seguridad, de 31 de octubre de 2000 »): the words that open its name there (« del », « de la »)
     * and the lower-case words inside it (« Consejo Económico y Social »).
     */
    readonly organAfter?: {
      readonly words: readonly string[];
      readonly connectors: readonly string[];
      /** What opens a date written after such an organ, where not the date word alone: « , en date du ». */
      readonly dateOpening?: string;
      /**
       * The words for a part of a resolution (« paragraphe », « alinéa »): after « du paragraphe 5 de la
       * résolution 706 (1991) du Conseil de sécurité », a date set off by a comma may be the date of
       * what the phrase began with (a report's, S/RES/712 (1991)), not the resolution's.
       */
      readonly partWords?: readonly string[];
    };
  };
  /** Absent where no United Nations spelling list of the language is data yet. */
  readonly spelling?: {
    readonly families: readonly SpellingFamily[];
    /** Single words (lower case) and the United Nations spelling. */
    readonly words: Readonly<Record<string, SpellingEntry>>;
    /** Fixed terms, written as the data spells them (the first letter may differ in case). */
    readonly phrases: Readonly<Record<string, SpellingEntry>>;
  };
}

/** A style whose data includes `Part`s (a rule asks for the parts it reads: `hasStyleParts`). */
export type StyleWith<Part extends keyof StyleData> = StyleData & { readonly [Key in Part]-?: NonNullable<StyleData[Key]> };

/** Whether `style` holds every one of `parts`: a rule that reads them stays silent for a language without them. */
export function hasStyleParts<Part extends keyof StyleData>(style: StyleData | undefined, ...parts: readonly Part[]): style is StyleWith<Part> {
  return style !== undefined && parts.every((part) => style[part] !== undefined);
}

const styles: ReadonlyMap<string, StyleData> = new Map([
  ['en', englishStyle as StyleData],
  ['fr', frenchStyle as StyleData],
  ['es', spanishStyle as StyleData],
]);

/** The style data of a language; undefined where there is none yet (the style rules then stay silent). */
export function styleFor(language: string): StyleData | undefined {
  return styles.get(language);
}

export function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every way a date may write a month, right or not: the names, in lower case and capitalised ("December",
 * "december"; « décembre », « Décembre »), and the shortened names ("Dec.", "Dec").
 */
export function monthsWrittenAnyWay(style: StyleData): string[] {
  const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
  const forms = new Set<string>();
  for (const name of [...style.months, ...(style.monthAbbreviations ?? []).flat()]) {
    forms.add(name);
    forms.add(name.toLowerCase());
    forms.add(capitalised(name));
  }
  forms.delete('');
  return [...forms];
}

/**
 * The letters the style writes after the first day of a month in a right date (« 1er », « 1º »),
 * longest first: `firstDay`'s and `otherFirstDays`'.
 */
export function firstDayLetters(style: StyleData): readonly string[] {
  let letters = firstDayLettersOf.get(style);
  if (!letters) {
    const forms = [...(style.firstDay === undefined ? [] : [style.firstDay]), ...(style.otherFirstDays ?? [])];
    letters = forms.filter((form) => form.startsWith('1') && form.length > 1).map((form) => form.slice(1)).sort((a, b) => b.length - a.length);
    firstDayLettersOf.set(style, letters);
  }
  return letters;
}
const firstDayLettersOf = new WeakMap<StyleData, readonly string[]>();

/**
 * A pattern for the letters the style writes after the first day of a month (« 1er »), to follow the
 * day's digits: they belong to a right date, not an ordinal ending. Empty where the style has none.
 */
export function firstDayLettersPattern(style: StyleData): string {
  const letters = firstDayLetters(style);
  return letters.length > 0 ? `(?:(?<=(?<!\\d)1)${alternation(letters)})?` : '';
}

/** How many units of first-day letters (`firstDayLetters`) stand at `position`, after a day 1; 0 for none. */
export function firstDayLettersAt(style: StyleData, text: string, position: number): number {
  for (const letters of firstDayLetters(style)) if (text.startsWith(letters, position)) return letters.length;
  return 0;
}

/** An alternation of `words`, longest first, escaped: "(?:emergency special|special|…)". */
export function alternation(words: readonly string[]): string {
  return `(?:${[...words].sort((a, b) => b.length - a.length).map(escapeForPattern).join('|')})`;
}

/**
 * Where a date's parts go: the written date for a day (or days, "8 and 9"), a month's index (0-11)
 * and a year. With no year ('') the date ends at its month: "15 September", « 15 de septiembre »
 * (not « 15 de septiembre de »).
 */
export function writeDate(style: StyleData, day: number | string, month: number, year: string): string {
  const pieces = piecesOf(style);
  const monthAt = pieces.indexOf(monthPiece);
  const end = year === '' && pieces.indexOf(yearPiece) > monthAt ? monthAt + 1 : pieces.length;
  let written = '';
  for (let index = 0; index < end; index++) {
    const piece = pieces[index] as DatePiece;
    written += piece === dayPiece ? (String(day) === '1' && style.firstDay !== undefined ? style.firstDay : String(day)) : piece === monthPiece ? (style.months[month] ?? '') : piece === yearPiece ? year : piece;
  }
  return written;
}

/** The format's pieces, found once: three replacements made three strings a date, for every date cited. */
function piecesOf(style: StyleData): readonly DatePiece[] {
  let pieces = datePieces.get(style);
  if (!pieces) {
    pieces = dateFormatPieces(style.dateFormat);
    datePieces.set(style, pieces);
  }
  return pieces;
}

/** The words a style's date writes between its parts: none in English ("16 December 2005"), « de » in Spanish (« 16 de diciembre de 2005 »). */
export interface DateJoints {
  /** Between the day and the month. */
  readonly dayMonth: string;
  /** Between the month and the year. */
  readonly monthYear: string;
}

/** The words of the date format between {day} and {month}, and between {month} and {year} (white space trimmed). */
export function dateJointsOf(style: StyleData): DateJoints {
  let joints = dateJoints.get(style);
  if (!joints) {
    const pieces = piecesOf(style);
    const between = (first: DatePiece, second: DatePiece): string => {
      const from = pieces.indexOf(first);
      const to = pieces.indexOf(second);
      return from >= 0 && to === from + 2 && typeof pieces[from + 1] === 'string' ? (pieces[from + 1] as string).trim() : '';
    };
    joints = { dayMonth: between(dayPiece, monthPiece), monthYear: between(monthPiece, yearPiece) };
    dateJoints.set(style, joints);
  }
  return joints;
}
const dateJoints = new WeakMap<StyleData, DateJoints>();

/** The places of a date format's pieces that its parts fill. */
const dayPiece = 0;
const monthPiece = 1;
const yearPiece = 2;
type DatePiece = string | typeof dayPiece | typeof monthPiece | typeof yearPiece;
const datePieces = new WeakMap<StyleData, readonly DatePiece[]>();

/**
 * The date format cut at the first "{day}", "{month}" and "{year}", the places `replace` of each
 * would fill (a second one of each stays as it is written).
 */
export function dateFormatPieces(format: string): DatePiece[] {
  const cuts = ([['{day}', dayPiece], ['{month}', monthPiece], ['{year}', yearPiece]] as const)
    .map(([place, piece]) => ({ place, piece, at: format.indexOf(place) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at);
  const pieces: DatePiece[] = [];
  let from = 0;
  for (const { place, piece, at } of cuts) {
    if (at > from) pieces.push(format.slice(from, at));
    pieces.push(piece);
    from = at + place.length;
  }
  if (from < format.length) pieces.push(format.slice(from));
  return pieces;
}
