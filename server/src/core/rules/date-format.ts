import type { Fix } from '../findings';
import { styleFor, type Lexicon, type StyleData } from '../lexicon/lexicon';
import { alternation, dateJointsOf, firstDayLettersAt, firstDayLettersPattern, writeDate, type DateJoints } from '../lexicon/style';
import { localMessage } from '../messages';
import type { Draft } from '../model';
import { bodyProse, draftSpan, footnoteProse, inOneSegment, isQuoted, type ProseRun } from '../prose';
import type { Rule, RuleContext } from '../rule';
import { openersInOtherLanguage } from '../openers';
import { capitalize, paragraphContaining } from '../structure';
import { initialsOf, isDigitCode, matchesAtCandidates, UnitSet } from '../text-scan';

/** A date found written another way, read into its parts where the text allows it. */
interface WrongDate {
  /** Run offsets: the date as written is the run's text between them. */
  readonly start: number;
  readonly end: number;
  /** The date as the style writes it; undefined where the text does not say which is the day. */
  readonly right?: string;
  /** Why it is wrong, as data (`whyText` says it in the draft's language): a session keeps these from one version to the next. */
  readonly why: DateReason;
  /** For `month-written`, the month's index. */
  readonly month?: number;
  /** Whether the month is written in another language ("December" in French): right in a paragraph written in it. */
  readonly monthOfAnotherLanguage?: boolean;
  /**
   * "October 15 1992", with neither a comma nor an ordinal ending: calls are blanked, but OCR may have
   * missed one, so in a scanned record only a comma or an ordinal ending makes the number a day.
   */
  readonly dayMayBeCall?: boolean;
}

/** Why a date is written wrong: the day after the month (and its days joined otherwise: "December 16-17"), an ordinal day, the month shortened or in another case, a comma before the year, the style's joints left out, numbers for the month. */
type DateReason = 'day-first' | 'day-first-two-days' | 'day-first-span' | 'two-days' | 'span' | 'plain-day' | 'first-day' | 'month-in-full' | 'month-written' | 'no-comma' | 'joint-not-comma' | 'joint-month' | 'joint-year' | 'joint-both' | 'month-in-words';

/** The reason of a wrong date, in the draft's language where its lexicon says it, else in English. */
function whyText(date: WrongDate, style: StyleData, joints: DateJoints, lexicon: Lexicon | undefined): string {
  switch (date.why) {
    case 'day-first':
      return localMessage(lexicon, 'date-format/why-day-first', {}, 'the day first');
    case 'day-first-two-days': {
      const word = style.dayListWord ?? '';
      return localMessage(lexicon, 'date-format/why-day-first-two-days', { word }, `the day first, and two days in a row joined by '${word}'`);
    }
    case 'day-first-span': {
      const mark = style.daySpanMark ?? '';
      return localMessage(lexicon, 'date-format/why-day-first-span', { mark }, `the day first, and a span of days joined by '${mark}'`);
    }
    case 'two-days': {
      const word = style.dayListWord ?? '';
      return localMessage(lexicon, 'date-format/why-two-days', { word }, `two days in a row joined by '${word}'`);
    }
    case 'span': {
      const mark = style.daySpanMark ?? '';
      return localMessage(lexicon, 'date-format/why-span', { mark }, `a span of days joined by '${mark}'`);
    }
    case 'plain-day':
      return localMessage(lexicon, 'date-format/why-plain-day', {}, 'the day as a plain number');
    case 'first-day': {
      const firstDay = style.firstDay ?? '1';
      return localMessage(lexicon, 'date-format/why-first-day', { firstDay }, `the first of the month written '${firstDay}'`);
    }
    case 'month-in-full':
      return localMessage(lexicon, 'date-format/why-month-in-full', {}, 'the month in full');
    case 'month-written': {
      const month = style.months[date.month ?? -1] ?? '';
      return localMessage(lexicon, 'date-format/why-month-written', { month }, `the month written '${month}'`);
    }
    case 'no-comma':
      return localMessage(lexicon, 'date-format/why-no-comma', {}, 'no comma before the year');
    case 'joint-not-comma':
      return localMessage(lexicon, 'date-format/why-joint-not-comma', { joint: joints.monthYear }, `'${joints.monthYear}' before the year, not a comma`);
    case 'joint-month':
      return localMessage(lexicon, 'date-format/why-joint-month', { joint: joints.dayMonth }, `'${joints.dayMonth}' before the month`);
    case 'joint-year':
      return localMessage(lexicon, 'date-format/why-joint-year', { joint: joints.monthYear }, `'${joints.monthYear}' before the year`);
    case 'joint-both':
      return localMessage(lexicon, 'date-format/why-joint-both', { monthJoint: joints.dayMonth, yearJoint: joints.monthYear }, `'${joints.dayMonth}' before the month and '${joints.monthYear}' before the year`);
    case 'month-in-words':
      return localMessage(lexicon, 'date-format/why-month-in-words', {}, 'the month in words');
  }
}

/**
 * A word that may follow a plain day and a space in a date: a way of writing a month, a word between
 * days, the one before the month that only an ordinal day takes ("the 16th of December": a connector),
 * or the one the style's dates write there (« 16 de diciembre »: a joint).
 */
