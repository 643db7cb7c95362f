import { isSpaceCode } from '../parse/lines';
import { blanksStartBefore, wordStartBefore } from '../text-ends';
import type { Fix, TextEdit } from '../findings';
import { languageConventions, styleFor, type StyleData } from '../lexicon/lexicon';
import { alternation, dateJointsOf, escapeForPattern, firstDayLetters, firstDayLettersAt, firstDayLettersPattern, hasStyleParts, monthsWrittenAnyWay, writeDate, type StyleWith } from '../lexicon/style';
import { localMessage } from '../messages';
import type { Draft, Span } from '../model';
import { bodyProse, draftSpan, inOneSegment, isQuoted, type ProseRun } from '../prose';
import type { Rule, RuleContext } from '../rule';
import { digitsValue, exactCopy, isDigitCode, UnitSet } from '../text-scan';
import { detached } from '../text-memo';

/** What the rule reads of a style: a language whose data has no citation words is not checked. */
type CitationStyle = StyleWith<'citations'>;

/**
 * The citations of a run of prose, in run offsets: a pure function of its text (see `runCitations`),
 * so a session keeps it from one version of the draft to the next. Flat, a string and four numbers a
 * citation: an object a citation, and another for each in the pass over the draft, were most of what
 * the rule kept alive at once, which a 10 MB draft's young-generation collections copied.
 */
interface RunCitations {
  /** The numbers as written, spaces collapsed: "60/175", "35/142 B", "2231 (2015)"; in text order. */
  readonly numbers: readonly string[];
  /** `fieldCount` numbers a citation, in the order of `numbers`: see `numberStartField` and the fields after it. */
  readonly fields: readonly number[];
  /** Where each list's citation word starts and ends, the white space after it included (start, end, start, end …): `citationWords`'s, a list's index its word's. */
  readonly words: readonly number[];
  /**
   * Per list, the organ named before its word, or null where the word is quoted (the list cites
   * nothing); undefined until read. Read only for a list that cites a number cited more than once, and kept.
   */
  named: (NamedOrgan | null | undefined)[] | undefined;
  /**
   * Per citation that has a date of its own, the date as the style writes it; undefined until read (or
   * for none). Read only for a number cited more than once, and kept.
   */
  dates: (string | undefined)[] | undefined;
  /**
   * Per list, where the organ named after its numbers starts and ends (start, end, …; -1 for none), in
   * a language that names it there (« resolución 1325 (2000) del Consejo de Seguridad »); undefined
   * where no list of the run names one (every run of a style that does not).
   */
  readonly organsAfter: readonly number[] | undefined;
}

/** Where a citation's number starts in its run. */
const numberStartField = 0;
/** Where its number ends. */
const numberEndField = 1;
/**
 * Where the date written right after its number ends, when that date is the citation's alone (it
 * starts at the number's end: `,?\s+of …`); -1 for none.
 */
const ownDateEndField = 2;
/**
 * Where a date after the number would start: the number's end, or the end of the organ named after it
 * (« 1325 (2000) del Consejo de Seguridad », then « , de 31 de octubre de 2000 »).
 */
const dateFromField = 3;
/** Its list's index (`RunCitations.words`), times four, plus `datedFlag` and `aloneFlag`. */
const listField = 4;
const fieldCount = 5;
/** Some date covers the citation: its own, or one it shares with the citations before it. */
const datedFlag = 2;
/** The citation is the only one of its list: its date can move without touching others'. */
const aloneFlag = 1;

interface CitationPatterns {
  /** The citation words and the white space after them, sticky: tried where `citationWords` reads a word back from a number. */
  readonly word: RegExp;
  /** The citation words as `word` reads them (each also with a capital), longest first. */
  readonly wordForms: readonly string[];
  /** The last units of those words. */
  readonly wordLastUnits: UnitSet;
  /** An organ's name ending right before the citation word: "Human Rights Council ". */
  readonly number: RegExp;
  readonly date: RegExp;
  /** Another date right after a date: "of 25 September 2015 and 29 July 2016, respectively". */
  readonly secondDate: RegExp;
  /** A date written another way ("of December 16, 2005"): the citation is dated, date-format rewrites it. */
  readonly otherDate: RegExp;
  readonly separator: RegExp;
  /**
   * The list words ("and") as `separator` and `secondDate` try them, longest first, when each is a word
   * with no white space: those patterns are then read by code (`listPartEnd`); undefined for others.
   */
  readonly listWords: readonly string[] | undefined;
  /** The first units of `listWords`, undefined with them. */
  readonly listWordFirstUnits: UnitSet | undefined;
  /** The words that open a quoted title after a citation ("entitled"), longest first; none for a style that names none. */
  readonly titleWords: readonly string[];
  /** The words that open a citation's unquoted subject ("on"), longest first; none for a style that names none. */
  readonly subjectWords: readonly string[];
  /** The letters the style writes after a first day's digit (« 1er », « 1º »), which `date` allows there; none for most styles. */
  readonly firstDayLetters: readonly string[];
  /** Whether every citation word is a word of letters: then `word` is read by code where the unit before is ASCII (`wordStandsAt`). */
  readonly wordsOfLetters: boolean;
  /** The words that open a citation's date ("of"; « du », « en date du »), longest first, as `date` and `otherDate` read them: `,?\s+of\s+`. */
  readonly dateWords: readonly string[];
  /** The words that join an organ's name ("of", "and"). */
  readonly connectors: ReadonlySet<string>;
  /** The length of the longest of them: a longer word is none, with no string made to ask. */
  readonly longestConnector: number;
  readonly ownWords: readonly string[];
  /** The words that open an organ's name after the number, longest first, and the lower-case words inside it; undefined where the style names none there. */
  readonly organAfter: OrganAfter | undefined;
  /** What the rule writes before a date it adds: " of", « , de ». */
  readonly dateOpening: string;
  /** What the rule writes before a date it adds after an organ named after the number: « , en date du », « , de ». */
  readonly dateOpeningAfterOrgan: string;
}

/** How a style names an organ after a citation's number (`StyleData.citations.organAfter`), ready to read. */
interface OrganAfter {
  /** The words that open the name, longest first: « del », « de la », « de l’ » (no space after an apostrophe). */
  readonly words: readonly string[];
  /** The lower-case words inside a name read by its capitals (« Consejo Económico y Social »). */
  readonly connectors: ReadonlySet<string>;
  /** The language's organs, longest first (`languages.json`): names with lower-case words (« Conseil de sécurité ») are read by these. */
  readonly organs: readonly string[];
  /** A part of a resolution named right before the citation word (« du paragraphe 5 de la »), tried on the text before it; undefined where the style names none. */
  readonly partBefore: RegExp | undefined;
}

const patternCache = new WeakMap<StyleData, CitationPatterns>();

