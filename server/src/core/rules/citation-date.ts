import { isSpaceCode } from '../parse/lines';
import { blanksStartBefore, wordStartBefore } from '../text-ends';
import type { Fix, TextEdit } from '../findings';
import { styleFor, type StyleData } from '../lexicon/lexicon';
import { alternation, firstDayLettersPattern, monthsWrittenAnyWay, writeDate } from '../lexicon/style';
import type { Draft, Span } from '../model';
import { bodyProse, draftSpan, inOneSegment, isQuoted, type ProseRun } from '../prose';
import type { Rule, RuleContext } from '../rule';
import { isDigitCode, UnitSet } from '../text-scan';
import { detached } from '../text-memo';

/** One resolution cited in the text: "60/175" of "resolutions 53/72 of 4 December 1998, 60/175 and …". */
interface Citation {
  readonly run: ProseRun;
  /** The organ named before it, lower case; empty for the draft's own ("its resolution") or none named. */
  readonly organ: string;
  /** Whether no organ is named at all ("in resolution 5/1"): it may be the one named at an earlier citation. */
  readonly bare: boolean;
  /** The number as written, spaces collapsed: "60/175", "35/142 B", "2231 (2015)". */
  readonly number: string;
  /** Run offsets of the number. */
  readonly start: number;
  readonly end: number;
  /** The date written right after the number, when there is one and it is this citation's alone. */
  readonly date?: CitedDate;
  /** Whether some date covers the citation: its own, or one it shares with the citations before it. */
  readonly dated: boolean;
  /** Whether the citation is the only one of its list: its date can move without touching others'. */
  readonly alone: boolean;
}

/** A citation's date: from the comma or space before "of" to its year; `valueStart` is where the day is. */
interface CitedDate {
  readonly value: string;
  readonly start: number;
  readonly valueStart: number;
  readonly end: number;
}

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
  /** The word that opens a citation's date ("of"), as `date` and `otherDate` read it: `,?\s+of\s+`. */
  readonly dateWord: string;
  /** The words that join an organ's name ("of", "and"). */
  readonly connectors: ReadonlySet<string>;
  readonly ownWords: readonly string[];
}

const patternCache = new WeakMap<StyleData, CitationPatterns>();

