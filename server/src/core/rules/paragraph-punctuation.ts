import { conventionsOf, type Lexicon } from '../lexicon/lexicon';
import { openersInOtherLanguage } from '../openers';
import { wordEndingAt } from '../text-ends';
import type { TextEdit } from '../findings';
import type { Draft, Paragraph, Span, SubParagraph } from '../model';
import { localMessage, type PlainMessageKey } from '../messages';
import type { Rule, RuleContext } from '../rule';
import { isSpace } from '../parse/lines';
import { readNumberLabel } from '../parse/labels';
import { callsEndAfter, eachSubparagraph, endMark, firstWhere, footnoteCallEnds, ownTextEnd, recordsAdoption, subparagraphsOf } from '../structure';
import { isDigitCode } from '../text-scan';

interface Expectation {
  readonly mark: string;
  /** The convention, said in a few words: "Preambular paragraphs end with a comma". */
  readonly why: string;
}

type MarkName = readonly [key: PlainMessageKey, english: string];
const [comma, semicolon, fullStop, colon]: readonly MarkName[] = [
  ['paragraph-punctuation/name-comma', 'a comma'],
  ['paragraph-punctuation/name-semicolon', 'a semicolon'],
  ['paragraph-punctuation/name-full-stop', 'a full stop'],
  ['paragraph-punctuation/name-colon', 'a colon'],
];

/** What every mark of `[,;:.]` and its counterparts in other scripts is called in messages. */
const markNames: Readonly<Record<string, MarkName | undefined>> = {
  ',': comma, '،': comma, '，': comma,
  ';': semicolon, '؛': semicolon, '；': semicolon,
  '.': fullStop, '。': fullStop,
  ':': colon, '：': colon,
};

function nameOf(mark: string, lexicon: Lexicon | undefined): string {
  const name = markNames[mark];
  return name ? localMessage(lexicon, name[0], {}, name[1]) : `'${mark}'`;
}

interface Marks {
  readonly introduces: string;
  readonly item: Expectation;
  /** The language's comma and semicolon: the marks an adopted text may leave in each other's place. */
  readonly comma: string;
  readonly semicolon: string;
  /** The text records its adoption: a copy of an adopted resolution (see `recordsAdoption`). */
  readonly adopted: boolean;
  /** Where each paragraph starts, ascending: worked out at the first fix that needs it (see changesReading). */
  paragraphStarts?: readonly number[];
  /** Where each displaced text starts, ascending as the parser found them: also at the first fix that needs it. */
  displacedStarts?: readonly number[];
  /** The marks the draft's language spaces, and the space to write before them; undefined where none is asked for. */
  readonly spacing: Spacing | undefined;
  /** Where a final mark is reported as the wrong one: its spacing is the replacement's business, not reported apart. */
  readonly replaced: Set<number>;
  /** The draft's language writes footnote calls before the final mark ("rapport[^2] ;", not "report;[^2]"). */
  readonly callsBeforeMark: boolean;
  /** The draft's footnote calls by where they end (`endMark` skips them), looked up once, not at every paragraph. */
  readonly callEnds: ReadonlyMap<number, Span>;
}