interface AfterPlainDay {
  readonly word: string;
  /** Its second UTF-16 unit, compared before the word is (most words after a number start as none of these goes on); -1 for a word of one unit. */
  readonly second: number;
  readonly kind: 'month' | 'range' | 'connector' | 'joint';
  /** How a month's way writes it, kept here: a lookup by the word was a hash of it at every date. Present, undefined, on the others: one shape for all. */
  readonly writing: MonthWriting | undefined;
}

/** How a month's name was written: as the style writes it, shortened ("Dec."), in another case ("december"), or in another language ("December" in French). */
type MonthWriting = 'right' | 'abbreviated' | 'case' | 'language';

interface MonthForm {
  /** The month's index, January 0. */
  readonly index: number;
  readonly writing: MonthWriting;
}

interface DatePatterns {
  readonly monthFirst: RegExp;
  readonly dayFirst: RegExp;
  /**
   * Two days joined by a dash before their month, "16-17 December 2005", "6 - 12 March 1995": undefined
   * where the style has no `dayListWord` and `daySpanMark` to write them with.
   */
  readonly dayRange: RegExp | undefined;
  readonly numeric: RegExp;
  readonly iso: RegExp;
  /** Every way a month is read (the style's names, their abbreviations, either in another case), for where to try the patterns. */
  readonly months: readonly string[];
  /** Each of those ways, with its month. */
  readonly monthForms: ReadonlyMap<string, MonthForm>;
  /** The months by the last UTF-16 unit of their name: a day after another word is passed at once, and a month's is compared with those ending alike. */
  readonly monthsByLastCode: ReadonlyMap<number, readonly string[]> | undefined;
  /**
   * The months' last two units, each pair as one bit (`endingKey`): a word before a day that ends as
   * no month does ("resolution 5", "paragraph 3") is passed without a lookup by its last unit. Undefined
   * where some month's name is shorter than two units.
   */
  readonly monthEndings: UnitSet | undefined;
  readonly suffixInitials: UnitSet | undefined;
  /** The months' ways, the words between days and the one before the month, by their first UTF-16 unit: what may follow a plain day and a space. */
  readonly afterPlainDayByFirstCode: ReadonlyMap<number, readonly AfterPlainDay[]>;
  /** The first units of those words, as a bit set. */
  readonly afterPlainDayInitials: UnitSet;
  /**
   * Their first two units, each pair as one bit (`endingKey`, second unit first): a word that starts as
   * none of them ("the", "per", "million") is passed before the lookup by its first unit. Undefined
   * where one of the words is a single unit.
   */
  readonly afterPlainDayStarts: UnitSet | undefined;
  readonly articleLength: number;
  /** Whether the style writes the first of a month its own way (`firstDay`, « 1er »): a plain "1" before a month is then wrong. */
  readonly firstDayWritten: boolean;
  /** The words the style's dates write between day and month and between month and year (« de »; none in English). */
  readonly joints: DateJoints;
  /** The style's `otherYearJoints`, each with the space after it: what a plain day's month may be followed by, and wrongly. */
  readonly otherYearJoints: readonly string[];
  /** After a month-first date's day: another day joined by a dash, a comma or a word between days ("-17", " – 17", ", 6 and 7"), sticky. */
  readonly moreDaysAfter: RegExp;
  /**
   * Those days read whole, sticky: the days after the first, the last after the style's `dayListWord`
   * or a dash, and the year (", 6 and 7, 2006", "-17, 2005"). Undefined where the style has no `dayListWord`.
   */
  readonly moreDays: RegExp | undefined;
}

const patternCache = new WeakMap<StyleData, DatePatterns>();

/** The month names of the style, their abbreviations, and both in lower case and with a capital, each with its month. */
function monthFormsOf(style: StyleData): Map<string, MonthForm> {
  const forms = new Map<string, MonthForm>();
  // "may" is the verb: never read as "May", even in a whole date ("each State may 1, 2005 being …").
  const words = new Set(style.wordsSpeltAsMonths ?? []);
  const add = (written: string, index: number, writing: MonthWriting): void => {
    if (written !== '' && !forms.has(written) && !words.has(written)) forms.set(written, { index, writing });
  };
  style.months.forEach((name, index) => add(name, index, 'right'));
  style.months.forEach((name, index) => {
    add(name.toLowerCase(), index, 'case');
    add(capitalize(name), index, 'case');
  });
  style.monthsOfAnotherLanguage?.forEach((name, index) => add(name, index, 'language'));
  style.monthAbbreviations?.forEach((abbreviations, index) => {
    for (const abbreviation of abbreviations) {
      add(abbreviation, index, 'abbreviated');
      add(abbreviation.toLowerCase(), index, 'abbreviated');
      add(capitalize(abbreviation), index, 'abbreviated');
    }
  });
  return forms;
}

