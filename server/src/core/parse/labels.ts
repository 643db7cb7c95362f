// Paragraph numbers and sub-paragraph labels at the start of a paragraph.
import type { NumberLabel, NumberStyle, SubLabel } from '../model';
import { isSpace, isSpaceCode } from './lines';
import { NumberLabelNode, SpanNode, SubLabelNode } from './nodes';
import { isDigitCode } from '../text-scan';

interface NumberPattern {
  readonly style: NumberStyle;
  /** The pattern's first unit: a digit, "(" or the letter of OP/PP. A pattern is tried at its own only. */
  readonly opening: Opening;
  readonly pattern: RegExp;
}

type Opening = 'digit' | 'parenthesis' | 'letter';

// Order matters: the first pattern that matches wins. Each is anchored at the start (sticky).
const numberPatterns: readonly NumberPattern[] = [
  // "OP5 alt" is an alternative to OP5 under negotiation: like "bis", outside the 1, 2, 3 sequence (its insertSuffix is "alt").
  // Also as typed in a hurry: "Op2", "OP2:", "OP2 -" (the mark is part of the label, so that the fix rewrites it whole).
  // "OP2 Alt", "OP2 Bis", "OP1alt": the suffixes in any case, the space before them left out.
  { style: 'label', opening: 'letter', pattern: /(?:OP|PP|Op|Pp) ?(\d{1,3})(?: ?(bis|ter|quater|quinquies|sexies|septies|octies))?(?: ?(alt)\b)?(?:\.|:| ?[-\u2013\u2014])?(?=[\s\u00A0]|$)/iy },
  // Up to six digits here only: a long draft numbers paragraph 1000 "1000." (the benchmark's ten-megabyte
  // draft reaches 25000); other styles are rarer and stay at three.
  // "5 bis.", and as typed in a hurry "5bis.", "5 Bis.", "5 alt.", "5 bis alt.".
  { style: 'dot', opening: 'digit', pattern: /(\d{1,6})(?: ?([Bb]is|[Tt]er|[Qq]uater|[Qq]uinquies|[Ss]exies|[Ss]epties|[Oo]cties))?(?: ?([Aa]lt))?\.(?=[\s\u00A0]|$|[A-Z*_])/y },
  { style: 'paren-close', opening: 'digit', pattern: /(\d{1,3})\)(?=[\s\u00A0]|$)/y },
  { style: 'parens', opening: 'parenthesis', pattern: /\((\d{1,3})\)(?=[\s\u00A0]|$)/y },
  { style: 'spaced-dot', opening: 'digit', pattern: /(\d{1,3}) \.(?=[\s\u00A0]|$)/y },
  { style: 'dash', opening: 'digit', pattern: /(\d{1,3}) ?[-\u2013\u2014](?=[\s\u00A0]|$)/y },
  { style: 'comma', opening: 'digit', pattern: /(\d{1,3}),(?=[\s\u00A0]|$)/y },
  { style: 'colon', opening: 'digit', pattern: /(\d{1,3}):(?=[\s\u00A0]|$)/y },
  { style: 'ordinal', opening: 'digit', pattern: /(\d{1,3})[\u00B0\u00BA](?=[\s\u00A0]|$)/y },
  { style: 'bare', opening: 'digit', pattern: /(\d{1,3})(?: (bis|ter|quater|quinquies|sexies|septies|octies))?(?=[\s\u00A0]+[A-Z*_])/y },
];

/** An insert's suffixes in their order after the paragraph they are numbered from ("5.", "5 bis.", "5 ter." …). */
export const insertSuffixes: readonly string[] = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies'];

/** The first letters of an insert's suffix glued to its number ("5bis.", "1alt."), in either case. */
const suffixFirstCodes = new Set([...'btqsoaBTQSOA'].map((letter) => letter.charCodeAt(0)));

/**
 * The commonest number, "12. " (up to six digits, a full stop, then white space, the end, or a
 * capital, "*" or "_"), read without the patterns: what the `dot` pattern matches with no suffix,
 * and the patterns before it cannot match a digit. Undefined for anything else, left to the patterns.
 */
function plainDotNumber(text: string, offset: number): NumberLabel | undefined {
  const value = plainDotNumberValue(text, offset);
  if (value < 0) return undefined;
  let end = offset;
  while (isDigitCode(text.charCodeAt(end))) end++;
  const digits = end - offset;
  return new NumberLabelNode(new SpanNode(offset, end + 1), labelText(text, offset, end + 1, value * 8 + digits), value, 'dot', undefined);
}