function checkNode(draft: Draft, node: Paragraph | SubParagraph, expected: Expectation, marks: Marks, context: RuleContext): void {
  const children = subparagraphsOf(node);
  const end = endMark(draft, node.pieces, ownTextEnd(node), node.textStart, marks.callEnds);
  if (children.length > 0) {
    // The words that introduce a list end with a colon, or run on into it with no mark at all.
    if (end && end.isPunctuation && end.mark !== marks.introduces) {
      const edit = replacementEdit(draft, end.span, marks.introduces, marks);
      context.report({
        span: end.span,
        message: localMessage(context.lexicon, 'paragraph-punctuation/introduces', { right: marks.introduces, found: end.mark },
          `A paragraph that introduces sub-paragraphs ends with a colon: '${marks.introduces}', not '${end.mark}'.`),
        fix: { title: localMessage(context.lexicon, 'fix/replace', { found: end.mark, right: marks.introduces }, `Replace '${end.mark}' with '${marks.introduces}'`), edits: [edit] },
      });
    }
    children.forEach((child, index) => {
      checkNode(draft, child, index === children.length - 1 ? expected : marks.item, marks, context);
    });
    return;
  }
  if (!end) return;
  if (!end.isPunctuation) {
    // A paragraph cut short by a copy that moved or lost its end is not missing a mark: the copy
    // reordered text elsewhere, or the paragraph stops on a word no sentence ends with ("… to").
    if (draft.displacedText.length > 0) return;
    // A copy of an adopted text: the printed paragraph ended with its mark, so a copy that shows none
    // lost the paragraph's last line (A/RES/80/24 lost "of nuclear disarmament;" twice).
    if (marks.adopted) return;
    // A negotiation note ends the paragraph ("4. [deleted]"): its mark comes with the agreed text (bracket-balance).
    if (end.mark === ']') return;
    const lastWord = wordEndingAt(draft.text, end.span.end, false)?.word ?? '';
    if (context.lexicon?.wordsThatCannotEnd.includes(lastWord)) return;
    // The mark goes where footnote-style wants it: after the calls that end the paragraph in French
    // and Spanish ("rapport[^2] ;"), before them in English ("report;[^2]").
    const at = marks.callsBeforeMark ? callsEndAfter(draft, end.span.end) : end.span.end;
    const edit: TextEdit = { span: { start: at, end: at }, newText: `${spaceBefore(expected.mark, marks, undefined)}${expected.mark}` };
    const markName = nameOf(expected.mark, context.lexicon);
    context.report({
      span: end.span,
      message: localMessage(context.lexicon, 'paragraph-punctuation/add', { why: expected.why, mark: markName }, `${expected.why}: add ${markName} at the end.`),
      ...(changesReading(draft, node, edit, marks) ? {} : { fix: { title: localMessage(context.lexicon, 'fix/add', { text: expected.mark }, `Add '${expected.mark}'`), edits: [edit] } }),
    });
    return;
  }
  // A colon introduces what follows (a quotation, a list whose labels a copy lost): it is never a slip.
  if (end.mark === expected.mark || end.mark === marks.introduces) return;
  // A comma where a semicolon belongs: adopted texts have it (S/RES/1445 (2002), paragraph 18), and a
  // copy that split a paragraph at a page break after a comma leaves one. The sentence goes on either way.
  if (marks.adopted && end.mark === marks.comma && expected.mark === marks.semicolon) return;
  const edit = replacementEdit(draft, end.span, expected.mark, marks);
  // A mark inside the closing quote ("… not been circulated.”", "… a complete cease-fire;”") may be
  // the quoted text's own, which no fix rewrites: where the paragraph's mark goes is the drafter's.
  const quotedMark = closesQuotationAfter(draft.text, end.span.end);
  context.report({
    span: end.span,
    message: localMessage(context.lexicon, 'paragraph-punctuation/replace', { why: expected.why, right: expected.mark, found: end.mark }, `${expected.why}: '${expected.mark}', not '${end.mark}'.`),
    ...(quotedMark || changesReading(draft, node, edit, marks) ? {} : { fix: { title: localMessage(context.lexicon, 'fix/replace', { found: end.mark, right: expected.mark }, `Replace '${end.mark}' with '${expected.mark}'`), edits: [edit] } }),
  });
}

/** Whether a closing quotation mark (not a bracket) follows `offset`, white space aside (French « … rapport. »). */
function closesQuotationAfter(text: string, offset: number): boolean {
  let at = offset;
  while (at < text.length && isHorizontalSpace(text[at] ?? '')) at++;
  const code = text.charCodeAt(at);
  return code === 0x201d /* ” */ || code === 0xbb /* » */ || code === 34 /* " */ || code === 0x2019 /* ’ */;
}

/**
 * The edit that writes `mark` in place of the one at `span`, with the space before it the language
 * asks of the new mark and not of the old: French "suivantes;" becomes "suivantes :", "question ;"
 * becomes "question.". The old mark is noted in `marks.replaced`, so its own spacing is not reported too.
 */
function replacementEdit(draft: Draft, span: { start: number; end: number }, mark: string, marks: Marks): TextEdit {
  marks.replaced.add(span.start);
  if (!marks.spacing) return { span, newText: mark };
  let start = span.start;
  while (start > 0 && isHorizontalSpace(draft.text[start - 1] ?? '')) start--;
  const spaceWritten = start < span.start ? draft.text[span.start - 1] : undefined;
  return { span: { start, end: span.end }, newText: `${spaceBefore(mark, marks, spaceWritten)}${mark}` };
}