// Every pattern is sticky: it is tried only next to a run of digits that could be its day or year
// (see candidatesOf), never along the whole text.
function patternsOf(style: StyleData): DatePatterns {
  let patterns = patternCache.get(style);
  if (!patterns) {
    const monthForms = monthFormsOf(style);
    const rangeWordsOfStyle = style.dayRangeWords ?? [];
    const joints = dateJointsOf(style);
    const wordsAfterPlainDay = [
      ...[...monthForms].map(([word, form]) => afterPlainDay(word, 'month', form.writing)),
      ...rangeWordsOfStyle.map((word) => afterPlainDay(word, 'range')),
      // Spanish writes after every day the word English writes only after an ordinal one: « 16 de diciembre ».
      afterPlainDay(joints.dayMonth, 'joint'),
      ...(style.dayOrdinalConnector === joints.dayMonth ? [] : [afterPlainDay(style.dayOrdinalConnector, 'connector')]),
    ].filter((entry) => entry.word !== '');
    const afterPlainDayByFirstCode = byFirstCode(wordsAfterPlainDay);
    const months = [...monthForms.keys()];
    const month = alternation(months);
    const suffix = alternation(style.dayOrdinalSuffixes);
    const rangeWords = style.dayRangeWords ?? [];
    // The word before the month, either way: the connector of an ordinal day ("of") or the style's joint (« de »).
    const beforeMonth = alternation([style.dayOrdinalConnector, joints.dayMonth].filter((word) => word !== ''));
    // A space in a date, or a line break where a hard-wrapped line put one, with the space a copy out of a
    // PDF leaves at a line's end or start ("May 5, \n6 and 7, 2006"): with one, "May 5" alone was read, and
    // its fix, "5 May, \n6 and 7, 2006", left the other days hanging.
    const space = '(?:[ \\u00A0]?\\r?\\n[ \\u00A0]?|[ \\u00A0])';
    // "8 and 9", "8th to 10th": a second day of the same month, after one of the style's words, wrapped
    // or not ("June 5 and\n6, 2007" was read as "June 5" alone, its fix leaving "5 June and\n6, 2007").
    const secondDay = rangeWords.length > 0 ? `(?:${space}(${alternation(rangeWords)})${space}(\\d{1,2})(${suffix})?)?` : '()()()';
    // The word before the year, where the style writes one (« de 2005 »): an empty group where it does not.
    const beforeYear = joints.monthYear === '' ? '()' : `(?:(${alternation([joints.monthYear, ...(style.otherYearJoints ?? [])])})[ \\u00A0])?`;
    patterns = {
      // "December 16, 2005", "December 16th, 2005", "December 16 2005", "December 8 and 9, 2005", "September 15"
      // A hard-wrapped line may break it anywhere: "adopted on December\n16, 2025", "December 16,\n2025".
      monthFirst: new RegExp(`(${month})${space}(\\d{1,2})(${suffix})?${secondDay}(?:(,?)${space}(\\d{4}))?(?![\\p{L}\\p{N}])`, 'uy'),
      // "16th December 2005", "the 16th of December", "the 3rd of December, 2006" (the comma goes with the
      // rest), "8th and 9th December 2005", "8 December, 2005", "3 Dec. 2006", and the right "16 December 2005"
      // « 16 diciembre 2005 », « 1º de enero de 2020 » where the style writes « de » (the joints, captured)
      dayFirst: new RegExp(`(?:${style.dayOrdinalArticle}[ \\u00A0])?(\\d{1,2})${firstDayLettersPattern(style)}(${suffix})?${secondDay}(?:[ \\u00A0](${beforeMonth}))?[ \\u00A0](${month})(?:(,?)[ \\u00A0]${beforeYear}(\\d{4}))?(?![\\p{L}\\p{N}])`, 'uy'),
      // « 16-17 décembre 2005 », « 16-17 de diciembre de 2005 »: the joints as the style writes them, so a
      // date that lacks one is date-format's other finding first, never two fixes over one date.
      dayRange: style.dayListWord === undefined ? undefined
        : new RegExp(`(\\d{1,2})(${space}?)([-\u2010\u2013])(${space}?)(\\d{1,2})[ \\u00A0]${joints.dayMonth === '' ? '' : `${joints.dayMonth}[ \\u00A0]`}(${month})(?:(,?)[ \\u00A0]${joints.monthYear === '' ? '' : `${joints.monthYear}[ \\u00A0]`}(\\d{4}))?(?![\\p{L}\\p{N}])`, 'uy'),
      // "16/12/2005", "16.12.2005": not a part of a symbol ("A/HRC/RES/5/1") or a longer number.
      numeric: /(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\p{L}\p{N}/]|\.\d)/uy,
      // "2005-12-16"
      iso: /(\d{4})-(\d{2})-(\d{2})(?![\p{L}\p{N}/\-])/uy,
      months,
      monthForms,
      monthsByLastCode: months.includes('') ? undefined : monthsByLastCode(months),
      monthEndings: months.every((name) => name.length >= 2) ? new UnitSet(months.map((name) => endingKey(name.charCodeAt(name.length - 1), name.charCodeAt(name.length - 2)))) : undefined,
      suffixInitials: initialsOf(style.dayOrdinalSuffixes),
      afterPlainDayByFirstCode,
      afterPlainDayInitials: new UnitSet(afterPlainDayByFirstCode.keys()),
      afterPlainDayStarts: wordsAfterPlainDay.every((entry) => entry.second >= 0) ? new UnitSet(wordsAfterPlainDay.map((entry) => endingKey(entry.second, entry.word.charCodeAt(0)))) : undefined,
      articleLength: style.dayOrdinalArticle.length,
      firstDayWritten: style.firstDay !== undefined && style.firstDay !== '1',
      joints,
      otherYearJoints: (style.otherYearJoints ?? []).map((word) => `${word} `),
      // A hard-wrapped line may break them anywhere too: "December 16-\n17, 2005", "May 5,\n6 and 7, 2006".
      moreDaysAfter: new RegExp(`(?:${space}?[-\u2010\u2013]${space}?\\d|,?${space}\\d{1,2}(?:${suffix})?(?:,|[-\u2010\u2013]${rangeWords.length > 0 ? `|${space}${alternation(rangeWords)}${space}` : ''}))`, 'uy'),
      // ", 6 and 7, 2006" (the list's middle days; the comma before the word a drafter may add), "-17, 2005", " – 17, 2005"
      moreDays: style.dayListWord === undefined ? undefined
        : new RegExp(`((?:,${space}\\d{1,2}(?:${suffix})?)*)(?:,?${space}(${alternation([style.dayListWord, ...rangeWords])})${space}|(${space}?)([-\u2010\u2013])(${space}?))(\\d{1,2})(${suffix})?(?:(,?)${space}(\\d{4}))?(?![\\p{L}\\p{N}])`, 'uy'),
    };
    patternCache.set(style, patterns);
  }
  return patterns;
}