function patternsOf(style: CitationStyle): CitationPatterns {
  let patterns = patternCache.get(style);
  if (!patterns) {
    const space = '[\\s\\u00A0]';
    const words = style.citations.words;
    const wordForms = [...new Set([...words, ...words.map((word) => word.charAt(0).toUpperCase() + word.slice(1))])].filter((word) => word !== '').sort((a, b) => b.length - a.length);
    const wordAlternation = alternation(wordForms);
    const listWord = alternation(style.citations.listWords);
    const month = alternation(style.months);
    // The words the style's date writes between its parts (« 16 de diciembre de 2005 »), each then needed.
    const joints = dateJointsOf(style);
    const joint = (word: string): string => (word === '' ? '' : `${escapeForPattern(word)}${space}+`);
    // « le 1er mars 2007 »: the first day as the style writes it is a day of a right date.
    const date = `(\\d{1,2})${firstDayLettersPattern(style)}${space}+${joint(joints.dayMonth)}(${month})${space}+${joint(joints.monthYear)}(\\d{4})(?![\\p{L}\\p{N}])`;
    const anyYearJoint = joints.monthYear === '' ? '' : `(?:${escapeForPattern(joints.monthYear)}${space}+)?`;
    const anyDayJoint = alternation([style.citations.dateWord, joints.dayMonth].filter((word) => word !== ''));
    // « résolution 242 (1967) du Conseil de sécurité, en date du 22 novembre 1967 »: other words that open a date.
    const dateWords = [...new Set([style.citations.dateWord, ...(style.citations.otherDateWords ?? [])])].sort((a, b) => b.length - a.length);
    const dateOpener = dateWords.length === 1 ? (dateWords[0] as string) : alternation(dateWords);
    // What a date the rule adds opens with: " of", « , de ».
    const dateOpening = `${style.citations.commaBeforeDate ? ',' : ''} ${style.citations.dateWord}`;
    // A date written another way ("16 december 2005", "Dec. 16, 2005", "16th of December 2005", "16/12/2005")
    // is a date too: the citation has one, which date-format rewrites; this rule must not add another.
    const anyMonth = alternation(monthsWrittenAnyWay(style));
    // List words of one word each are read by code (`listWords`); others only by the patterns.
    const listWordsByCode = style.citations.listWords.length > 0 && style.citations.listWords.every((word) => /^\S+$/u.test(word)) ? [...style.citations.listWords].sort((a, b) => b.length - a.length) : undefined;
    patterns = {
      word: new RegExp(`(?<![\\p{L}\\p{N}])${wordAlternation}(?![\\p{L}\\p{N}])${space}+`, 'uy'),
      wordForms,
      wordLastUnits: new UnitSet(wordForms.map((word) => word.charCodeAt(word.length - 1))),
      // "60/175", "35/142 B", "ES-10/24", "2005/13"; "217 A (III)", "1653 (XVI)", "2231 (2015)"
      number: /(?:(?:ES-|S-)?\d{1,4}\/\d{1,4}(?:[ \u00A0][A-Z](?![\p{L}\p{N}]))?|\d{1,4}(?:[ \u00A0][A-Z])?[ \u00A0]\((?:[IVXLC]+|ES-[IVXLC]+|S-[IVXLC]+|\d{4})\))(?![\p{L}\p{N}/])/uy,
      date: new RegExp(`,?${space}+${dateOpener}${space}+${date}`, 'uy'),
      otherDate: new RegExp(
        `,?${space}+${dateOpener}${space}+(?:${anyMonth}${space}+\\d{1,2}\\p{L}{0,3},?${space}+\\d{4}|\\d{1,2}\\p{L}{0,3}${space}+(?:${anyDayJoint}${space}+)?${anyMonth},?${space}+${anyYearJoint}\\d{4}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{4}|\\d{4}-\\d{2}-\\d{2})(?![\\p{L}\\p{N}])`,
        'uy',
      ),
      secondDate: new RegExp(`(?:,${space}*|${space}+${listWord}${space}+)${date}`, 'uy'),
      separator: new RegExp(`(?:,${space}*(?:${listWord}${space}+)?|${space}+${listWord}${space}+)`, 'uy'),
      titleWords: [...(style.citations.titleWords ?? [])].sort((a, b) => b.length - a.length),
      subjectWords: [...(style.citations.subjectWords ?? [])].sort((a, b) => b.length - a.length),
      listWords: listWordsByCode,
      listWordFirstUnits: listWordsByCode && new UnitSet(listWordsByCode.map((word) => word.charCodeAt(0))),
      firstDayLetters: firstDayLetters(style),
      wordsOfLetters: wordForms.every((word) => /^[\p{L}\p{M}]+$/u.test(word)),
      dateWords,
      connectors: new Set(style.citations.organConnectors),
      longestConnector: Math.max(0, ...style.citations.organConnectors.map((word) => word.length)),
      ownWords: style.citations.ownOrganWords.map((word) => word.toLowerCase()),
      organAfter: style.citations.organAfter
        ? {
          words: [...style.citations.organAfter.words].sort((a, b) => b.length - a.length),
          connectors: new Set(style.citations.organAfter.connectors),
          organs: (languageConventions.find((conventions) => conventions.language === style.language)?.organs ?? []).slice().sort((a, b) => b.length - a.length),
          partBefore: style.citations.organAfter.partWords
            ? new RegExp(`(?<![\\p{L}])${alternation(style.citations.organAfter.partWords)}[\\s\\u00A0]+\\d{1,3}(?:[\\s\\u00A0]*\\(?\\p{Ll}{1,4}\\))?[\\s\\u00A0]+${alternation([...style.citations.organAfter.words, 'de'])}[\\s\\u00A0]*$`, 'iu')
            : undefined,
        }
        : undefined,
      dateOpening,
      dateOpeningAfterOrgan: style.citations.organAfter?.dateOpening ?? dateOpening,
    };
    patternCache.set(style, patterns);
  }
  return patterns;
}

/**
 * Where the citation words of `text` ("resolution", "Resolutions" …) that a number follows start and
 * end, the white space after them included (start, end, start, end …), in text order: those of a global
 * search for `word` whose match a number (`number`) may follow. Words that no number follows ("the
 * present resolution and") cite nothing, and a run that holds only those makes no list.
 *
 * A number opens with a digit, "S-" or "ES-", so each word is read back from a run of digits of the
 * text (`digitRuns`, which the date rules read too): past "S-" or "ES-", the white space, and a word
 * ending there, where the pattern, tried at its start, must match up to the number. The words were
 * found before by a native search for their ending along every run ("ution" of "resolution"): about
 * as many instructions (memchr's few per unit), but a third of the rule's time on the corpus, reading
 * all its 1.7 MB of run text; its 8,900 runs of digits are passed by a unit or two each (the rule alone
 * on a parsed corpus, runs and their digits made: 1.27–1.83 → 0.98–1.01 ms).
 */
function citationWords(text: string, digitRuns: readonly number[], patterns: CitationPatterns): readonly number[] {
  const words = gatheredWords;
  let count = 0;
  for (let index = 0; index < digitRuns.length; index += 2) {
    const digits = digitRuns[index] as number;
    // Each unit before the number read once: a read of a run's text costs more than the rest of a turn.
    let numberStart = digits;
    let before = digits > 0 ? text.charCodeAt(digits - 1) : -1;
    if (before === 45 /* - */) {
      numberStart = numberStartAt(text, digits);
      before = numberStart < digits && numberStart > 0 ? text.charCodeAt(numberStart - 1) : -1;
    }
    // No white space before the number: most runs of digits.
    if (!isSpaceCode(before)) continue;
    let wordEnd = numberStart - 1;
    while (wordEnd > 0 && isSpaceCode((before = text.charCodeAt(wordEnd - 1)))) wordEnd--;
    // No word's last unit before the white space: most of the rest.
    if (wordEnd === 0 || !patterns.wordLastUnits.has(before)) continue;
    // Longest first, as the pattern reads them: the first that matches starts where a global search finds it.
    for (const form of patterns.wordForms) {
      const start = wordEnd - form.length;
      if (start < 0 || !text.startsWith(form, start)) continue;
      if (wordStandsAt(text, start, numberStart, patterns)) {
        words[count++] = start;
        words[count++] = numberStart;
      }
      break;
    }
  }
  // Most runs cite nothing: one empty list stands for all of them.
  return count === 0 ? noWords : exactCopy(words, count);
}
const noWords: readonly number[] = [];