/** The space `mark` takes before it in the draft's language: the one written there already, or the draft's own. */
function spaceBefore(mark: string, marks: Marks, written: string | undefined): string {
  if (!marks.spacing?.marks.has(mark)) return '';
  return written !== undefined && marks.spacing.spaces.includes(written) ? written : marks.spacing.preferred;
}

function isHorizontalSpace(character: string): boolean {
  return character === ' ' || character === '\t' || character === '\u00A0' || character === '\u202F';
}

const lineBreaks = new Set(['\n', '\r', '\u0085', '\u2028', '\u2029']);

/**
 * Whether the mark `edit` writes at the end of `node` would change how the parser reads the text
 * around it, so that the next round finds another paragraph to fix, one per round:
 * - a line of bare digits given "." or "," is a paragraph number ("0" → "0."), which takes the text
 *   below it or stands as a paragraph of its own;
 * - a paragraph that ends with a comma takes in the lower-case text below it (parse.ts reads it as the
 *   rest of a sentence a page break split), where after "." it is text a copy moved (displaced text);
 * - a mark written between a number and a copy's bare call ("resolution 79/7;1" → "79/7.1") makes the
 *   call a decimal's digits: the call is no longer read, and footnote-unused then found its text unused.
 * Such a finding is reported without its fix.
 */
function changesReading(draft: Draft, node: Paragraph | SubParagraph, edit: TextEdit, marks: Marks): boolean {
  const text = draft.text;
  if (isDigitCode(text.charCodeAt(edit.span.start - 1)) && /^[.,]$/.test(edit.newText.trim()) && isDigitCode(text.charCodeAt(edit.span.end))
    && draft.footnoteCalls.some((call) => call.style === 'bare' && call.span.start === edit.span.end)) return true;
  let lineStart = edit.span.start;
  while (lineStart > 0 && !lineBreaks.has(text[lineStart - 1] ?? '')) lineStart--;
  let lineEnd = edit.span.end;
  while (lineEnd < text.length && !lineBreaks.has(text[lineEnd] ?? '')) lineEnd++;
  const line = (text.slice(lineStart, edit.span.start) + edit.newText + text.slice(edit.span.end, lineEnd)).trim();
  const number = readNumberLabel(line, 0);
  if (number && number.style !== 'bare' && number.span.end === line.length) return true;
  if (!/^[,،，]$/u.test(edit.newText)) return false;
  const nodeEnd = node.span.end;
  // Both found by halving, not by a walk per finding: a draft with many such findings stays linear.
  const displacedStarts = (marks.displacedStarts ??= draft.displacedText.map((span) => span.start));
  const displaced = displacedStarts[firstWhere(displacedStarts.length, (index) => (displacedStarts[index] as number) >= nodeEnd)];
  if (displaced === undefined) return false;
  const paragraphStarts = (marks.paragraphStarts ??= draft.paragraphs.map((paragraph) => paragraph.span.start).sort((a, b) => a - b));
  const next = paragraphStarts[firstWhere(paragraphStarts.length, (index) => (paragraphStarts[index] as number) >= nodeEnd)];
  return next === undefined || next >= displaced;
}

/** What the spaces a fix inserts before or after a mark are called in its title. */
const spaceNames: Readonly<Record<string, readonly [key: PlainMessageKey, english: string]>> = {
  '\u202F': ['fix/name-narrow-no-break-space', 'a narrow no-break space'],
  '\u00A0': ['fix/name-no-break-space', 'a no-break space'],
  ' ': ['fix/name-space', 'a space'],
};

interface Spacing {
  readonly marks: ReadonlySet<string>;
  readonly spaces: readonly string[];
  /** The space the draft already uses most before those marks, or the language's first. */
  readonly preferred: string;
  /** Where such a mark stands with no space before it, in text order. */
  readonly missing: readonly number[];
  /** Where a mark that takes a space after it (« ) has none, in text order. */
  readonly missingAfter: readonly number[];
}