function afterPlainDay(word: string, kind: AfterPlainDay['kind'], writing?: MonthWriting): AfterPlainDay {
  return { word, second: word.length > 1 ? word.charCodeAt(1) : -1, kind, writing };
}

/** Words by their first UTF-16 unit, in the order given. */
function byFirstCode(words: readonly AfterPlainDay[]): Map<number, AfterPlainDay[]> {
  const byCode = new Map<number, AfterPlainDay[]>();
  for (const entry of words) {
    if (entry.word === '') continue;
    const first = entry.word.charCodeAt(0);
    byCode.set(first, [...(byCode.get(first) ?? []), entry]);
  }
  return byCode;
}

/**
 * Whether a plain day's date may be written another way: the word after the day and a space is a month
 * written otherwise ("3 Dec. 2006"), a word between days before a second day ("8 and 9"), the word
 * before the month before a month ("8 of December"), or the month written right with a comma after it
 * ("8 December, 2005"). Not the month written right with none ("16 December 2005", most dates of a
 * text), nor "paragraph 5 of" or "2 and 3": the pattern then need not read them. Where the style joins
 * the parts with a word (« 16 de diciembre de 2005 »), the month written right without it before it
 * (« 16 diciembre ») or before the year may be wrong too. `read` is the word already read after the
 * day, before the month: none, the style's joint, or the connector an ordinal day takes.
 */
function plainDayMayBeWrong(text: string, wordStart: number, patterns: DatePatterns, read: 'none' | 'joint' | 'connector' = 'none'): boolean {
  const length = text.length;
  const first = unitAt(text, length, wordStart);
  // Asked after most one- and two-digit numbers: a word no month or joining word starts with is out by a bit.
  if (!patterns.afterPlainDayInitials.has(first)) return false;
  const second = unitAt(text, length, wordStart + 1);
  if (patterns.afterPlainDayStarts && !patterns.afterPlainDayStarts.has(endingKey(second, first))) return false;
  const entries = patterns.afterPlainDayByFirstCode.get(first);
  if (!entries) return false;
  let mayBe = false;
  for (const { word, second: wordSecond, kind, writing } of entries) {
    if ((wordSecond >= 0 && wordSecond !== second) || !text.startsWith(word, wordStart)) continue;
    const next = wordStart + word.length;
    if (kind === 'month') {
      // The right name wins over the shorter ways it starts with ("Dec" of "December"), as in the pattern.
      if (writing === 'right') {
        if (read === 'connector' || (read === 'none' && patterns.joints.dayMonth !== '')) return true;
        return unitAt(text, length, next) === 44 /* , */ || yearWithoutJoint(text, next, patterns);
      }
      mayBe = true;
    } else if (read === 'none' && (unitAt(text, length, next) === 32 || unitAt(text, length, next) === 0xa0)) {
      mayBe ||= kind === 'range' ? secondDayMayBeWrong(text, next + 1, patterns) : plainDayMayBeWrong(text, next + 1, patterns, kind === 'joint' ? 'joint' : 'connector');
    }
  }
  return mayBe;
}

/** Whether a year follows the month at `monthEnd` without the word the style writes before it (« diciembre 2005 » for « diciembre de 2005 »). */
function yearWithoutJoint(text: string, monthEnd: number, patterns: DatePatterns): boolean {
  if (patterns.joints.monthYear === '') return false;
  const space = unitAt(text, text.length, monthEnd);
  if (space !== 32 && space !== 0xa0) return false;
  // «septiembre del 2011»: a word the style does not write there.
  return isDigitCode(unitAt(text, text.length, monthEnd + 1)) || patterns.otherYearJoints.some((joint) => text.startsWith(joint, monthEnd + 1));
}

/** After "8 and ": a second day with an ordinal ending ("9th"), or a plain one whose month may be written another way. */
function secondDayMayBeWrong(text: string, dayStart: number, patterns: DatePatterns): boolean {
  const length = text.length;
  let end = dayStart;
  while (end < dayStart + 2 && isDigitCode(unitAt(text, length, end))) end++;
  if (end === dayStart || isDigitCode(unitAt(text, length, end))) return false;
  const after = unitAt(text, length, end);
  if (!patterns.suffixInitials || patterns.suffixInitials.has(after)) return true;
  return (after === 32 || after === 0xa0) && plainDayMayBeWrong(text, end + 1, patterns);
}