/** Where `citationWords` and `runCitations` gather a run's numbers before their copy (`exactCopy`): reused. */
const gatheredWords: number[] = [];
const gatheredFields: number[] = [];

/** Where a citation number whose digits start at `digits` starts: before "ES-" or "S-" ("ES-10/24"), else at its digits. */
function numberStartAt(text: string, digits: number): number {
  if (digits < 2 || text.charCodeAt(digits - 1) !== 45 /* - */) return digits;
  if (text.startsWith('ES-', digits - 3)) return digits - 3;
  return text.startsWith('S-', digits - 2) ? digits - 2 : digits;
}

/**
 * A cited number as written at text[start, end), its no-break spaces written as spaces ("35/142\u00A0B"
 * is "35/142 B"). The number pattern puts one space or no-break space between parts, never more white
 * space, so that is all the folding of white space to one space changes: the slice is searched
 * natively for one, where a loop read each unit.
 */
function numberWritten(text: string, start: number, end: number): string {
  const written = text.slice(start, end);
  return written.includes('\u00A0') ? written.replace(/\u00A0/g, ' ') : written;
}

/**
 * Whether `word` matches at `start`, where a citation word ends at the white space before `numberStart`
 * and the match must end there. It then does (a longer form would hold white space) unless a letter or
 * digit comes before `start`: read by code for an ASCII unit before, which the pattern's test cost
 * some 1,700 instructions to say (474 words on the corpus); by the pattern for any other.
 */
function wordStandsAt(text: string, start: number, numberStart: number, patterns: CitationPatterns): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 32;
  if (before >= 128 || !patterns.wordsOfLetters) return stickyEnd(patterns.word, text, start) === numberStart;
  return !((before >= 48 && before <= 57) || (before >= 65 && before <= 90) || (before >= 97 && before <= 122));
}

/**
 * Where the list word and white space at `at` end (`(?:and)\s+`, the words longest first, and all the
 * white space after), or -1.
 */
function listWordEnd(text: string, at: number, listWords: readonly string[]): number {
  for (const word of listWords) {
    if (!text.startsWith(word, at) || !isSpaceCode(text.charCodeAt(at + word.length))) continue;
    let end = at + word.length + 1;
    while (isSpaceCode(text.charCodeAt(end))) end++;
    return end;
  }
  return -1;
}

/** Where the white space from `at` ends (`at` where there is none). */
function spaceEnd(text: string, at: number): number {
  let end = at;
  while (isSpaceCode(text.charCodeAt(end))) end++;
  return end;
}

/**
 * Where `separator` matched at `at` ends, or -1: `,\s*`, with a list word and white space after it if
 * they follow, or `\s+`, a list word and `\s+`. Read by code where the list words allow
 * (`CitationPatterns.listWords`): it is tried after most numbers of a list, and most often no number follows.
 */
function separatorEnd(text: string, at: number, patterns: CitationPatterns): number {
  const code = text.charCodeAt(at);
  if (code !== 44 && !isSpaceCode(code)) return -1;
  const listWords = patterns.listWords;
  if (!listWords) return stickyEnd(patterns.separator, text, at);
  const afterSpace = spaceEnd(text, at + 1);
  if (code !== 44) return listWordEnd(text, afterSpace, listWords);
  const afterWord = listWordEnd(text, afterSpace, listWords);
  return afterWord >= 0 ? afterWord : afterSpace;
}

/**
 * Where a citation's quoted title at `at` ends (`,\s+entitled\s+“…”`, the closing quote included), or
 * `at` where none stands there: a comma, white space, a title word, white space and a quotation that
 * closes. Read by code: most citations are followed by no title.
 */
function titleEnd(text: string, at: number, titleWords: readonly string[]): number {
  if (titleWords.length === 0 || text.charCodeAt(at) !== 44 /* , */) return at;
  const wordStart = spaceEnd(text, at + 1);
  if (wordStart === at + 1) return at;
  for (const word of titleWords) {
    if (!text.startsWith(word, wordStart)) continue;
    const quoteAt = spaceEnd(text, wordStart + word.length);
    if (quoteAt === wordStart + word.length) continue;
    const closing = closingQuoteOf(text.charCodeAt(quoteAt));
    if (closing === undefined) return at;
    // Searched within a title's length only: a text of many unclosed titles must not be read to its end at each.
    const limit = Math.min(text.length, quoteAt + 1 + longestTitle);
    for (let index = quoteAt + 1; index < limit; index++) if (text.charCodeAt(index) === closing) return index + 1;
    return at;
  }
  return at;
}

/**
 * Where a citation's unquoted subject at `at` ends, before the separator of the list's next number
 * (`\s+on\s+the Convention on Cluster Munitions` before ` and 70/54`), or `at` where no subject
 * word stands there or no number of the list follows it within `longestSubject` units. A sentence's
 * end (« ; », « . », « : ») or a number that no separator brings (another citation's: "… and
 * resolution 2/2") ends the search first.
 */
function subjectEnd(text: string, at: number, patterns: CitationPatterns): number {
  if (patterns.subjectWords.length === 0) return at;
  let wordStart = text.charCodeAt(at) === 44 /* , */ ? at + 1 : at;
  if (!isSpaceCode(text.charCodeAt(wordStart))) return at;
  wordStart = spaceEnd(text, wordStart);
  // A loop, not `find` with a closure: this is asked after most listed numbers, and a closure each was 0.12 MB a corpus lint.
  let word: string | undefined;
  for (const candidate of patterns.subjectWords) {
    if (text.startsWith(candidate, wordStart) && isSpaceCode(text.charCodeAt(wordStart + candidate.length))) {
      word = candidate;
      break;
    }
  }
  if (word === undefined) return at;
  const limit = Math.min(text.length, wordStart + word.length + longestSubject);
  for (let index = wordStart + word.length; index < limit; index++) {
    const code = text.charCodeAt(index);
    if (code === 59 /* ; */ || code === 58 /* : */ || (code === 46 /* . */ && (index + 1 >= text.length || isSpaceCode(text.charCodeAt(index + 1))))) return at;
    // A separator opens with a comma, or with white space and a list word: most spaces start no list word.
    if (code === 44 || (isSpaceCode(code) && mayStartListWord(text.charCodeAt(index + 1), patterns))) {
      if (numberEndAt(text, separatorEnd(text, index, patterns), patterns) >= 0) return index;
    } else if (numberMayStartAt(text, index) && !isLetterOrDigitCode(text.charCodeAt(index - 1)) && stickyEnd(patterns.number, text, index) >= 0) {
      return at;
    }
  }
  return at;
}

/** Where a cited number at `at` ends, or -1 (also for `at` -1, a separator not found): `number`, asked only where it may start. */
function numberEndAt(text: string, at: number, patterns: CitationPatterns): number {
  return at >= 0 && numberMayStartAt(text, at) ? stickyEnd(patterns.number, text, at) : -1;
}

/**
 * Whether `number` may match at `at`: its forms open with a digit, "S-" or "ES-" (a capital S or E
 * alone, as in "Security" or "States", opens none).
 */
function numberMayStartAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (isDigitCode(code)) return true;
  if (code === 83 /* S */) return text.charCodeAt(at + 1) === 45;
  return code === 69 /* E */ && text.charCodeAt(at + 1) === 83 && text.charCodeAt(at + 2) === 45;
}