/** Whether the mark at `offset` is inside an address ("https://undocs.org/fr/A/RES/60/1?lang=fr"), its word's. */
function inAddress(text: string, offset: number): boolean {
  let wordStart = offset;
  while (wordStart > 0 && offset - wordStart < 200 && !/\s/.test(text[wordStart - 1] ?? ' ')) wordStart--;
  const word = text.slice(wordStart, offset);
  return word.includes('://') || word.startsWith('www.');
}

/**
 * Marks that the draft's language spaces ("texte ; suite", "ce qui suit :"), anywhere in a paragraph
 * or sub-paragraph: each needs some space before it. The fix inserts the space the draft already uses
 * there most, or the language's first (languages.json, "spaceBeforeMarks"). Undefined where the
 * language spaces no mark.
 */
function spacingOf(draft: Draft, adopted: boolean, lexicon: Lexicon | undefined): Spacing | undefined {
  const conventions = conventionsOf(draft.language);
  const spacing = conventions.language === draft.language ? conventions.spaceBeforeMarks : undefined;
  // A copy of an adopted text is not held to the space: the narrow no-break space that the printed text
  // has is what PDF extraction and OCR lose (the French S/RES/1445 (2002) kept 29 and lost 2).
  if (!spacing || adopted) return undefined;
  const text = draft.text;
  const marks = new Set(spacing.marks);
  const marksAfter = new Set(spacing.after ?? []);
  const offsets = new Set<number>();
  const missingAfter: number[] = [];
  const collect = (pieces: readonly { start: number; end: number }[], from: number): void => {
    for (const piece of pieces) {
      for (let index = Math.max(piece.start, from); index < piece.end; index++) {
        const character = text[index] ?? '';
        if (marks.has(character)) offsets.add(index);
        else if (marksAfter.has(character) && index + 1 < piece.end && !isSpace(text[index + 1] ?? ' ')) missingAfter.push(index);
      }
    }
  };
  // A paragraph written in another language than the chapeau's ("Recalling …" under « Le Conseil de
  // sécurité, ») is not spaced the French way: the chapeau rule reports the mix, and no fix here
  // should put « ; » into English.
  const foreign = openersInOtherLanguage(draft, lexicon);
  const foreignStarts = foreign ? new Set(foreign.openers.map((opener) => opener.span.start)) : undefined;
  for (const paragraph of draft.paragraphs) {
    if (foreignStarts && paragraph.opener && foreignStarts.has(paragraph.opener.span.start)) continue;
    collect(paragraph.pieces, paragraph.textStart);
    if (paragraph.subparagraphs.length === 0) continue;
    for (const item of eachSubparagraph(paragraph.subparagraphs)) collect(item.pieces, item.textStart);
  }
  const used = new Map<string, number>();
  const missing: number[] = [];
  for (const offset of [...offsets].sort((a, b) => a - b)) {
    const before = text[offset - 1] ?? '\n';
    if (before === '\n' || before === '\r') continue;
    if (isSpace(before)) {
      used.set(before, (used.get(before) ?? 0) + 1);
      continue;
    }
    // A clock time or a ratio ("14:30", "2:1") and an address ("https://") are not punctuation.
    if (/\d/.test(before) && /\d/.test(text[offset + 1] ?? '')) continue;
    if (text.startsWith('//', offset + 1) || inAddress(text, offset)) continue;
    missing.push(offset);
  }
  const preferred = [...spacing.spaces].sort((a, b) => (used.get(b) ?? 0) - (used.get(a) ?? 0))[0] ?? ' ';
  return { marks, spaces: spacing.spaces, preferred, missing, missingAfter: missingAfter.sort((a, b) => a - b) };
}