/** A word's last two UTF-16 units as one number below 0x10000: pairs may share one (the test is a filter). */
function endingKey(last: number, penultimate: number): number {
  return (last * 31 + penultimate) & 0xffff;
}

/** The month names by their last UTF-16 unit, in the style's order. */
function monthsByLastCode(months: readonly string[]): Map<number, string[]> {
  const byLastCode = new Map<number, string[]>();
  for (const name of months) {
    const last = name.charCodeAt(name.length - 1);
    byLastCode.set(last, [...(byLastCode.get(last) ?? []), name]);
  }
  return byLastCode;
}

/**
 * Where each pattern can start, read off the runs of digits: a day of one or two digits ends its run
 * and is followed by an ordinal ending ("16th", perhaps after "the "), by a space and a month or a word
 * between days ("8 December, 2005", "8 and 9 December") or by "/" or "." ("16/12/2005");
 * a year of four ends its run before "-" ("2005-12-16"); a day after a month and a space starts its run.
 */
interface DateCandidates {
  readonly monthFirst: number[];
  readonly dayFirst: number[];
  readonly dayRange: number[];
  readonly numeric: number[];
  readonly iso: number[];
}

/**
 * The UTF-16 unit at `offset`, or -1 outside the text (where `charCodeAt` gives NaN). A run of digits
 * may end or start the text, and a `charCodeAt` that once reads past an end is compiled from then on
 * as a call to the generic builtin, at twice the instructions of one that never does. `length` is the
 * text's, read once by the caller (date-format on the corpus: 5.45 -> 5.30 million instructions).
 */
function unitAt(text: string, length: number, offset: number): number {
  return offset >= 0 && offset < length ? text.charCodeAt(offset) : -1;
}

/** Lists for a run's first candidate (most runs have none, and no lists are made for them). */
function noCandidatesYet(): DateCandidates {
  return { monthFirst: [], dayFirst: [], dayRange: [], numeric: [], iso: [] };
}

function candidatesOf(run: Pick<ProseRun, 'text' | 'digitRuns'>, patterns: DatePatterns): DateCandidates | undefined {
  // Made on the first candidate: most runs have none.
  let found: DateCandidates | undefined;
  const { text, digitRuns: runs } = run;
  const length = text.length;
  for (let index = 0; index < runs.length; index += 2) {
    const start = runs[index] as number;
    const end = runs[index + 1] as number;
    const after = unitAt(text, length, end);
    if (!patterns.suffixInitials || patterns.suffixInitials.has(after)) {
      found ??= noCandidatesYet();
      // Without endings to tell by (data whose ending is empty or a digit), every digit may start a day.
      const first = patterns.suffixInitials ? Math.max(start, end - 2) : start;
      for (let day = first; day < end; day++) found.dayFirst.push(day, day - patterns.articleLength - 1);
    } else if (end - start <= 2 && (after === 32 || after === 0xa0) && (plainDayMayBeWrong(text, end + 1, patterns) || (patterns.firstDayWritten && end - start === 1 && text.charCodeAt(start) === 49 /* 1 */))) {
      found ??= noCandidatesYet();
      found.dayFirst.push(start, start - patterns.articleLength - 1);
    }
    // "16/12/2005": a digit after the mark, and the same mark one or two digits on ("60/175" is out).
    if ((after === 47 /* / */ || after === 46 /* . */) && isDigitCode(unitAt(text, length, end + 1)) && (unitAt(text, length, end + 2) === after || unitAt(text, length, end + 3) === after)) {
      found ??= noCandidatesYet();
      for (let day = Math.max(start, end - 2); day < end; day++) found.numeric.push(day);
    }
    // "16-17 December": a day of one or two digits, a dash (perhaps spaced) and a digit.
    if (patterns.dayRange && end - start <= 2 && isDashAfterDay(text, length, end)) {
      found ??= noCandidatesYet();
      found.dayRange.push(start);
    }
    if (after === 45 /* - */ && end - start >= 4) {
      found ??= noCandidatesYet();
      found.iso.push(end - 4);
    }
    if (end - start > 2) continue;
    const before = unitAt(text, length, start - 1);
    if (before !== 32 && before !== 0xa0 && before !== 10) continue;
    // Where the month ends: before the space, or the line break ("\r\n" too) with the space a copy out of a
    // PDF leaves at either side of it ("March \n 3, 2007"), as the pattern's `space` reads them.
    let monthEnd = start - 1;
    if (before !== 10 && unitAt(text, length, monthEnd - 1) === 10) monthEnd--;
    if (unitAt(text, length, monthEnd) === 10) {
      if (unitAt(text, length, monthEnd - 1) === 13) monthEnd--;
      const beforeBreak = unitAt(text, length, monthEnd - 1);
      if (beforeBreak === 32 || beforeBreak === 0xa0) monthEnd--;
    }
    const last = unitAt(text, length, monthEnd - 1);
    // The unit before the month's last is compared first: "resolution 5" ends as "Jan" and "Jun" do, but not as either's last two.
    const penultimate = unitAt(text, length, monthEnd - 2);
    if (patterns.monthEndings && !patterns.monthEndings.has(endingKey(last, penultimate))) continue;
    const months = patterns.monthsByLastCode ? patterns.monthsByLastCode.get(last) : patterns.months;
    if (months) {
      for (const month of months) {
        const monthStart = monthEnd - month.length;
        if (monthStart < 0 || (month.length > 1 && month.charCodeAt(month.length - 2) !== penultimate) || !text.startsWith(month, monthStart)) continue;
        found ??= noCandidatesYet();
        found.monthFirst.push(monthStart);
      }
    }
  }
  return found;
}