/** Whether a list word may start with `code` (any unit where the list words are not read by code). */
function mayStartListWord(code: number, patterns: CitationPatterns): boolean {
  return patterns.listWordFirstUnits === undefined || patterns.listWordFirstUnits.has(code);
}

/** Whether a unit is an ASCII letter or digit (a number's start must not follow one). */
function isLetterOrDigitCode(code: number): boolean {
  return isDigitCode(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The longest unquoted subject a list goes on past, in units ("on the implementation of the Convention on …"). */
const longestSubject = 300;

/** The longest quoted title a list goes on past, in units (the agenda items' longest titles run to some 250). */
const longestTitle = 400;

/** The quote that closes a quotation opened by `code` (“ ”, « », " "), or undefined for a unit that opens none. */
function closingQuoteOf(code: number): number | undefined {
  if (code === 0x201c) return 0x201d;
  if (code === 0xab) return 0xbb;
  return code === 0x22 ? 0x22 : undefined;
}

/**
 * Where `secondDate` matched at `at` ends, or -1. It opens with `,\s*` or `\s+`, a list word and `\s+`,
 * and then a day (`mayStartDay`): where none may stand there (most dates are followed by more words or
 * another number), the pattern is not tried.
 */
function secondDateEnd(text: string, at: number, patterns: CitationPatterns): number {
  const code = text.charCodeAt(at);
  if (code !== 44 && !isSpaceCode(code)) return -1;
  const listWords = patterns.listWords;
  if (listWords) {
    const afterSpace = spaceEnd(text, at + 1);
    let dayFollows = code === 44 && mayStartDay(text, afterSpace, patterns);
    // Each list word that may stand there, as the pattern tries them all.
    for (let index = 0; index < listWords.length && !dayFollows && code !== 44; index++) {
      const word = listWords[index] as string;
      if (text.startsWith(word, afterSpace) && isSpaceCode(text.charCodeAt(afterSpace + word.length))) dayFollows = mayStartDay(text, spaceEnd(text, afterSpace + word.length), patterns);
    }
    if (!dayFollows) return -1;
  }
  return stickyEnd(patterns.secondDate, text, at);
}

/** Whether a date of `date`'s form may start at `at`: one or two digits, then white space or the first day's letters. */
function mayStartDay(text: string, at: number, patterns: CitationPatterns): boolean {
  let end = at;
  while (end < at + 3 && isDigitCode(text.charCodeAt(end))) end++;
  if (end === at || end > at + 2) return false;
  if (isSpaceCode(text.charCodeAt(end))) return true;
  for (const letters of patterns.firstDayLetters) if (text.startsWith(letters, end)) return true;
  return false;
}

/**
 * Where the day may start after the opening that `date` and `otherDate` share at `at` (`,?\s+`, the
 * date word and `\s+`; the word is data, written into the patterns as it is), or -1 where it does not
 * stand there. Read by code: most numbers are dated by none, or are followed by a separator.
 */
function afterDateWord(text: string, at: number, dateWords: readonly string[]): number {
  let position = text.charCodeAt(at) === 44 /* , */ ? at + 1 : at;
  if (!isSpaceCode(text.charCodeAt(position))) return -1;
  while (isSpaceCode(text.charCodeAt(position))) position++;
  // The style's words, longest first (« en date du » before « du »): most styles have one.
  for (const dateWord of dateWords) {
    // A style with no date word leaves the patterns to say the rest.
    if (dateWord === '') return position;
    if (!text.startsWith(dateWord, position) || !isSpaceCode(text.charCodeAt(position + dateWord.length))) continue;
    let after = position + dateWord.length;
    while (isSpaceCode(text.charCodeAt(after))) after++;
    return after;
  }
  return -1;
}

/**
 * The date that `date` matched at [start, end), as the style writes it: `,?\s+`, the date word, `\s+`,
 * the day, `\s+`, a month's name, `\s+` and the year's four digits, which end the match. Its parts are
 * read back by code rather than matched with `exec`: a match object, its captures and the date's string
 * were most of what the rule allocated, at every dated citation. The day starts at `afterDateWord`.
 */
function readCitedDate(text: string, start: number, end: number, style: StyleData, dateWords: readonly string[]): string {
  let position = afterDateWord(text, start, dateWords);
  let day = 0;
  for (; isDigitCode(text.charCodeAt(position)); position++) day = 10 * day + text.charCodeAt(position) - 48;
  // « 1er »: the letters after the first day's digit, which the pattern allowed there.
  if (day === 1) position += firstDayLettersAt(style, text, position);
  while (isSpaceCode(text.charCodeAt(position))) position++;
  // « 16 de diciembre de 2005 »: the words between the parts, which `date` asks for where the style writes them.
  const joints = dateJointsOf(style);
  if (joints.dayMonth !== '') {
    position += joints.dayMonth.length;
    while (isSpaceCode(text.charCodeAt(position))) position++;
  }
  const yearStart = end - 4;
  let monthEnd = yearStart;
  while (isSpaceCode(text.charCodeAt(monthEnd - 1))) monthEnd--;
  if (joints.monthYear !== '') {
    monthEnd -= joints.monthYear.length;
    while (isSpaceCode(text.charCodeAt(monthEnd - 1))) monthEnd--;
  }
  let month = -1;
  for (let index = 0; index < style.months.length && month < 0; index++) {
    const name = style.months[index] as string;
    if (name.length === monthEnd - position && text.startsWith(name, position)) month = index;
  }
  return writtenDate(style, day, month, text, yearStart);
}

/** Dates as the style writes them, by day, month and year, per style: most drafts cite a few dates many times. */
const writtenDates = new WeakMap<StyleData, Map<number, string>>();
/** How many written dates a style keeps before it starts again: a text of endless distinct dates cannot grow it without end. */
const mostWrittenDates = 4096;

/**
 * `writeDate` for the year of four digits at `text[yearStart, yearStart + 4)`, the same string each time
 * a date recurs: the year is sliced only for a date not written before. Not a copy of the text (its
 * pieces are the style's and a four-unit slice, which V8 copies), so a session may keep it.
 */
function writtenDate(style: StyleData, day: number, month: number, text: string, yearStart: number): string {
  if (month < 0) return writeDate(style, day, month, text.slice(yearStart, yearStart + 4));
  let written = writtenDates.get(style);
  if (!written) {
    written = new Map();
    writtenDates.set(style, written);
  }
  // A day is one or two digits, so up to 99 ("40 December" is a slip the pattern reads): a key of its own for each.
  const key = (digitsValue(text, yearStart, yearStart + 4) * style.months.length + month) * 100 + day;
  let value = written.get(key);
  if (value === undefined) {
    if (written.size >= mostWrittenDates) written.clear();
    value = writeDate(style, day, month, text.slice(yearStart, yearStart + 4));
    written.set(key, value);
  }
  return value;
}

/** Where a match of `pattern` (sticky, never empty) tried at `at` ends, or -1: `test`, and no match object. */
function stickyEnd(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

/** Whether the unit at `position` changes when lower-cased: a capital ("General", "Économique"). */
function isCapitalUnit(text: string, position: number): boolean {
  const code = text.charCodeAt(position);
  if (code < 128) return code >= 65 && code <= 90;
  const unit = text[position] as string;
  return unit !== unit.toLowerCase();
}

/**
 * Where the run of capitalised words (with connectors such as "of", "and" between them) starts that
 * ends at `at` with white space: "General Assembly " of "… by General Assembly ". -1 for none. Read
 * backwards, in the text from `lower` on, by code: no copy of the text before, no string per word but
 * a connector's. (The end-anchored pattern that once did this backtracked polynomially.)
 */
function capitalisedWordsStart(text: string, lower: number, at: number, connectors: ReadonlySet<string>): number {
  let start = -1;
  let position = at;
  if (position <= lower || !isSpaceCode(text.charCodeAt(position - 1))) return -1;
  for (;;) {
    const wordEnd = blanksStartBefore(text, lower, position);
    const wordStart = wordStartBefore(text, lower, wordEnd);
    if (wordStart === wordEnd) break;
    if (isCapitalUnit(text, wordStart)) start = wordStart;
    else if (start < 0 || !connectors.has(text.slice(wordStart, wordEnd))) break;
    position = wordStart;
    if (position <= lower || !isSpaceCode(text.charCodeAt(position - 1))) break;
  }
  return start;
}

/** Whether `text` holds nothing but white space before `end` (`text.slice(0, end).trim() === ''`, with no copy). */
function onlySpaceBefore(text: string, end: number): boolean {
  for (let index = 0; index < end; index++) if (!isSpaceCode(text.charCodeAt(index))) return false;
  return true;
}

/**
 * The organ named before a citation word, as written, or '' with whether none is named at all
 * ("bare") or the draft's own is ("its resolution"). Whether a named organ is the draft's own is
 * `organOf`'s question: it depends on the chapeau, not on this run's text. Read in the hundred units
 * before the word.
 */
function namedOrganBefore(run: Pick<ProseRun, 'text'>, at: number, patterns: CitationPatterns): NamedOrgan {
  const text = run.text;
  const lower = Math.max(0, at - 100);
  const startsAt = capitalisedWordsStart(text, lower, at, patterns.connectors);
  if (startsAt < 0) {
    // The word right before, across blanks: "its resolution" cites the draft's own organ's.
    const wordEnd = blanksStartBefore(text, lower, at);
    return isOwnWord(text, wordStartBefore(text, lower, wordEnd), wordEnd, patterns.ownWords) ? ownOrganNamed : noOrganNamed;
  }
  // From `startsAt` the words are runs of letters between blanks, as `capitalisedWordsStart` read them,
  // and blanks end them: read in place, with no list of words made (most lists have no organ named:
  // "Recalling resolution 60/1").
  let organStart = startsAt;
  // The word that opens the sentence is capitalised for that reason: "Recalling resolution 60/1".
  if (opensSentence(text, startsAt)) {
    while (organStart < at && !isSpaceCode(text.charCodeAt(organStart))) organStart++;
    while (organStart < at && isSpaceCode(text.charCodeAt(organStart))) organStart++;
  }
  // "part C of resolution 60/1" names a part, not an organ: an organ's name ends in a capitalised word.
  let organEnd = blanksStartBefore(text, organStart, at);
  while (organEnd > organStart) {
    const wordStart = wordStartBefore(text, organStart, organEnd);
    if (organEnd - wordStart >= 2 && (organEnd - wordStart > patterns.longestConnector || !patterns.connectors.has(text.slice(wordStart, organEnd)))) break;
    organEnd = blanksStartBefore(text, organStart, wordStart);
  }
  if (organEnd <= organStart) return noOrganNamed;
  const organ = wordsJoined(text, organStart, organEnd);
  return { organ: detached(organ), lower: detached(organ.toLowerCase()), bare: false };
}

/** The organ whose name is text[start, end). */
function namedOrganAt(text: string, start: number, end: number): NamedOrgan {
  const organ = wordsJoined(text, start, end);
  return { organ: detached(organ), lower: detached(organ.toLowerCase()), bare: false };
}

/** Whether the word at `start` opens its sentence: nothing but white space before it, or ".", ";", ":", "!" or "?" and white space in the three units before. */
function opensSentence(text: string, start: number): boolean {
  if (onlySpaceBefore(text, start)) return true;
  const lower = Math.max(0, start - 3);
  let position = start;
  while (position > lower && isSpaceCode(text.charCodeAt(position - 1))) position--;
  if (position === lower) return false;
  const code = text.charCodeAt(position - 1);
  return code === 46 /* . */ || code === 59 /* ; */ || code === 58 /* : */ || code === 33 /* ! */ || code === 63 /* ? */;
}

/** The words of text[start, end) (it starts and ends with one) joined by one space each: the text itself where one space parts each. */
function wordsJoined(text: string, start: number, end: number): string {
  let single = true;
  for (let position = start; position < end && single; position++) {
    if (isSpaceCode(text.charCodeAt(position))) single = text.charCodeAt(position) === 32 && !isSpaceCode(text.charCodeAt(position + 1));
  }
  if (single) return text.slice(start, end);
  let joined = '';
  for (let position = start; position < end; ) {
    let wordEnd = position;
    while (wordEnd < end && !isSpaceCode(text.charCodeAt(wordEnd))) wordEnd++;
    joined += (joined === '' ? '' : ' ') + text.slice(position, wordEnd);
    position = wordEnd;
    while (position < end && isSpaceCode(text.charCodeAt(position))) position++;
  }
  return joined;
}

/** No organ named before a citation word: one value for all (a citation read every list's). */
const noOrganNamed: NamedOrgan = Object.freeze({ organ: '', lower: '', bare: true });
/** The draft's own organ's ("its resolution"). */
const ownOrganNamed: NamedOrgan = Object.freeze({ organ: '', lower: '', bare: false });

/**
 * Whether text[start, end), lower-cased, is one of `ownWords` (lower case): a word of ASCII letters
 * (most) compared unit by unit, with no string made; any other as a lower-cased slice.
 */
function isOwnWord(text: string, start: number, end: number, ownWords: readonly string[]): boolean {
  for (let at = start; at < end; at++) if (text.charCodeAt(at) >= 128) return ownWords.includes(text.slice(start, end).toLowerCase());
  for (const word of ownWords) {
    if (word.length !== end - start) continue;
    let equal = true;
    for (let index = 0; index < word.length && equal; index++) {
      const code = text.charCodeAt(start + index);
      equal = (code >= 65 && code <= 90 ? code + 32 : code) === word.charCodeAt(index);
    }
    if (equal) return true;
  }
  return false;
}

/** The organ named before a citation word, as written and lower case ('' for none), and whether none is named at all. */
interface NamedOrgan {
  readonly organ: string;
  readonly lower: string;
  readonly bare: boolean;
}

/** The organ a citation names, lower case, or '' for the draft's own organ ("its resolution", "General Assembly resolution" in an Assembly text) or for none named. */
function organOf(named: NamedOrgan, ownOrgan: string | undefined): string {
  const { organ } = named;
  if (organ === '') return '';
  if (ownOrgan && (organ === ownOrgan || endsWithWord(ownOrgan, organ))) return '';
  return named.lower;
}

/** `text.endsWith(` ${word}`)`, with no string made for the question. */
function endsWithWord(text: string, word: string): boolean {
  const spaceAt = text.length - word.length - 1;
  return spaceAt >= 0 && text.charCodeAt(spaceAt) === 32 && text.endsWith(word);
}

/** The one value for every run that cites nothing (most): never changed, as nothing is read for it. */
const noCitations: RunCitations = Object.freeze({ numbers: [], fields: [], words: [], named: undefined, dates: undefined, organsAfter: undefined });

/**
 * The citations in a run of prose, in run offsets (see `RunCitations`): a pure function of its text
 * (`digitRuns` come from it), so a session keeps it from one version of the draft to the next.
 * Strings kept are copies (see `detached`); lists, copies of their exact length (see `exactCopy`).
 */
function runCitations(run: Pick<ProseRun, 'text' | 'digitRuns'>, patterns: CitationPatterns): RunCitations {
  const words = citationWords(run.text, run.digitRuns, patterns);
  // Most runs cite nothing: one value stands for all of them (never changed).
  if (words.length === 0) return noCitations;
  const fields = gatheredFields;
  let count = 0;
  const text = run.text;
  let organsAfter: number[] | undefined;
  for (let list = 0; 2 * list < words.length; list++) {
    const wordEnd = words[2 * list + 1] as number;
    // A word that no number follows after all ("resolution 2005-12").
    const firstNumberEnd = stickyEnd(patterns.number, text, wordEnd);
    if (firstNumberEnd < 0) continue;
    // Each number and date by where it starts and ends (`test`, no match object); a date's parts are read
    // back by code, and only for a number cited more than once (see `check`).
    const listStart = count;
    /** The last citation of the list that some date follows, in the style's form (`date`) or another (date-format's to rewrite). */
    let lastDated = -1;
    let previousDated = false;
    let at = wordEnd;
    for (let end = firstNumberEnd; end >= 0; ) {
      const start = at;
      at = end;
      // « 1325 (2000) del Consejo de Seguridad »: the organ named after the number is the list's, and a date follows it.
      const organ = patterns.organAfter ? organAfterNumber(text, at, patterns.organAfter) : undefined;
      if (organ) {
        organsAfter ??= new Array<number>(words.length).fill(-1);
        organsAfter[2 * list] = organ.start;
        organsAfter[2 * list + 1] = organ.end;
        at = organ.end;
      }
      const dateFrom = at;
      // Both date patterns open with the date word: where it does not follow, neither is tried.
      const dateWordFollows = afterDateWord(text, at, patterns.dateWords) >= 0;
      const dateEnd = dateWordFollows ? stickyEnd(patterns.date, text, at) : -1;
      let shared = false;
      const otherDateEnd = dateEnd >= 0 || !dateWordFollows ? -1 : stickyEnd(patterns.otherDate, text, at);
      if (otherDateEnd >= 0) {
        shared = true;
        at = otherDateEnd;
      } else if (dateEnd >= 0) {
        at = dateEnd;
        // "70/1 and 70/299 of 25 September 2015 and 29 July 2016, respectively": whose date is whose is not said.
        const secondEnd = secondDateEnd(text, at, patterns);
        shared = secondEnd >= 0;
        if (secondEnd >= 0) at = secondEnd;
      }
      // « du paragraphe 5 de la résolution 706 (1991) du Conseil de sécurité, en date du 4 septembre 1991 »:
      // the date may be the report's the phrase began with; the citation is dated, but by no date of its own.
      if (organ && count === listStart && patterns.organAfter?.partBefore?.test(text.slice(Math.max(0, (words[2 * list] as number) - 40), words[2 * list] as number))) shared = true;
      const dated = otherDateEnd >= 0 || dateEnd >= 0;
      // A date is the number's own where no other number shares it, and the list's first number or the one after a dated one.
      const ownDateEnd = dateEnd >= 0 && !shared && (count === listStart || previousDated) ? dateEnd : -1;
      if (dated) lastDated = count;
      previousDated = dated;
      const field = fieldCount * count++;
      fields[field + numberStartField] = start;
      fields[field + numberEndField] = end;
      fields[field + ownDateEndField] = ownDateEnd;
      fields[field + dateFromField] = dateFrom;
      let separatedAt = separatorEnd(text, at, patterns);
      // The next turn reads the number after the separator ("and 2201"); the list ends where there is none.
      let nextEnd = numberEndAt(text, separatedAt, patterns);
      if (nextEnd < 0) {
        // Unless it goes on past a title ("70/1 of 25 September 2015, entitled “Transforming our world: …”, and
        // 77/161") or a subject ("63/71 of 2 December 2008 on the Convention on Cluster Munitions and 70/54"):
        // asked only where the list would end, not after each of its numbers.
        const pastClause = subjectEnd(text, titleEnd(text, at, patterns.titleWords), patterns);
        const clauseSeparatedAt = pastClause === at ? -1 : separatorEnd(text, pastClause, patterns);
        const clauseNextEnd = numberEndAt(text, clauseSeparatedAt, patterns);
        if (clauseNextEnd >= 0) {
          separatedAt = clauseSeparatedAt;
          nextEnd = clauseNextEnd;
        }
      }
      if (separatedAt < 0) break;
      at = separatedAt;
      end = nextEnd;
    }
    // A date after several numbers may be all of theirs ("resolutions 2200 A (XXI) and 2201 (XXI) of
    // 16 December 1966"): the numbers before it are dated, but only the last one surely by that date.
    // So every number up to the last dated one is covered.
    const alone = count - listStart === 1 ? aloneFlag : 0;
    for (let listed = listStart; listed < count; listed++) {
      fields[fieldCount * listed + listField] = 4 * list + (listed <= lastDated ? datedFlag : 0) + alone;
    }
  }
  if (count === 0) return noCitations;
  const numbers: string[] = new Array<string>(count);
  for (let index = 0; index < count; index++) {
    numbers[index] = detached(numberWritten(text, fields[fieldCount * index + numberStartField] as number, fields[fieldCount * index + numberEndField] as number));
  }
  return { numbers, fields: exactCopy(fields, fieldCount * count), words, named: undefined, dates: undefined, organsAfter };
}

/**
 * The organ named right after a number at `at`, in a style that names it there: white space, an
 * opening word (« del », « de la », « du », « de l’ »), white space (none after an apostrophe), and
 * one of the language's organs (« Conseil de sécurité ») or capitalised words with lower-case ones of
 * `connectors` between them, ending in a capitalised one (« Consejo Económico y Social »). Where its
 * words start and end, or undefined for none.
 */
function organAfterNumber(text: string, at: number, organAfter: OrganAfter): Span | undefined {
  if (!isSpaceCode(text.charCodeAt(at))) return undefined;
  let position = at;
  while (isSpaceCode(text.charCodeAt(position))) position++;
  const opening = organAfter.words.find((word) => text.startsWith(word, position) && (isApostrophe(word.charCodeAt(word.length - 1)) || isSpaceCode(text.charCodeAt(position + word.length))));
  if (opening === undefined) return undefined;
  position += opening.length;
  while (isSpaceCode(text.charCodeAt(position))) position++;
  const start = position;
  const organ = organAfter.organs.find((name) => text.startsWith(name, start) && !isLetterOrDigitAt(text, start + name.length));
  if (organ !== undefined) return { start, end: start + organ.length };
  let end = -1;
  for (;;) {
    let wordEnd = position;
    while (wordEnd < text.length && !isSpaceCode(text.charCodeAt(wordEnd)) && !isOrganStop(text.charCodeAt(wordEnd))) wordEnd++;
    if (wordEnd === position) break;
    if (isCapitalUnit(text, position)) end = wordEnd;
    else if (end < 0 || !organAfter.connectors.has(text.slice(position, wordEnd))) break;
    // A comma, a semicolon or a bracket ends the name (« del Consejo de Seguridad, de … »).
    if (wordEnd >= text.length || !isSpaceCode(text.charCodeAt(wordEnd))) break;
    position = wordEnd;
    while (isSpaceCode(text.charCodeAt(position))) position++;
  }
  return end > start ? { start, end } : undefined;
}

function isApostrophe(code: number): boolean {
  return code === 39 /* ' */ || code === 0x2019 /* ’ */;
}

/** Whether a letter or a digit stands at `offset` (a known organ's name must end a word). */
function isLetterOrDigitAt(text: string, offset: number): boolean {
  return offset < text.length && /[\p{L}\p{N}]/u.test(text[offset] as string);
}

/** Units that end an organ's name read after a number: punctuation and brackets. */
function isOrganStop(code: number): boolean {
  return code === 44 /* , */ || code === 59 /* ; */ || code === 46 /* . */ || code === 58 /* : */ || code === 40 /* ( */ || code === 41 /* ) */ || code === 91 /* [ */;
}

/**
 * The organ named before the word of a run's list, or null where the word is quoted: read once, and
 * kept with the run's citations (several of a list cite numbers cited more than once).
 */
function namedOf(cited: RunCitations, list: number, run: ProseRun, patterns: CitationPatterns): NamedOrgan | null {
  const named = (cited.named ??= new Array<NamedOrgan | null | undefined>(cited.words.length >> 1));
  let organ = named[list];
  if (organ === undefined) {
    const wordStart = cited.words[2 * list] as number;
    const afterStart = cited.organsAfter?.[2 * list] ?? -1;
    organ = isQuoted(run, wordStart, cited.words[2 * list + 1] as number) ? null
      : afterStart >= 0 ? namedOrganAt(run.text, afterStart, cited.organsAfter?.[2 * list + 1] as number)
      : namedOrganBefore(run, wordStart, patterns);
    named[list] = organ;
  }
  return organ;
}

/** A citation's own date as the style writes it, or undefined for none: read once, and kept with the run's citations. */
function ownDateOf(cited: RunCitations, index: number, text: string, style: StyleData, dateWords: readonly string[]): string | undefined {
  const ownDateEnd = cited.fields[fieldCount * index + ownDateEndField] as number;
  if (ownDateEnd < 0) return undefined;
  const dates = (cited.dates ??= new Array<string | undefined>(cited.numbers.length));
  return (dates[index] ??= readCitedDate(text, cited.fields[fieldCount * index + dateFromField] as number, ownDateEnd, style, dateWords));
}

/**
 * The citations of the draft that take part in a finding, grouped by the resolution they name (its
 * organ and number): three numbers each in one typed list, off the collected heap (its run, its index
 * there, the next of its group), where an object a citation and a list a resolution were what the
 * rule kept alive on a long draft. A group is a chain in text order, from its first citation.
 */
class CitationGroups {
  /** Per citation, `groupFields` numbers: its run's index (in `runs`), its index in the run's citations, the next citation of its group (-1 at the last). */
  readonly links: Int32Array;
  count = 0;
  /** Each group's first and last citation, by the group's index: groups in the order their first citation comes. */
  readonly firsts: number[] = [];
  private readonly lasts: number[] = [];
  private readonly groupOf = new Map<string, number>();

  constructor(
    readonly runs: readonly ProseRun[],
    readonly cited: readonly RunCitations[],
    most: number,
  ) {
    this.links = new Int32Array(groupFields * most);
  }

  add(key: string, run: number, index: number): void {
    const citation = this.count++;
    const links = this.links;
    links[groupFields * citation] = run;
    links[groupFields * citation + 1] = index;
    links[groupFields * citation + 2] = -1;
    const group = this.groupOf.get(key);
    if (group === undefined) {
      this.groupOf.set(key, this.firsts.length);
      this.firsts.push(citation);
      this.lasts.push(citation);
    } else {
      links[groupFields * (this.lasts[group] as number) + 2] = citation;
      this.lasts[group] = citation;
    }
  }

  next(citation: number): number {
    return this.links[groupFields * citation + 2] as number;
  }

  run(citation: number): ProseRun {
    return this.runs[this.links[groupFields * citation] as number] as ProseRun;
  }

  /** The run's citations that hold it, and its index among them. */
  citedWith(citation: number): RunCitations {
    return this.cited[this.links[groupFields * citation] as number] as RunCitations;
  }

  index(citation: number): number {
    return this.links[groupFields * citation + 1] as number;
  }

  field(citation: number, field: number): number {
    return this.citedWith(citation).fields[fieldCount * this.index(citation) + field] as number;
  }

  number(citation: number): string {
    return this.citedWith(citation).numbers[this.index(citation)] as string;
  }

  /** Its own date, read when the citation was added (see `groupedCitations`). */
  ownDate(citation: number): string | undefined {
    return this.citedWith(citation).dates?.[this.index(citation)];
  }

  place(citation: number): Span {
    return draftSpan(this.run(citation), this.field(citation, numberStartField), this.field(citation, numberEndField));
  }
}
const groupFields = 3;

/**
 * The citations of the draft that can take part in a finding, grouped by the resolution each names:
 * those of a number cited more than once, unquoted. A number cited once is one resolution cited once,
 * which has neither two dates nor a later one; so the organ before it and the quotations of its run,
 * the costliest of what a citation reads, are read only for the others (some two fifths of the
 * corpus's); so are their dates.
 *
 * Which resolution each names: its organ and number. A bare "resolution 5/1" after "Human Rights
 * Council resolution 5/1" is the Council's, unless the draft cited its own 5/1 first.
 */
function groupedCitations(draft: Draft, style: CitationStyle, context: RuleContext): CitationGroups | undefined {
  const patterns = patternsOf(style);
  // The runs that cite, and their citations, side by side (no object for the pair); and the numbers cited more than once.
  const citingRuns: ProseRun[] = [];
  const citedInRuns: RunCitations[] = [];
  const seen = new Set<string>();
  const repeated = new Set<string>();
  let citationCount = 0;
  const scan = (run: ProseRun): RunCitations => runCitations(run, patterns);
  const runs = bodyProse(draft);
  for (let runIndex = 0; runIndex < runs.length; runIndex++) {
    const run = runs[runIndex] as ProseRun;
    const cited = context.perRun(run, scan);
    const numbers = cited.numbers;
    if (numbers.length === 0) continue;
    citingRuns.push(run);
    citedInRuns.push(cited);
    citationCount += numbers.length;
    for (let index = 0; index < numbers.length; index++) {
      const number = numbers[index] as string;
      if (seen.has(number)) repeated.add(number);
      else seen.add(number);
    }
  }
  if (repeated.size === 0) return undefined;
  const ownOrgan = draft.parts.find((part) => part.chapeau)?.chapeau?.organ;
  const dateWords = patterns.dateWords;
  const groups = new CitationGroups(citingRuns, citedInRuns, citationCount);
  const namedOrgan = new Map<string, string>();
  const citedAsOwn = new Set<string>();
  for (let runIndex = 0; runIndex < citingRuns.length; runIndex++) {
    const run = citingRuns[runIndex] as ProseRun;
    const cited = citedInRuns[runIndex] as RunCitations;
    const { numbers, fields } = cited;
    for (let index = 0; index < numbers.length; index++) {
      const number = numbers[index] as string;
      if (!repeated.has(number)) continue;
      const named = namedOf(cited, (fields[fieldCount * index + listField] as number) >> 2, run, patterns);
      if (named === null) continue;
      ownDateOf(cited, index, run.text, style, dateWords);
      let organ = organOf(named, ownOrgan);
      if (organ !== '') {
        if (!namedOrgan.has(number)) namedOrgan.set(number, organ);
      } else if (!(named.organ === '' && named.bare) || !namedOrgan.has(number)) {
        citedAsOwn.add(number);
      } else if (!citedAsOwn.has(number)) {
        organ = namedOrgan.get(number) ?? '';
      }
      // The draft's own resolutions by their number alone (a number never holds "|").
      groups.add(organ === '' ? number : `${organ}|${number}`, runIndex, index);
    }
  }
  return groups;
}

function check(draft: Draft, style: CitationStyle, context: RuleContext): void {
  const groups = groupedCitations(draft, style, context);
  if (!groups) return;
  const patterns = patternsOf(style);
  const opening = patterns.dateOpening;
  for (const first of groups.firsts) {
    // A resolution cited once has neither two dates nor a later one: most, passed before any count is made.
    if (groups.next(first) < 0) continue;
    // The first citation with a date of its own, and whether another gives another date.
    let later = -1;
    let severalDates = false;
    for (let citation = first; citation >= 0; citation = groups.next(citation)) {
      const date = groups.ownDate(citation);
      if (date === undefined) continue;
      if (later < 0) later = citation;
      else if (date !== groups.ownDate(later)) severalDates = true;
    }
    if (severalDates) {
      reportSeveralDates(groups, first, patterns.dateWords, context);
      continue;
    }
    if (later < 0 || (groups.field(first, listField) & datedFlag) !== 0) continue;
    const value = groups.ownDate(later) as string;
    const firstRun = groups.run(first);
    const laterRun = groups.run(later);
    const number = groups.number(first);
    const place = groups.place(first);
    const laterEnd = groups.field(later, dateFromField);
    const laterDateEnd = groups.field(later, ownDateEndField);
    const edits: TextEdit[] = [];
    // The date goes after the number, or after the organ named after it.
    const firstDateFrom = groups.field(first, dateFromField);
    // After an organ named after the number, the date opens as the style writes it there (« , en date du »).
    const organNamed = firstDateFrom !== groups.field(first, numberEndField);
    const firstOpening = organNamed ? patterns.dateOpeningAfterOrgan : opening;
    if (inOneSegment(firstRun, groups.field(first, numberStartField), firstDateFrom)) {
      const at = draftSpan(firstRun, firstDateFrom, firstDateFrom).start;
      // A date set off by commas (« 60/1, de 16 de septiembre de 2005, y … ») closes with one where words go on.
      const closing = firstOpening.startsWith(',') && isSpaceCode(draft.text.charCodeAt(at)) ? ',' : '';
      edits.push({ span: { start: at, end: at }, newText: `${firstOpening} ${value}${closing}` });
      // The later date goes where nothing else can take it for its own: a citation standing alone,
      // with nothing but the date between its number and the date's end (no footnote mark).
      const removal = draftSpan(laterRun, laterEnd, laterDateEnd + closingCommaBeforeListWord(laterRun.text, laterEnd, laterDateEnd, patterns));
      const untouched = draft.text.slice(removal.start, removal.end) === laterRun.text.slice(laterEnd, laterEnd + removal.end - removal.start);
      if ((groups.field(later, listField) & aloneFlag) !== 0 && untouched && inOneSegment(laterRun, laterEnd, laterDateEnd)) edits.push({ span: removal, newText: '' });
    }
    // Quoted as the first citation would read: its number, the organ named after it, the date.
    const cited = organNamed ? firstRun.text.slice(groups.field(first, numberStartField), firstDateFrom).replace(/\s+/gu, ' ') : number;
    const dated = `${cited}${firstOpening} ${value}`;
    context.report({
      span: place,
      message: localMessage(context.lexicon, 'citation-date/first-citation', { number, dated }, `Give the date where resolution ${number} is first cited: '${dated}', not only at a later citation.`),
      related: [{ span: groups.place(later), message: localMessage(context.lexicon, 'citation-date/date-given-here', { date: value }, `The date is given here: '${value}'.`) }],
      ...(edits.length > 0 ? { fix: { title: localMessage(context.lexicon, 'fix/date-first-citation', { dated }, `Date the first citation: '${dated}'`), edits } } : {}),
    });
  }
}

/**
 * 1 where a date set off by commas (the one at `dateStart` opens with one) is closed by one before a
 * list word (« 60/1, de 16 de septiembre de 2005, y la resolución … »): the date taken out takes that
 * comma with it (« 60/1 y la resolución »); before other words (« , en la que … ») the comma stays. 0
 * otherwise.
 */
function closingCommaBeforeListWord(text: string, dateStart: number, dateEnd: number, patterns: CitationPatterns): number {
  if (text.charCodeAt(dateStart) !== 44 /* , */ || text.charCodeAt(dateEnd) !== 44 /* , */) return 0;
  const wordStart = spaceEnd(text, dateEnd + 1);
  if (wordStart === dateEnd + 1) return 0;
  return (patterns.listWords ?? []).some((word) => text.startsWith(word, wordStart) && isSpaceCode(text.charCodeAt(wordStart + word.length))) ? 1 : 0;
}

/** One resolution, several dates (the group from `first`): the date most citations give is taken for right, if there is one. */
function reportSeveralDates(groups: CitationGroups, first: number, dateWords: readonly string[], context: RuleContext): void {
  const dated: number[] = [];
  const counts = new Map<string, number>();
  for (let citation = first; citation >= 0; citation = groups.next(citation)) {
    const date = groups.ownDate(citation);
    if (date === undefined) continue;
    dated.push(citation);
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const majority = (ranked[0]?.[1] ?? 0) > (ranked[1]?.[1] ?? 0) ? ranked[0]?.[0] : undefined;
  const referenceDate = majority ?? (groups.ownDate(dated[0] as number) as string);
  const reference = dated.find((citation) => groups.ownDate(citation) === referenceDate) as number;
  for (const citation of dated) {
    const date = groups.ownDate(citation) as string;
    if (date === referenceDate) continue;
    const run = groups.run(citation);
    // The date's value, from its day to its year: the day starts where `readCitedDate` read it.
    const valueStart = afterDateWord(run.text, groups.field(citation, dateFromField), dateWords);
    const dateEnd = groups.field(citation, ownDateEndField);
    const dateSpan = draftSpan(run, valueStart, dateEnd);
    const fix: Fix | undefined = majority && inOneSegment(run, valueStart, dateEnd) ? { title: localMessage(context.lexicon, 'fix/write', { right: majority }, `Write '${majority}'`), edits: [{ span: dateSpan, newText: majority }] } : undefined;
    context.report({
      span: dateSpan,
      message: localMessage(context.lexicon, 'citation-date/two-dates', { number: groups.number(citation), date, other: referenceDate },
        `Resolution ${groups.number(citation)} is cited with two dates: '${date}' here, '${referenceDate}' elsewhere.`),
      related: [{ span: groups.place(reference), message: localMessage(context.lexicon, 'citation-date/cited-with', { date: referenceDate }, `Cited with '${referenceDate}' here.`) }],
      ...(fix ? { fix } : {}),
    });
  }
}

export const citationDateRule: Rule = {
  id: 'citation-date',
  description: 'One resolution is cited with one date everywhere; the date is given at its first citation, not only at a later one.',
  defaultSeverity: 'warning',
  fixable: true,
  needsLexicon: true,
  check(draft, context) {
    const style = styleFor(draft.language);
    if (!hasStyleParts(style, 'citations')) return;
    check(draft, style, context);
  },
};
