import { styleFor, type StyleData } from '../lexicon/lexicon';
import { alternation, hasStyleParts, type StyleWith } from '../lexicon/style';
import { localMessage } from '../messages';
import { bodyProse, draftSpan, inOneSegment, isQuoted, type ProseRun } from '../prose';
import type { Rule } from '../rule';
import { initialsOf, unitAt, type UnitSet } from '../text-scan';
import { capitalize } from '../structure';

/** What the rule reads of a style: a language whose data leaves these out (Spanish) is not checked. */
type SessionStyle = StyleWith<'ordinals' | 'numeralOrdinalSuffixes' | 'sessions' | 'citations'>;

interface SessionPatterns {
  /** One ordinal in figures, or a list of them, before the word "session": "62nd and 63rd sessions". */
  readonly phrase: RegExp;
  /** Each ordinal in figures inside such a phrase. */
  readonly ordinal: RegExp;
  /** The first letters of the ordinal endings ("st", "nd" …). */
  readonly suffixInitials: UnitSet | undefined;
}

const patternCache = new WeakMap<StyleData, SessionPatterns>();

function patternsOf(style: SessionStyle): SessionPatterns {
  let patterns = patternCache.get(style);
  if (!patterns) {
    const suffix = alternation(style.numeralOrdinalSuffixes);
    const ordinal = `\\d{1,3}${suffix}`;
    // Between ordinals: a comma, "and", a range's "to" or dash ("62nd and 63rd", "52nd to 54th").
    const joinWords = [...style.citations.listWords, ...(style.sessions.rangeWords ?? [])];
    const joiner = `(?:,[ \\u00A0]|[ \\u00A0]${alternation(joinWords)}[ \\u00A0]|[ \\u00A0]?[-–][ \\u00A0]?)`;
    const qualifier = `(?:[ \\u00A0]${alternation(style.sessions.qualifiers)})?`;
    // The session word in the case the data gives ("session"): "69th Regular Session" is a title, left alone.
    patterns = {
      // Sticky, tried only where a number starts a word (see check): searched for along the whole
      // text, a repeated list like this one backtracks polynomially.
      phrase: new RegExp(`${ordinal}(?:${joiner}${ordinal})*${qualifier}[ \\u00A0]${alternation(style.sessions.words)}(?![\\p{L}\\p{N}])`, 'uy'),
      ordinal: new RegExp(`(\\d{1,3})${suffix}`, 'gu'),
      suffixInitials: initialsOf(style.numeralOrdinalSuffixes),
    };
    patternCache.set(style, patterns);
  }
  return patterns;
}

/** A letter or a digit of any script (a literal in the loop was a new RegExp at each ordinal-like number). */
const letterOrDigit = /[\p{L}\p{N}]/u;

/** A session's ordinal in figures, in run offsets, with its spelled-out form when the style has one. */
interface SessionOrdinal {
  readonly start: number;
  readonly end: number;
  readonly right?: string;
}

/**
 * The sessions' ordinals written in figures in a run of prose, in run offsets: a pure function of
 * its text, so a session of the linter keeps it from one version of the draft to the next.
 */
function sessionOrdinals(run: Pick<ProseRun, 'text' | 'digitRuns' | 'quotations'>, style: SessionStyle, patterns: SessionPatterns): readonly SessionOrdinal[] {
  // Made at the first ordinal: most runs have none, and one empty list stands for all of them (never changed).
  let found: SessionOrdinal[] | undefined;
  const text = run.text;
  const length = text.length;
  let coveredUntil = 0;
  const digitRuns = run.digitRuns;
  for (let index = 0; index < digitRuns.length; index += 2) {
    const at = digitRuns[index] as number;
    const end = digitRuns[index + 1] as number;
    // An ordinal is one to three digits and its ending ("62nd"): other numbers are passed at once. The
    // unit after a run that ends the text is not read: a `charCodeAt` past the end once made every
    // later one a call to the generic builtin (this test was three quarters of the rule's time).
    if (patterns.suffixInitials && (end - at > 3 || end >= length || !patterns.suffixInitials.has(unitAt(text, end)))) continue;
    // Inside a phrase already read ("62nd and 63rd sessions"), or inside a word or number: no start.
    if (at < coveredUntil || (at > 0 && letterOrDigit.test(text[at - 1] ?? ''))) continue;
    patterns.phrase.lastIndex = at;
    const phrase = patterns.phrase.exec(text);
    if (!phrase) continue;
    coveredUntil = phrase.index + phrase[0].length;
    if (isQuoted(run, phrase.index, coveredUntil)) continue;
    for (const numeral of phrase[0].matchAll(patterns.ordinal)) {
      const start = phrase.index + numeral.index;
      const value = Number(numeral[1]);
      const spelled = style.ordinals[value - 1];
      // A sentence's first word takes a capital.
      const sentenceStart = text.slice(0, start).trim() === '' || /[.!?][\s\u00A0]+$/.test(text.slice(Math.max(0, start - 4), start));
      const right = spelled && (sentenceStart ? capitalize(spelled) : spelled);
      (found ??= []).push({ start, end: start + numeral[0].length, ...(right ? { right } : {}) });
    }
  }
  return found ?? noOrdinals;
}
const noOrdinals: readonly SessionOrdinal[] = [];

export const sessionOrdinalRule: Rule = {
  id: 'session-ordinal',
  description: 'Sessions are spelled out, "at its sixty-second session", not "62nd session" ("84th plenary meeting" is right as it is).',
  defaultSeverity: 'warning',
  fixable: true,
  needsLexicon: true,
  check(draft, context) {
    const style = styleFor(draft.language);
    if (!hasStyleParts(style, 'ordinals', 'numeralOrdinalSuffixes', 'sessions', 'citations')) return;
    // Where only some organs' texts spell sessions out, a draft whose chapeau names another (or none) is left alone.
    const organs = style.sessions.organs;
    if (organs && !draft.parts.some((part) => part.chapeau && organs.includes(part.chapeau.organ))) return;
    const patterns = patternsOf(style);
    // Paragraphs only: footnotes cite other bodies' records by their titles ("69th Regular Session").
    const scan = (run: ProseRun): readonly SessionOrdinal[] => sessionOrdinals(run, style, patterns);
    for (const run of bodyProse(draft)) {
      const found = context.perRun(run, scan);
      if (found.length === 0) continue;
      for (const { start, end, right } of found) {
        const written = run.text.slice(start, end);
        const span = draftSpan(run, start, end);
        context.report({
          span,
          message: right
            ? localMessage(context.lexicon, 'session-ordinal/spell-out', { right, found: written }, `Spell out a session's ordinal: '${right}', not '${written}'.`)
            : localMessage(context.lexicon, 'session-ordinal/spell-out-no-form', { found: written }, `Spell out a session's ordinal, not '${written}'.`),
          ...(right && inOneSegment(run, start, end) ? { fix: { title: localMessage(context.lexicon, 'fix/write', { right }, `Write '${right}'`), edits: [{ span, newText: right }] } } : {}),
        });
      }
    }
  },
};