function patternsOf(style: StyleData): CitationPatterns {
  let patterns = patternCache.get(style);
  if (!patterns) {
    const space = '[\\s\\u00A0]';
    const words = style.citations.words;
    const wordForms = [...new Set([...words, ...words.map((word) => word.charAt(0).toUpperCase() + word.slice(1))])].filter((word) => word !== '').sort((a, b) => b.length - a.length);
    const wordAlternation = alternation(wordForms);
    const listWord = alternation(style.citations.listWords);
    const month = alternation(style.months);
    // « le 1er mars 2007 »: the first day as the style writes it is a day of a right date.
    const date = `(\\d{1,2})${firstDayLettersPattern(style)}${space}+(${month})${space}+(\\d{4})(?![\\p{L}\\p{N}])`;
    // A date written another way ("16 december 2005", "Dec. 16, 2005", "16th of December 2005", "16/12/2005")
    // is a date too: the citation has one, which date-format rewrites; this rule must not add another.
    const anyMonth = alternation(monthsWrittenAnyWay(style));
    patterns = {
      word: new RegExp(`(?<![\\p{L}\\p{N}])${wordAlternation}(?![\\p{L}\\p{N}])${space}+`, 'uy'),
      wordForms,
      wordLastUnits: new UnitSet(wordForms.map((word) => word.charCodeAt(word.length - 1))),
      // "60/175", "35/142 B", "ES-10/24", "2005/13"; "217 A (III)", "1653 (XVI)", "2231 (2015)"
      number: /(?:(?:ES-|S-)?\d{1,4}\/\d{1,4}(?:[ \u00A0][A-Z](?![\p{L}\p{N}]))?|\d{1,4}(?:[ \u00A0][A-Z])?[ \u00A0]\((?:[IVXLC]+|ES-[IVXLC]+|S-[IVXLC]+|\d{4})\))(?![\p{L}\p{N}/])/uy,
      date: new RegExp(`,?${space}+${style.citations.dateWord}${space}+${date}`, 'uy'),
      otherDate: new RegExp(
        `,?${space}+${style.citations.dateWord}${space}+(?:${anyMonth}${space}+\\d{1,2}\\p{L}{0,3},?${space}+\\d{4}|\\d{1,2}\\p{L}{0,3}${space}+(?:${style.citations.dateWord}${space}+)?${anyMonth},?${space}+\\d{4}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{4}|\\d{4}-\\d{2}-\\d{2})(?![\\p{L}\\p{N}])`,
        'uy',
      ),
      secondDate: new RegExp(`(?:,${space}*|${space}+${listWord}${space}+)${date}`, 'uy'),
      separator: new RegExp(`(?:,${space}*(?:${listWord}${space}+)?|${space}+${listWord}${space}+)`, 'uy'),
      dateWord: style.citations.dateWord,
      connectors: new Set(style.citations.organConnectors),
      ownWords: style.citations.ownOrganWords.map((word) => word.toLowerCase()),
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
  // Made at the first word: most runs cite nothing.
  let words: number[] | undefined;
  for (let index = 0; index < digitRuns.length; index += 2) {
    const digits = digitRuns[index] as number;
    const numberStart = numberStartAt(text, digits);
    let wordEnd = numberStart;
    while (wordEnd > 0 && isSpaceCode(text.charCodeAt(wordEnd - 1))) wordEnd--;
    // No white space before the number, or no word's last unit before that: most runs of digits.
    if (wordEnd === numberStart || wordEnd === 0 || !patterns.wordLastUnits.has(text.charCodeAt(wordEnd - 1))) continue;
    // Longest first, as the pattern reads them: the first that matches starts where a global search finds it.
    for (const form of patterns.wordForms) {
      const start = wordEnd - form.length;
      if (start < 0 || !text.startsWith(form, start)) continue;
      if (stickyEnd(patterns.word, text, start) === numberStart) (words ??= []).push(start, numberStart);
      break;
    }
  }
  return words ?? noWords;
}
const noWords: readonly number[] = [];

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

/** Whether `number` may match at a unit: its forms open with a digit, "ES-" or "S-". */
function mayStartNumber(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 69 /* E */ || code === 83 /* S */;
}

/** Whether `separator` or `secondDate` may match at a unit: both open with a comma or white space. */
function mayStartListPart(code: number): boolean {
  return code === 44 || isSpaceCode(code);
}

/**
 * Where the day may start after the opening that `date` and `otherDate` share at `at` (`,?\s+`, the
 * date word and `\s+`; the word is data, written into the patterns as it is), or -1 where it does not
 * stand there. Read by code: most numbers are dated by none, or are followed by a separator.
 */
function afterDateWord(text: string, at: number, dateWord: string): number {
  let position = text.charCodeAt(at) === 44 /* , */ ? at + 1 : at;
  if (!isSpaceCode(text.charCodeAt(position))) return -1;
  while (isSpaceCode(text.charCodeAt(position))) position++;
  // A style with no date word leaves the patterns to say the rest.
  if (dateWord === '') return position;
  if (!text.startsWith(dateWord, position) || !isSpaceCode(text.charCodeAt(position + dateWord.length))) return -1;
  position += dateWord.length;
  while (isSpaceCode(text.charCodeAt(position))) position++;
  return position;
}

/**
 * The date that `date` matched at [start, end): `,?\s+`, the date word, `\s+`, the day, `\s+`, a month's
 * name, `\s+` and the year's four digits, which end the match. Its parts are read back by code rather
 * than matched with `exec`: a match object, its captures and the date's string were most of what the
 * rule allocated, at every dated citation.
 */
function readCitedDate(text: string, start: number, end: number, style: StyleData, dateWord: string): CitedDate {
  let position = afterDateWord(text, start, dateWord);
  const valueStart = position;
  let day = 0;
  for (; isDigitCode(text.charCodeAt(position)); position++) day = 10 * day + text.charCodeAt(position) - 48;
  // « 1er »: the letters after the first day's digit, which the pattern allowed there.
  if (day === 1 && style.firstDay !== undefined && text.startsWith(style.firstDay.slice(1), position)) position += style.firstDay.length - 1;
  while (isSpaceCode(text.charCodeAt(position))) position++;
  const yearStart = end - 4;
  let monthEnd = yearStart;
  while (isSpaceCode(text.charCodeAt(monthEnd - 1))) monthEnd--;
  let month = -1;
  for (let index = 0; index < style.months.length && month < 0; index++) {
    const name = style.months[index] as string;
    if (name.length === monthEnd - position && text.startsWith(name, position)) month = index;
  }
  return { value: writtenDate(style, day, month, text.slice(yearStart, end)), start, valueStart, end };
}

/** Dates as the style writes them, by day, month and year, per style: most drafts cite a few dates many times. */
const writtenDates = new WeakMap<StyleData, Map<number, string>>();
/** How many written dates a style keeps before it starts again: a text of endless distinct dates cannot grow it without end. */
const mostWrittenDates = 4096;

/**
 * `writeDate` for a year of four digits, the same string each time a date recurs. Not a copy of the
 * text (its pieces are the style's and a four-unit slice, which V8 copies), so a session may keep it.
 */
function writtenDate(style: StyleData, day: number, month: number, year: string): string {
  if (month < 0) return writeDate(style, day, month, year);
  let written = writtenDates.get(style);
  if (!written) {
    written = new Map();
    writtenDates.set(style, written);
  }
  // A day is one or two digits, so up to 99 ("40 December" is a slip the pattern reads): a key of its own for each.
  const key = (Number(year) * style.months.length + month) * 100 + day;
  let value = written.get(key);
  if (value === undefined) {
    if (written.size >= mostWrittenDates) written.clear();
    value = writeDate(style, day, month, year);
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
    const previous = text.slice(wordStartBefore(text, lower, wordEnd), wordEnd);
    return { organ: '', lower: '', bare: !patterns.ownWords.includes(previous.toLowerCase()) };
  }
  let words = text.slice(startsAt, at).trim().split(/[\s\u00A0]+/);
  // The word that opens the sentence is capitalised for that reason: "Recalling resolution 60/1".
  const opening = onlySpaceBefore(text, startsAt) || /[.;:!?][\s\u00A0]*$/.test(text.slice(Math.max(0, startsAt - 3), startsAt));
  if (opening) words = words.slice(1);
  // "part C of resolution 60/1" names a part, not an organ: an organ's name ends in a capitalised word.
  const connectors = patterns.connectors;
  while (words.length > 0 && (connectors.has(words[words.length - 1] ?? '') || (words[words.length - 1] ?? '').length < 2)) words = words.slice(0, -1);
  const organ = words.join(' ');
  return organ === '' ? { organ: '', lower: '', bare: true } : { organ: detached(organ), lower: detached(organ.toLowerCase()), bare: false };
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
  if (ownOrgan && (organ === ownOrgan || ownOrgan.endsWith(` ${organ}`))) return '';
  return named.lower;
}

/**
 * A citation as read from its run's text alone, in run offsets (see `Citation`). Whether its word is
 * quoted, and the organ named before it, are read only for a number cited more than once (see
 * `readCitations`), and kept here once read: like the rest, they depend on the run's text alone.
 */
type RunCitation = Omit<Citation, 'run' | 'organ' | 'bare' | 'date'> & {
  /** Where the citation word of its list starts and ends ("resolutions " of "resolutions 60/1 and 60/2"). */
  readonly wordStart: number;
  readonly wordEnd: number;
  /** The organ named before the word; null where the word is quoted (the list cites nothing); undefined until read. */
  named: NamedOrgan | null | undefined;
  /** Where the citation's own date ends (it starts at `end`); -1 for none. */
  readonly ownDateEnd: number;
  /** That date, read from the text only for a number cited more than once; undefined until read. */
  date: CitedDate | undefined;
};

const noCitations: readonly RunCitation[] = [];

/**
 * The citations in a run of prose, in run offsets: a pure function of its text (`digitRuns` come from
 * it), so a session keeps it from one version of the draft to the next. Strings kept are copies (see `detached`).
 */
function runCitations(run: Pick<ProseRun, 'text' | 'digitRuns'>, patterns: CitationPatterns): readonly RunCitation[] {
  const words = citationWords(run.text, run.digitRuns, patterns);
  // Most runs cite nothing: one empty list stands for all of them (never changed).
  if (words.length === 0) return noCitations;
  // Filled in as each list is read: whether a citation is dated, and alone, is known at its list's end.
  const citations: { -readonly [Key in keyof RunCitation]: RunCitation[Key] }[] = [];
  const text = run.text;
  for (let index = 0; index < words.length; index += 2) {
    const wordStart = words[index] as number;
    const wordEnd = words[index + 1] as number;
    // A word that no number follows after all ("resolution 2005-12").
    const firstNumberEnd = stickyEnd(patterns.number, text, wordEnd);
    if (firstNumberEnd < 0) continue;
    // Each number and date by where it starts and ends (`test`, no match object); a date's parts are read
    // back by code, and only for a number cited more than once (see `readCitations`).
    // Each number becomes its citation as it is read, with no list of the numbers made first.
    const listStart = citations.length;
    /** The last citation of the list that some date follows, in the style's form (`date`) or another (date-format's to rewrite). */
    let lastDated = -1;
    let previousDated = false;
    let at = wordEnd;
    for (let end = firstNumberEnd; end >= 0; ) {
      const start = at;
      at = end;
      // Both date patterns open with the date word: where it does not follow, neither is tried.
      const dateWordFollows = afterDateWord(text, at, patterns.dateWord) >= 0;
      const dateEnd = dateWordFollows ? stickyEnd(patterns.date, text, at) : -1;
      let shared = false;
      const otherDateEnd = dateEnd >= 0 || !dateWordFollows ? -1 : stickyEnd(patterns.otherDate, text, at);
      if (otherDateEnd >= 0) {
        shared = true;
        at = otherDateEnd;
      } else if (dateEnd >= 0) {
        at = dateEnd;
        // "70/1 and 70/299 of 25 September 2015 and 29 July 2016, respectively": whose date is whose is not said.
        const secondEnd = mayStartListPart(text.charCodeAt(at)) ? stickyEnd(patterns.secondDate, text, at) : -1;
        shared = secondEnd >= 0;
        if (secondEnd >= 0) at = secondEnd;
      }
      const dated = otherDateEnd >= 0 || dateEnd >= 0;
      // A date is the number's own where no other number shares it, and the list's first number or the one after a dated one.
      const ownDateEnd = dateEnd >= 0 && !shared && (citations.length === listStart || previousDated) ? dateEnd : -1;
      if (dated) lastDated = citations.length;
      previousDated = dated;
      citations.push({ number: detached(numberWritten(text, start, end)), start, end, dated: false, alone: false, wordStart, wordEnd, named: undefined, ownDateEnd, date: undefined });
      const separatorEnd = mayStartListPart(text.charCodeAt(at)) ? stickyEnd(patterns.separator, text, at) : -1;
      if (separatorEnd < 0) break;
      // The next turn reads the number after the separator ("and 2201"); the list ends where there is none.
      at = separatorEnd;
      end = mayStartNumber(text.charCodeAt(at)) ? stickyEnd(patterns.number, text, at) : -1;
    }
    // A date after several numbers may be all of theirs ("resolutions 2200 A (XXI) and 2201 (XXI) of
    // 16 December 1966"): the numbers before it are dated, but only the last one surely by that date.
    // So every number up to the last dated one is covered.
    const alone = citations.length - listStart === 1;
    for (let listed = listStart; listed < citations.length; listed++) {
      const citation = citations[listed] as (typeof citations)[number];
      citation.dated = listed <= lastDated;
      citation.alone = alone;
    }
  }
  return citations;
}

/**
 * The citations of the draft that can take part in a finding: those of a number cited more than
 * once, unquoted, with their organs. A number cited once is one resolution cited once, which has
 * neither two dates nor a later one; so the organ before it and the quotations of its run, the
 * costliest of what a citation reads, are read only for the others (some two fifths of the corpus's).
 */
function readCitations(draft: Draft, style: StyleData, context: RuleContext): Citation[] {
  const patterns = patternsOf(style);
  const ownOrgan = draft.parts.find((part) => part.chapeau)?.chapeau?.organ;
  // The runs that cite, and their citations, side by side (no object for the pair); and the numbers cited more than once.
  const citingRuns: ProseRun[] = [];
  const citedInRuns: (readonly RunCitation[])[] = [];
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const scan = (run: ProseRun): readonly RunCitation[] => runCitations(run, patterns);
  for (const run of bodyProse(draft)) {
    const cited = context.perRun(run, scan);
    if (cited.length === 0) continue;
    citingRuns.push(run);
    citedInRuns.push(cited);
    for (const citation of cited) {
      if (seen.has(citation.number)) repeated.add(citation.number);
      else seen.add(citation.number);
    }
  }
  const citations: Citation[] = [];
  if (repeated.size === 0) return citations;
  for (let runIndex = 0; runIndex < citingRuns.length; runIndex++) {
    const run = citingRuns[runIndex] as ProseRun;
    const cited = citedInRuns[runIndex] as readonly RunCitation[];
    for (let index = 0; index < cited.length; index++) {
      const citation = cited[index] as RunCitation;
      if (!repeated.has(citation.number)) continue;
      const named = citation.named === undefined ? namedOf(citation, cited[index - 1], run, patterns) : citation.named;
      if (named === null) continue;
      // One object a citation, its fields named.
      citations.push({
        run,
        organ: organOf(named, ownOrgan),
        bare: named.organ === '' && named.bare,
        number: citation.number,
        start: citation.start,
        end: citation.end,
        date: citation.ownDateEnd < 0 ? undefined : (citation.date ??= readCitedDate(run.text, citation.end, citation.ownDateEnd, style, patterns.dateWord)),
        dated: citation.dated,
        alone: citation.alone,
      });
    }
  }
  return citations;
}

/**
 * The organ named before a citation's word, or null where the word is quoted, read and kept with
 * the citation: the one before it in its run (`previous`) may be of the same list, and have read it already.
 */
function namedOf(citation: RunCitation, previous: RunCitation | undefined, run: ProseRun, patterns: CitationPatterns): NamedOrgan | null {
  let named: NamedOrgan | null;
  if (previous !== undefined && previous.wordStart === citation.wordStart && previous.named !== undefined) named = previous.named;
  else named = isQuoted(run, citation.wordStart, citation.wordEnd) ? null : namedOrganBefore(run, citation.wordStart, patterns);
  citation.named = named;
  return named;
}

function place(citation: Citation): Span {
  return draftSpan(citation.run, citation.start, citation.end);
}

function check(draft: Draft, style: StyleData, context: RuleContext): void {
  // Which resolution each citation names: its organ and number. A bare "resolution 5/1" after
  // "Human Rights Council resolution 5/1" is the Council's, unless the draft cited its own 5/1 first.
  // A citation alone under its key (most are), a list from the second on: no list per resolution cited once.
  const byKey = new Map<string, Citation | Citation[]>();
  const namedOrgan = new Map<string, string>();
  const citedAsOwn = new Set<string>();
  for (const citation of readCitations(draft, style, context)) {
    let organ = citation.organ;
    if (organ !== '') {
      if (!namedOrgan.has(citation.number)) namedOrgan.set(citation.number, organ);
    } else if (!citation.bare || !namedOrgan.has(citation.number)) {
      citedAsOwn.add(citation.number);
    } else if (!citedAsOwn.has(citation.number)) {
      organ = namedOrgan.get(citation.number) ?? '';
    }
    // The draft's own resolutions by their number alone (a number never holds "|").
    const key = organ === '' ? citation.number : `${organ}|${citation.number}`;
    const known = byKey.get(key);
    if (known === undefined) byKey.set(key, citation);
    else if (Array.isArray(known)) known.push(citation);
    else byKey.set(key, [known, citation]);
  }
  const dateWord = style.citations.dateWord;
  for (const citations of byKey.values()) {
    // A resolution cited once has neither two dates nor a later one: most, passed before any count is made.
    if (!Array.isArray(citations)) continue;
    const dated = citations.filter((citation) => citation.date);
    const counts = new Map<string, number>();
    for (const citation of dated) counts.set(citation.date?.value ?? '', (counts.get(citation.date?.value ?? '') ?? 0) + 1);
    if (counts.size > 1) {
      // One resolution, several dates: the date most citations give is taken for right, if there is one.
      const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
      const majority = (ranked[0]?.[1] ?? 0) > (ranked[1]?.[1] ?? 0) ? ranked[0]?.[0] : undefined;
      const reference = dated.find((citation) => citation.date?.value === (majority ?? dated[0]?.date?.value)) as Citation;
      for (const citation of dated) {
        const date = citation.date;
        if (!date || date.value === reference.date?.value) continue;
        const dateSpan = draftSpan(citation.run, date.valueStart, date.end);
        const fix: Fix | undefined = majority && inOneSegment(citation.run, date.valueStart, date.end)
          ? { title: `Write '${majority}'`, edits: [{ span: dateSpan, newText: majority }] }
          : undefined;
        context.report({
          span: dateSpan,
          message: `Resolution ${citation.number} is cited with two dates: '${date.value}' here, '${reference.date?.value ?? ''}' elsewhere.`,
          related: [{ span: place(reference), message: `Cited with '${reference.date?.value ?? ''}' here.` }],
          ...(fix ? { fix } : {}),
        });
      }
      continue;
    }
    const first = citations[0];
    const later = dated[0];
    if (!first || !later || first.dated || !later.date) continue;
    const value = later.date.value;
    const edits: TextEdit[] = [];
    if (inOneSegment(first.run, first.start, first.end)) {
      const at = place(first).end;
      edits.push({ span: { start: at, end: at }, newText: ` ${dateWord} ${value}` });
      // The later date goes where nothing else can take it for its own: a citation standing alone,
      // with nothing but the date between its number and the date's end (no footnote mark).
      const removal = draftSpan(later.run, later.end, later.date.end);
      const untouched = draft.text.slice(removal.start, removal.end) === later.run.text.slice(later.end, later.date.end);
      if (later.alone && untouched && inOneSegment(later.run, later.end, later.date.end)) edits.push({ span: removal, newText: '' });
    }
    context.report({
      span: place(first),
      message: `Give the date where resolution ${first.number} is first cited: '${first.number} ${dateWord} ${value}', not only at a later citation.`,
      related: [{ span: place(later), message: `The date is given here: '${value}'.` }],
      ...(edits.length > 0 ? { fix: { title: `Date the first citation: '${first.number} ${dateWord} ${value}'`, edits } } : {}),
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
    if (!style) return;
    check(draft, style, context);
  },
};