/** The spaced marks written with no space before them, but those reported as the wrong mark (their fix spaces them). */
function checkSpacesBeforeMarks(draft: Draft, spacing: Spacing, replaced: ReadonlySet<number>, context: RuleContext): void {
  const { text } = draft;
  const { preferred } = spacing;
  const [spaceKey, spaceEnglish] = spaceNames[preferred] ?? spaceNames[' '] ?? ['fix/name-space', 'a space'];
  const spaceName = localMessage(context.lexicon, spaceKey, {}, spaceEnglish);
  for (const offset of spacing.missing) {
    if (replaced.has(offset)) continue;
    const mark = text[offset] ?? '';
    let wordStart = offset;
    while (wordStart > 0 && offset - wordStart < 30 && !/\s/.test(text[wordStart - 1] ?? ' ')) wordStart--;
    const word = text.slice(wordStart, offset);
    context.report({
      span: { start: offset, end: offset + 1 },
      message: localMessage(context.lexicon, 'paragraph-punctuation/space-before', { mark, right: `${word} ${mark}`, found: `${word}${mark}` },
        `In this draft's language, '${mark}' takes a space before it (a narrow no-break space or a space): '${word} ${mark}', not '${word}${mark}'.`),
      fix: { title: localMessage(context.lexicon, 'fix/insert-before', { space: spaceName, mark }, `Insert ${spaceName} before '${mark}'`), edits: [{ span: { start: offset, end: offset }, newText: preferred }] },
    });
  }
  for (const offset of spacing.missingAfter) {
    const mark = text[offset] ?? '';
    let wordEnd = offset + 1;
    while (wordEnd < text.length && wordEnd - offset < 30 && !/\s/.test(text[wordEnd] ?? ' ')) wordEnd++;
    const word = text.slice(offset + 1, wordEnd);
    context.report({
      span: { start: offset, end: offset + 1 },
      message: localMessage(context.lexicon, 'paragraph-punctuation/space-after', { mark, right: `${mark} ${word}`, found: `${mark}${word}` },
        `In this draft's language, '${mark}' takes a space after it (a narrow no-break space or a space): '${mark} ${word}', not '${mark}${word}'.`),
      fix: { title: localMessage(context.lexicon, 'fix/insert-after', { space: spaceName, mark }, `Insert ${spaceName} after '${mark}'`), edits: [{ span: { start: offset + 1, end: offset + 1 }, newText: preferred }] },
    });
  }
}

export const paragraphPunctuationRule: Rule = {
  id: 'paragraph-punctuation',
  description: 'Preambular paragraphs end with ","; operative ones with ";", the last with "."; a paragraph that introduces sub-paragraphs with ":"; in French, ";", ":", "?", "!" and "»" take a space before them, "«" one after it.',
  defaultSeverity: 'warning',
  fixable: true,
  needsLexicon: false,
  check(draft, context) {
    // OCR confuses ";", "," and "." and drops marks: a scanned text's punctuation is not the adopted text's.
    if (draft.fromScan) return;
    const { preambular, operative, last, introduces } = conventionsOf(draft.language).paragraphMarks;
    const adopted = recordsAdoption(draft);
    const marks: Marks = {
      introduces,
      item: { mark: operative, why: localMessage(context.lexicon, 'paragraph-punctuation/why-item', {}, 'A sub-paragraph that is not the last of its list ends with a semicolon') },
      comma: preambular,
      semicolon: operative,
      adopted,
      spacing: spacingOf(draft, adopted, context.lexicon),
      replaced: new Set(),
      callsBeforeMark: conventionsOf(draft.language).footnoteMarkPosition === 'before',
      callEnds: footnoteCallEnds(draft),
    };
    // Made once, not per paragraph (this runs over every paragraph of every version).
    const why = (key: PlainMessageKey, english: string): string => localMessage(context.lexicon, key, {}, english);
    const preambularEnd: Expectation = { mark: preambular, why: why('paragraph-punctuation/why-preambular', 'Preambular paragraphs end with a comma') };
    const lastEnd: Expectation = { mark: last, why: why('paragraph-punctuation/why-last', 'The last operative paragraph ends with a full stop') };
    const operativeEnd: Expectation = { mark: operative, why: why('paragraph-punctuation/why-operative', 'Operative paragraphs end with a semicolon, all but the last') };
    for (const part of draft.parts) {
      for (const paragraph of part.preambularParagraphs) checkNode(draft, paragraph, preambularEnd, marks, context);
      const operativeParagraphs = part.operativeParagraphs;
      operativeParagraphs.forEach((paragraph, index) => {
        checkNode(draft, paragraph, index === operativeParagraphs.length - 1 ? lastEnd : operativeEnd, marks, context);
      });
    }
    if (marks.spacing) checkSpacesBeforeMarks(draft, marks.spacing, marks.replaced, context);
  },
};