/**
 * The value of the plain number "12. " at `offset` (`plainDotNumber`'s, which is what `readNumberLabel`
 * reads as a `dot` number with no suffix), or -1: nothing is made, for the parser's questions about
 * a line's start ("does a number open it?") that are asked again of every numbered paragraph.
 */
export function plainDotNumberValue(text: string, offset: number): number {
  let end = offset;
  let value = 0;
  for (let code = text.charCodeAt(end); end - offset < 7 && isDigitCode(code); code = text.charCodeAt(++end)) value = value * 10 + (code - 48);
  const digits = end - offset;
  if (digits === 0 || digits > 6 || text.charCodeAt(end) !== 46 /* . */) return -1;
  const after = text.charCodeAt(end + 1);
  return end + 1 >= text.length || isSpaceCode(after) || (after >= 65 && after <= 90) || after === 42 || after === 95 ? value : -1;
}

/** "12." as written, one string per number and width kept (a long draft writes each number once or twice; "01." is not "1."). */
const labelTexts = new Map<number, string>();

function labelText(text: string, start: number, end: number, key: number): string {
  let written = labelTexts.get(key);
  if (written === undefined) {
    if (labelTexts.size >= 100_000) labelTexts.clear();
    written = text.slice(start, end);
    labelTexts.set(key, written);
  }
  return written;
}

/** Reads a paragraph number at `offset`, or undefined. `bare` numbers are returned too: the caller decides. */
export function readNumberLabel(text: string, offset: number): NumberLabel | undefined {
  // Every number starts with a digit, "(" or the "O"/"P" of OP/PP: other text is out at once.
  const first = text.charCodeAt(offset);
  if (!((first >= 48 && first <= 57) || first === 40 || first === 79 || first === 80)) return undefined;
  if (first <= 57 && first !== 40) {
    const dotted = plainDotNumber(text, offset);
    if (dotted) return dotted;
    // Past its digits (three, six for "dot"), every pattern needs white space or one of . ) , : - – — ° º:
    // "52nd plenary meeting", "53/77", a year, were tried against the six patterns of a digit.
    let end = offset;
    while (isDigitCode(text.charCodeAt(end))) end++;
    const after = text.charCodeAt(end);
    if (end - offset > 6 || !(isSpaceCode(after) || after === 46 || after === 41 || after === 44 || after === 45 || after === 58 || after === 0x2013 || after === 0x2014 || after === 0xb0 || after === 0xba || suffixFirstCodes.has(after))) return undefined;
  } else if (first === 40 ? !isDigitCode(text.charCodeAt(offset + 1)) : text.charCodeAt(offset + 1) !== 80 /* P */ && text.charCodeAt(offset + 1) !== 112 /* p */) {
    // "(" opens only "(12)", and O or P only "OP5" and "PP5": "(a)", "Promotes" are out at once.
    return undefined;
  }
  // A sticky pattern fails at a first unit not its own, but only after a call: text at a paragraph's
  // start that is not "12. " (a year, "(a)", "Paragraph") was tried against all eight.
  const opening: Opening = first === 40 ? 'parenthesis' : first <= 57 ? 'digit' : 'letter';
  for (const { style, opening: patternOpening, pattern } of numberPatterns) {
    if (patternOpening !== opening) continue;
    pattern.lastIndex = offset;
    const match = pattern.exec(text);
    if (!match) continue;
    const value = Number(match[1]);
    // "bis", "alt", or both ("5 bis alt", an alternative to the insert): a key of its own, not the insert's.
    const insertSuffix = [match[2], match[3]].filter((part) => part !== undefined).join(' ').toLowerCase();
    return new NumberLabelNode(new SpanNode(offset, offset + match[0].length), match[0], value, style, insertSuffix || undefined);
  }
  return undefined;
}

/**
 * Whether `number` is an alternative under negotiation ("OP5 alt", "5 bis alt"): which wording stays is
 * the delegates' choice, not numbering's nor a fix's.
 */
export function isAlternative(number: NumberLabel | undefined): boolean {
  return number?.insertSuffix?.endsWith('alt') === true;
}