/** Whether a dash follows the day ending at `end`, a space on either side at most, and a digit after it. */
function isDashAfterDay(text: string, length: number, end: number): boolean {
  let at = end;
  if (unitAt(text, length, at) === 32) at++;
  const dash = unitAt(text, length, at);
  if (dash !== 45 && dash !== 0x2010 && dash !== 0x2013) return false;
  at++;
  if (unitAt(text, length, at) === 32) at++;
  return isDigitCode(unitAt(text, length, at));
}

/**
 * Whether a match starts a word: not inside a word, a number or a symbol ("A/HRC/RES/16/12/2005").
 * Checked here rather than with a lookbehind, which would cost a test at every offset of the text.
 */
function standsAlone(text: string, index: number, figures: boolean): boolean {
  const before = text[index - 1];
  if (before === undefined) return true;
  // A day after "/" is a resolution's number: "its resolution 60/1 of September 16, 2005" has no "1 of September".
  return figures ? !/[\p{L}\p{N}/.\-]/u.test(before) : !/[\p{L}\p{N}/]/u.test(before);
}

function validDay(day: number): boolean {
  return day >= 1 && day <= 31;
}

/** The day, or the two days of one month ("8 and 9"), as a date writes them; undefined where one is no day. */
function daysOf(dayText: string, rangeWord: string | undefined, secondDayText: string | undefined): string | undefined {
  const day = Number(dayText);
  if (!validDay(day)) return undefined;
  if (!rangeWord || secondDayText === undefined) return String(day);
  const second = Number(secondDayText);
  return validDay(second) && second > day ? `${day} ${rangeWord} ${second}` : undefined;
}

/**
 * Two days of one month as adopted texts write them: in a row with the style's `dayListWord` ("16 and
 * 17": 38 times in the corpus, never with a dash), further apart with its `daySpanMark` ("6–12").
 * `spanRight`: the days were written so already, with the mark and no space around it ("9–20").
 */
function twoDaysWritten(first: number, last: number, dash: string | undefined, spaced: boolean, style: StyleData): { readonly days: string; readonly inARow: boolean; readonly spanRight: boolean } | undefined {
  // The first of the month as the style writes it: « 1er et 2 mai ».
  const firstWritten = first === 1 && style.firstDay !== undefined ? style.firstDay : String(first);
  if (last === first + 1 && style.dayListWord !== undefined) return { days: `${firstWritten} ${style.dayListWord} ${last}`, inARow: true, spanRight: false };
  // A style that names no mark for a span (French and Spanish: none is known of them) leaves it as written.
  const mark = style.daySpanMark;
  if (mark === undefined) return undefined;
  return { days: `${first}${mark}${last}`, inARow: false, spanRight: dash === mark && !spaced };
}

/** The days read after a month-first date's first one, as the style writes them all, and where they end. */
interface MoreDays {
  readonly end: number;
  readonly days: string;
  readonly year: string;
  readonly why: DateReason;
  readonly dayMayBeCall: boolean;
}

/**
 * The days after a month-first date's first ("December 16", then "-17, 2005" or ", 6 and 7, 2006"), read
 * where they can only be days of that month: rising, and before their year ("May 5, 6 and 7 members",
 * "by September 15 – 20 days before" and "October 3-4 and 10-11, 2006" are none). Two days in a row are written with the list's word, as adopted texts write them
 * ("16 and 17 December 2005"); a longer span with the style's mark ("4–15 September 1995").
 */
function moreDaysOf(text: string, at: number, firstDayText: string, style: StyleData, patterns: DatePatterns): MoreDays | undefined {
  const pattern = patterns.moreDays;
  const listWord = style.dayListWord;
  if (!pattern || listWord === undefined) return undefined;
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  if (!match) return undefined;
  const [tail, middle = '', word, spaceBeforeDash, dash, spaceAfterDash, lastDayText = '', lastSuffix, comma, year = ''] = match;
  // Without its year the days may be prose's or run on ("by March 6–12 States had replied", "October 3-4
  // and 10-11, 2006", "May 2-3 4" with a call after a space): left to the drafter, as before.
  if (year === '') return undefined;
  const days = [firstDayText, ...(middle.match(/\d+/g) ?? []), lastDayText].map(Number);
  if (!days.every((day, index) => validDay(day) && (index === 0 || day > (days[index - 1] as number)))) return undefined;
  const dayMayBeCall = !comma && !lastSuffix && middle === '';
  const end = at + tail.length;
  if (word !== undefined) {
    if (middle === '' || word !== listWord) return undefined;
    return { end, days: `${days.slice(0, -1).join(', ')} ${listWord} ${days[days.length - 1] ?? ''}`, year, why: 'day-first', dayMayBeCall };
  }
  if (middle !== '') return undefined;
  const [first = 0, last = 0] = days;
  const written = twoDaysWritten(first, last, dash, Boolean(spaceBeforeDash) || Boolean(spaceAfterDash), style);
  if (!written) return undefined;
  return { end, days: written.days, year, why: written.inARow ? 'day-first-two-days' : written.spanRight ? 'day-first' : 'day-first-span', dayMayBeCall };
}

const noDates: readonly WrongDate[] = [];

/**
 * The dates of a run written another way, in run offsets: a pure function of its text (`digitRuns`
 * and `quotations` come from it), so a session keeps it from one version of the draft to the next.
 */
function wrongDates(run: Pick<ProseRun, 'text' | 'digitRuns' | 'quotations'>, style: StyleData, patterns: DatePatterns): readonly WrongDate[] {
  const candidates = candidatesOf(run, patterns);
  // Most runs have no candidate: one empty list stands for all of them (typed read-only; never
  // changed), and nothing is made for them, not even the list or the closure below.
  if (!candidates) return noDates;
  const found: WrongDate[] = [];
  for (const match of matchesAtCandidates(patterns.monthFirst, run.text, candidates.monthFirst)) {
    if (!standsAlone(run.text, match.index, false)) continue;
    const [written, monthName = '', dayText = '', suffix, rangeWord, secondDayText, secondSuffix, comma, year = ''] = match;
    const month = patterns.monthForms.get(monthName);
    // "December 16-17, 2005", "May 5, 6 and 7, 2006": more days than the pattern reads follow. Writing
    // the first alone day first made "16 December-17, 2005": they are read whole, or left to the drafter.
    patterns.moreDaysAfter.lastIndex = match.index + written.length;
    if (patterns.moreDaysAfter.test(run.text)) {
      const more = month && !rangeWord && !year ? moreDaysOf(run.text, match.index + written.length, dayText, style, patterns) : undefined;
      if (!month || !more || (month.writing !== 'right' && !more.year)) continue;
      found.push({
        start: match.index,
        end: more.end,
        right: writeDate(style, more.days, month.index, more.year).trim(),
        why: more.why,
        ...(month.writing === 'language' ? { monthOfAnotherLanguage: true } : {}),
        ...(more.dayMayBeCall && !suffix ? { dayMayBeCall: true } : {}),
      });
      continue;
    }
    const days = daysOf(dayText, rangeWord, secondDayText);
    // A month written another way is a month only in a whole date ("Dec 3 2006"), never in "may 3".
    if (!month || !days || (month.writing !== 'right' && !year)) continue;
    const date: WrongDate = { start: match.index, end: match.index + written.length, right: writeDate(style, days, month.index, year).trim(), why: 'day-first', ...(month.writing === 'language' ? { monthOfAnotherLanguage: true } : {}) };
    found.push(!comma && !suffix && !secondSuffix ? { ...date, dayMayBeCall: true } : date);
  }
  for (const match of matchesAtCandidates(patterns.dayFirst, run.text, candidates.dayFirst)) {
    const [whole, dayText = '', suffix, rangeWord, secondDayText, secondSuffix, beforeMonth, monthName = '', comma, beforeYear, year = ''] = match;
    const month = patterns.monthForms.get(monthName);
    const days = daysOf(dayText, rangeWord, secondDayText);
    if (!month || !days || (month.writing !== 'right' && !year)) continue;
    const { joints } = patterns;
    // "8 of December": the connector only an ordinal day takes; « 8 de diciembre » is the joint the style writes.
    const connector = beforeMonth !== undefined && beforeMonth !== '' && beforeMonth !== joints.dayMonth;
    const monthJointLeftOut = joints.dayMonth !== '' && !beforeMonth;
    // «de septiembre del 2011»: another word before the year is the style's left out.
    const yearJointLeftOut = joints.monthYear !== '' && year !== '' && beforeYear !== joints.monthYear;
    // « 1 janvier », « 1e janvier »: the style writes the first of a month its own way (« 1er »).
    const firstDayWrong = style.firstDay !== undefined && days === '1' && (suffix !== undefined || firstDayLettersAt(style, whole, whole.indexOf('1') + 1) === 0);
    const why: DateReason | undefined = firstDayWrong && !connector ? 'first-day'
      : suffix || secondSuffix || connector ? 'plain-day'
      : month.writing === 'abbreviated' ? 'month-in-full'
      : month.writing === 'case' || month.writing === 'language' ? 'month-written'
      : comma ? (joints.monthYear === '' ? 'no-comma' : 'joint-not-comma')
      : monthJointLeftOut && yearJointLeftOut ? 'joint-both'
      : monthJointLeftOut ? 'joint-month'
      : yearJointLeftOut ? 'joint-year'
      : undefined;
    // "16 December 2005", "8 and 9 December": written as the style writes them.
    if (!why) continue;
    // "the 16th of December" goes whole; the "the" at the end of "other 16th December" stays, and so does
    // the one before a plain day ("the 8 December, 2005 meeting"), which only its comma put wrong.
    let start = match.index;
    if (!standsAlone(run.text, start, false) || (!suffix && !connector)) {
      const day = whole.search(/\d/);
      if (day < 0 || (day === 0 && !standsAlone(run.text, start, false))) continue;
      start += day;
    }
    found.push({ start, end: match.index + whole.length, right: writeDate(style, days, month.index, year).trim(), why, ...(why === 'month-written' ? { month: month.index } : {}), ...(month.writing === 'language' ? { monthOfAnotherLanguage: true } : {}) });
  }
  if (patterns.dayRange) {
    for (const match of matchesAtCandidates(patterns.dayRange, run.text, candidates.dayRange)) {
      if (!standsAlone(run.text, match.index, true)) continue;
      const [written, firstText = '', spaceBefore, dash, spaceAfter, lastText = '', monthName = '', , year = ''] = match;
      const month = patterns.monthForms.get(monthName);
      const first = Number(firstText);
      const last = Number(lastText);
      if (!month || month.writing !== 'right' || !validDay(first) || !validDay(last) || last <= first) continue;
      // A span written with the style's mark, unspaced ("9–20 July 2001"), is right as it is.
      const days = twoDaysWritten(first, last, dash, Boolean(spaceBefore) || Boolean(spaceAfter), style);
      if (!days || days.spanRight) continue;
      found.push({ start: match.index, end: match.index + written.length, right: writeDate(style, days.days, month.index, year).trim(), why: days.inARow ? 'two-days' : 'span' });
    }
  }
  for (const match of matchesAtCandidates(patterns.numeric, run.text, candidates.numeric)) {
    if (!standsAlone(run.text, match.index, true)) continue;
    const [written, first = '', , second = '', year = ''] = match;
    const a = Number(first);
    const b = Number(second);
    if (!validDay(a) || !validDay(b) || (a > 12 && b > 12)) continue;
    // 16/12 can only be day/month and 12/16 only month/day; 05/06 could be either, but where the style says the day comes first (French).
    const dayFirst = a > 12 || a === b ? true : b > 12 ? false : style.numericDayFirst ? true : undefined;
    const right = dayFirst === undefined ? undefined : dayFirst ? writeDate(style, a, b - 1, year) : writeDate(style, b, a - 1, year);
    found.push({ start: match.index, end: match.index + written.length, ...(right ? { right } : {}), why: 'month-in-words' });
  }
  for (const match of matchesAtCandidates(patterns.iso, run.text, candidates.iso)) {
    if (!standsAlone(run.text, match.index, true)) continue;
    const [written, year = '', monthText = '', dayText = ''] = match;
    const month = Number(monthText);
    const day = Number(dayText);
    if (month < 1 || month > 12 || !validDay(day)) continue;
    found.push({ start: match.index, end: match.index + written.length, right: writeDate(style, day, month - 1, year), why: 'month-in-words' });
  }
  if (found.length === 0) return noDates;
  // A date read by two patterns ("December 8 and 9 December") is reported once, as the first read it.
  let lastEnd = -1;
  return found.filter((date) => !isQuoted(run, date.start, date.end)).sort((x, y) => x.start - y.start).filter((date) => {
    if (date.start < lastEnd) return false;
    lastEnd = date.end;
    return true;
  });
}