/**
 * Where the paragraph's words begin once its number is removed: past the number labels the parser
 * would read next, in turn ("2. 2. 2. Decides", "OP5 OP5 …"), up to `limit` and up to the first one
 * that `keeps` spares. A fix removing only the first would uncover the next, one per round.
 * Bare numbers stop it: they count only before an opener, a question for the parser.
 */
export function endOfNumberLabels(text: string, textStart: number, limit: number, keeps: (label: NumberLabel) => boolean = () => false): number {
  let end = textStart;
  for (let label = readNumberLabel(text, end); label && label.style !== 'bare' && label.span.end <= limit && !keeps(label); label = readNumberLabel(text, end)) {
    end = label.span.end;
    while (end < limit && isSpace(text[end])) end++;
  }
  return end;
}

const romanNumerals = new Set(
  'i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx xxi xxii xxiii xxiv xxv xxvi xxvii xxviii xxix xxx'.split(' '),
);

// "(a bis)", "a bis)": a negotiation insert after "(a)", as "5 bis." is after paragraph 5.
const subLabelPatterns: readonly { readonly bracket: SubLabel['bracket']; readonly pattern: RegExp }[] = [
  { bracket: 'parens', pattern: /\(([a-z]{1,2}|[ivxl]{1,6})(?:[ \u00A0](bis|ter|quater|quinquies|sexies|septies|octies))?\)(?=[\s\u00A0]|$)/y },
  { bracket: 'close', pattern: /([a-z]{1,2}|[ivxl]{1,6})(?:[ \u00A0](bis|ter|quater|quinquies|sexies|septies|octies))?\)(?=[\s\u00A0]|$)/y },
  { bracket: 'dot', pattern: /([a-z]|[ivxl]{1,6})\.(?=[\s\u00A0]|$)/y },
];

/**
 * Reads a sub-paragraph label at `offset`. Whether "(i)" is the ninth letter or the first roman
 * numeral depends on the label before it: `previousLetter` is the name of the letter label
 * that the new label would follow at the same level, if any.
 */
export function readSubLabel(text: string, offset: number, previousLetter?: string): SubLabel | undefined {
  // Every label starts with "(" or a lower-case letter.
  const first = text.charCodeAt(offset);
  if (first !== 40 && !(first >= 97 && first <= 122)) return undefined;
  for (const { bracket, pattern } of subLabelPatterns) {
    pattern.lastIndex = offset;
    const match = pattern.exec(text);
    if (!match) continue;
    const name = match[1] ?? '';
    // Two letters are a label only when doubled ("(aa)" after "(z)") or a roman numeral; "(ad)" is a misread.
    if (name.length === 2 && name[0] !== name[1] && !romanNumerals.has(name)) continue;
    return new SubLabelNode(new SpanNode(offset, offset + match[0].length), match[0], name, isRoman(name, previousLetter) ? 'roman' : 'letter', bracket, match[2]);
  }
  return undefined;
}

/**
 * "i", "v", "x" are letters where they follow "h", "u", "w", and so are "ii" and "xx" after "hh" and
 * "ww" (subparagraph-sequence letters a long list that far); other roman-looking names are numerals.
 */
function isRoman(name: string, previousLetter: string | undefined): boolean {
  if (!romanNumerals.has(name)) return false;
  if (previousLetter !== undefined && !Number.isNaN(letterIndex(name))) return letterIndex(previousLetter) + 1 !== letterIndex(name);
  return true;
}

/** a → 1, z → 26, aa → 27 (labels run on "(aa)", "(bb)" after "(z)"). */
export function letterIndex(name: string): number {
  if (name.length === 2 && name[0] === name[1]) return 26 + (name.charCodeAt(0) - 96);
  return name.length === 1 ? name.charCodeAt(0) - 96 : Number.NaN;
}

/** 1 → a, 26 → z, 27 → aa, 53 → aaa: the letter repeated once more each round, as labels and Word's lists run on. */
export function letterName(index: number): string {
  return String.fromCharCode(97 + ((index - 1) % 26)).repeat(Math.floor((index - 1) / 26) + 1);
}

const romanValues: readonly [number, string][] = [
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

export function romanName(value: number): string {
  let rest = value;
  let name = '';
  for (const [amount, numeral] of romanValues) {
    while (rest >= amount) {
      name += numeral;
      rest -= amount;
    }
  }
  return name;
}

export function romanIndex(name: string): number {
  for (let value = 1; value <= 40; value++) if (romanName(value) === name) return value;
  return Number.NaN;
}