function check(draft: Draft, style: StyleData, context: RuleContext): void {
  const patterns = patternsOf(style);
  const scan = (run: ProseRun): readonly WrongDate[] => wrongDates(run, style, patterns);
  // Asked only of a date whose month is another language's, most drafts none.
  let foreignStarts: ReadonlySet<number> | undefined;
  const inParagraphOfAnotherLanguage = (offset: number): boolean => {
    foreignStarts ??= new Set(openersInOtherLanguage(draft, context.lexicon)?.openers.map((opener) => opener.span.start) ?? []);
    const start = paragraphContaining(draft, offset)?.opener?.span.start;
    return start !== undefined && foreignStarts.has(start);
  };
  // The paragraphs' runs, then the footnotes': read in turn, not copied into one list first.
  for (const runs of [bodyProse(draft), footnoteProse(draft)]) {
    for (const run of runs) {
      const dates = context.perRun(run, scan);
      if (dates.length === 0) continue;
      for (const date of dates) {
        if (draft.fromScan && date.dayMayBeCall) continue;
        const span = draftSpan(run, date.start, date.end);
        // "20 December 2006" in a paragraph written in English under « L'Assemblée générale, » is
        // English written right: the chapeau rule reports the mix.
        if (date.monthOfAnotherLanguage && inParagraphOfAnotherLanguage(span.start)) continue;
        const written = run.text.slice(date.start, date.end).replace(/\s+/g, ' ');
        const example = writeDate(style, 16, 11, '2005');
        // In the lexicon's language, once: a lexicon without the message's template has none of the reasons' either.
        const why = whyText(date, style, patterns.joints, context.lexicon);
        const fix: Fix | undefined = date.right && inOneSegment(run, date.start, date.end)
          ? { title: localMessage(context.lexicon, 'fix/write', { right: date.right }, `Write '${date.right}'`), edits: [{ span, newText: date.right }] }
          : undefined;
        context.report({
          span,
          message: date.right
            ? localMessage(context.lexicon, 'date-format/wrong', { right: date.right, why, found: written }, `Write dates as '${date.right}' (${why}), not '${written}'.`)
            : localMessage(context.lexicon, 'date-format/ambiguous', { example, found: written }, `Write dates as '${example}', with the month in words, not '${written}' (which is the day and which the month?).`),
          ...(fix ? { fix } : {}),
        });
      }
    }
  }
}

export const dateFormatRule: Rule = {
  id: 'date-format',
  description: 'Dates are written "16 December 2005": not "December 16, 2005", "16th December 2005", "16/12/2005" or "2005-12-16".',
  defaultSeverity: 'warning',
  fixable: true,
  needsLexicon: true,
  check(draft, context) {
    const style = styleFor(draft.language);
    if (!style) return;
    check(draft, style, context);
  },
};
