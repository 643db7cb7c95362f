import { conventionsOf } from '../lexicon/lexicon';
import type { TextEdit } from '../findings';
import type { Draft, FootnoteCall, Span } from '../model';
import { isSpace } from '../parse/lines';
import { localMessage } from '../messages';
import type { Rule } from '../rule';
import { changesInUpperCase } from '../structure';
import { stopsMidSentence } from '../footnotes';

/**
 * Whether a footnote's text ends with a full stop, "!" or "?", perhaps before one closing quote or
 * parenthesis: `/[.!?][”’")]?$/`, read at the end rather than tried at every position of the text.
 */
function endsWithStop(body: string): boolean {
  let last = body.length - 1;
  const closing = body.charCodeAt(last);
  if (closing === 0x201d || closing === 0x2019 || closing === 0x22 || closing === 0x29) last--;
  const stop = body.charCodeAt(last);
  return stop === 0x2e || stop === 0x21 || stop === 0x3f;
}

export const footnoteStyleRule: Rule = {
  id: 'footnote-style',
  description: 'A footnote text starts with a capital and ends with "."; the mark stands on the side of punctuation the language wants (after it in English, before it in French and Spanish); marks at one place are separated by commas.',
  defaultSeverity: 'information',
  fixable: true,
  needsLexicon: false,
  check(draft, context) {
    checkNamedFootnotes(draft, (first, right, found, edits) => {
      context.report({
        span: first,
        message: localMessage(context.lexicon, 'footnote-style/named', { right, found }, `Footnotes are numbered: '${right}', not '${found}'.`),
        ...(edits ? { fix: { title: localMessage(context.lexicon, 'fix/write', { right }, `Write '${right}'`), edits } } : {}),
      });
    });
    // Numbers given to two texts: the second, under a text that stops mid-sentence, is its wrapped line.
    const textsOf = new Map<number, number>();
    for (const footnote of draft.footnoteTexts) textsOf.set(footnote.number, (textsOf.get(footnote.number) ?? 0) + 1);
    for (const [index, footnote] of draft.footnoteTexts.entries()) {
      const body = footnote.body.trim();
      if (body === '') continue;
      const first = body[0] ?? '';
      if (changesInUpperCase(first)) {
        const at = footnote.bodySpan.start;
        const right = `${first.toLocaleUpperCase()}${body.slice(1, 20)}`;
        context.report({
          span: { start: at, end: at + 1 },
          message: localMessage(context.lexicon, 'footnote-style/capital', { right }, `A footnote text starts with a capital: '${right}…'.`),
          fix: { title: localMessage(context.lexicon, 'fix/capitalize-first-letter', {}, 'Capitalize the first letter'), edits: [{ span: { start: at, end: at + 1 }, newText: first.toLocaleUpperCase() }] },
        });
      }
      const next = draft.footnoteTexts[index + 1];
      const goesOnBelow = next !== undefined && (textsOf.get(next.number) ?? 0) > 1 && stopsMidSentence(footnote);
      if (!endsWithStop(body) && !goesOnBelow) {
        // Where the text was carried on to the next page's foot, it ends there.
        const end = (footnote.continuation ?? footnote.bodySpan).end;
        context.report({
          span: { start: end - 1, end },
          message: localMessage(context.lexicon, 'footnote-style/full-stop', {}, 'A footnote text ends with a full stop.'),
          fix: { title: localMessage(context.lexicon, 'fix/add', { text: '.' }, "Add '.'"), edits: [{ span: { start: end, end }, newText: '.' }] },
        });
      }
    }
    // Where the marks stand next to punctuation is the language's convention ("resolution,[^1]" in
    // English, "résolution[^1]," in French): languages.json says which. Marks at one place form a
    // group ("[^1],[^2]"), whose separating commas are not the text's punctuation.
    const position = conventionsOf(draft.language).footnoteMarkPosition;
    const calls = draft.footnoteCalls.filter((call) => call.style !== 'bare');
    const groups: (typeof calls)[] = [];
    for (const call of calls) {
      const group = groups[groups.length - 1];
      const last = group?.[group.length - 1];
      // A separator between two marks ("[^1], [^2]", "[^1];[^2]": `separatorBetween`) is theirs, not the
      // text's punctuation; one written otherwise than with a comma is its own finding below.
      const joined =
        last !== undefined &&
        (last.span.end === call.span.start || onlySpacesBetween(draft.text, last.span.end, call.span.start) || separatorBetween(draft.text, last.span.end, call.span.start));
      if (group && joined) group.push(call);
      else groups.push([call]);
    }
    // Marks and punctuation can alternate ("[^1]:[^2]:"): moving one mark past one mark of punctuation
    // would uncover the next, one per round of fix all. The fix rewrites the whole run at once.
    const callAt = new Map(calls.map((call) => [call.span.start, call]));
    const callEndingAt = new Map(calls.map((call) => [call.span.end, call]));
    let run: { span: Span; newText: string } | undefined;
    const runAround = (span: Span): { span: Span; newText: string } => {
      if (run && run.span.start <= span.start && span.end <= run.span.end) return run;
      run = rewrittenRun(draft.text, span, callAt, callEndingAt, position);
      return run;
    };
    for (const group of groups) {
      const first = group[0];
      const last = group[group.length - 1];
      if (!first || !last) continue;
      const marks = draft.text.slice(first.span.start, last.span.end);
      const span = { start: first.span.start, end: last.span.end };
      if (position === 'after') {
        const following = draft.text[last.span.end] ?? '';
        if (!/[,;:.]/.test(following)) continue;
        const rewritten = runAround(span);
        // Quoted as the fix writes it: the whole run of marks and punctuation around the marks.
        const [right, found] = [rewritten.newText, draft.text.slice(rewritten.span.start, rewritten.span.end)];
        context.report({
          span,
          message: localMessage(context.lexicon, 'footnote-style/mark-after', { right, found },
            `The footnote mark follows the punctuation: '${right}', not '${found}'.`),
          fix: { title: localMessage(context.lexicon, 'fix/move-mark-after', { mark: following }, `Move the mark after '${following}'`), edits: [rewritten] },
        });
      } else {
        const preceding = draft.text[first.span.start - 1] ?? '';
        if (!/[,;:.]/.test(preceding)) continue;
        const rewritten = runAround(span);
        const space = spaceBefore(draft.text, span.start - 1);
        context.report({
          span,
          message: localMessage(context.lexicon, 'footnote-style/mark-before', { right: `${marks}${space}${preceding}`, found: `${space}${preceding}${marks}` },
            `The footnote mark stands before the punctuation: '${marks}${space}${preceding}', not '${space}${preceding}${marks}'.`),
          fix: { title: localMessage(context.lexicon, 'fix/move-mark-before', { mark: preceding }, `Move the mark before '${preceding}'`), edits: [rewritten] },
        });
      }
    }
    for (let index = 1; index < calls.length; index++) {
      const previous = calls[index - 1];
      const call = calls[index];
      if (!previous || !call) continue;
      if (previous.span.end === call.span.start) {
        context.report({
          span: call.span,
          message: localMessage(context.lexicon, 'footnote-style/comma-between', {}, 'Footnote marks at one place are separated by a comma.'),
          fix: { title: localMessage(context.lexicon, 'fix/separate-marks', {}, 'Separate the marks with a comma'), edits: [{ span: { start: call.span.start, end: call.span.start }, newText: ',' }] },
        });
        continue;
      }
      const gap = { start: previous.span.end, end: call.span.start };
      const previousMark = draft.text.slice(previous.span.start, previous.span.end);
      const mark = draft.text.slice(call.span.start, call.span.end);
      // "[^1];[^2]": the separator is a comma. ("[^1], [^2]" is left as it is: a comma is there, and
      // rewriting its blank away moved the paragraph's last mark one run of marks a round, for ever.)
      if (separatorBetween(draft.text, gap.start, gap.end) && draft.text.charAt(gap.start) !== ',') {
        const found = draft.text.slice(previous.span.start, call.span.end);
        context.report({
          span: { start: gap.start, end: call.span.end },
          message: localMessage(context.lexicon, 'footnote-style/comma-alone', { right: `${previousMark},${mark}`, found },
            `Footnote marks at one place are separated by a comma alone: '${previousMark},${mark}', not '${found}'.`),
          fix: { title: localMessage(context.lexicon, 'fix/separate-marks', {}, 'Separate the marks with a comma'), edits: [{ span: gap, newText: ',' }] },
        });
        continue;
      }
      // "annex.[^4] [^5]": a space does not separate two marks; they are still one place's marks.
      if (!onlySpacesBetween(draft.text, previous.span.end, call.span.start)) continue;
      context.report({
        span: { start: gap.start, end: call.span.end },
        message: localMessage(context.lexicon, 'footnote-style/comma-not-space', { right: `${previousMark},${mark}`, found: draft.text.slice(previous.span.start, call.span.end) },
          `Footnote marks at one place are separated by a comma, not a space: '${previousMark},${mark}', not '${draft.text.slice(previous.span.start, call.span.end)}'.`),
        fix: { title: localMessage(context.lexicon, 'fix/separate-marks', {}, 'Separate the marks with a comma'), edits: [{ span: gap, newText: ',' }] },
      });
    }
  },
};

/**
 * Markdown named footnotes (`[^agenda]` and `[^agenda]:`), where resolutions number their footnotes:
 * each name reported once, at its first call (or its text's label, when nothing calls it), with a fix
 * that writes the number print gives it (the parser's: by first call) in its every call and its text.
 */
function checkNamedFootnotes(draft: Draft, report: (first: Span, right: string, found: string, edits: TextEdit[] | undefined) => void): void {
  let named: Map<string, { first: Span; found: string; number: number; edits: TextEdit[]; hasText: boolean }> | undefined;
  const add = (name: string | undefined, labelStart: number, span: Span, number: number, isText: boolean): void => {
    if (name === undefined) return;
    named ??= new Map();
    const key = name.toLowerCase();
    let entry = named.get(key);
    if (!entry) named.set(key, (entry = { first: span, found: `[^${name}]`, number, edits: [], hasText: false }));
    if (isText) entry.hasText = true;
    entry.edits.push({ span: { start: labelStart + 2, end: labelStart + 2 + name.length }, newText: String(number) });
  };
  for (const call of draft.footnoteCalls) add(call.name, call.span.start, call.span, call.number, false);
  for (const footnote of draft.footnoteTexts) add(footnote.name, footnote.labelSpan.start, footnote.labelSpan, footnote.number, true);
  if (!named) return;
  // A name with no text keeps it: the name is all that says what the missing note was to hold.
  for (const entry of named.values()) report(entry.first, `[^${entry.number}]`, entry.found, entry.hasText ? entry.edits.sort((a, b) => a.span.start - b.span.start) : undefined);
}

/** A space that does not end a line: a blank inside one line. */
function isSpaceInLine(character: string | undefined): boolean {
  return isSpace(character) && character !== '\n' && character !== '\r' && character !== '\u2028' && character !== '\u2029';
}

/** The blank before `offset` that a language spacing its marks keeps with the mark ("texte ;[^1]" → "texte[^1] ;"), or "". */
function spaceBefore(text: string, offset: number): string {
  const character = text[offset - 1] ?? '';
  return isSpaceInLine(character) ? character : '';
}

/**
 * Whether the text between two marks is their separator: a comma, blanks after it or not (",", ", "),
 * or another mark tight between them ("[^1];[^2]"). A ";" with a blank after it ("[^1]; [^2]") may be
 * the text's own, ending a clause whose words were cut: left to the punctuation's rules.
 */
function separatorBetween(text: string, start: number, end: number): boolean {
  if (end <= start || !isSeparatorMark(text[start])) return false;
  if (text[start] !== ',') return end === start + 1;
  for (let offset = start + 1; offset < end; offset++) if (!isSpaceInLine(text[offset])) return false;
  return true;
}

/** A mark of punctuation a footnote mark stands beside, or one that separates two marks: , ; : . */
function isSeparatorMark(character: string | undefined): boolean {
  return character === ',' || character === ';' || character === ':' || character === '.';
}

/** Whether `text` holds one or more blanks of one line, and nothing else, from `start` to `end`. */
function onlySpacesBetween(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let offset = start; offset < end; offset++) if (!isSpaceInLine(text[offset])) return false;
  return true;
}

/**
 * The run of footnote marks and punctuation around `span`, rewritten as fix all would leave it: the
 * punctuation in its order, then the marks in theirs ("after"), or the marks, then the punctuation
 * ("before", where a blank before a mark of punctuation belongs to the run: "texte ;[^1]" →
 * "texte[^1] ;"). A comma between two marks separates them and stays with them.
 */
function rewrittenRun(
  text: string,
  span: Span,
  callAt: ReadonlyMap<number, FootnoteCall>,
  callEndingAt: ReadonlyMap<number, FootnoteCall>,
  position: 'after' | 'before',
): { span: Span; newText: string } {
  const spacedPunctuation = (offset: number): boolean => position === 'before' && spaceBefore(text, offset + 1) !== '' && isSeparatorMark(text[offset + 1]);
  // The blanks between two marks ("[^1] [^2]") belong to the marks: their own finding replaces them.
  const markGapEndingAt = (offset: number): number | undefined => {
    let gapStart = offset;
    while (isSpaceInLine(text[gapStart - 1])) gapStart--;
    return gapStart < offset && callEndingAt.has(gapStart) && callAt.has(offset) ? gapStart : undefined;
  };
  const markGapStartingAt = (offset: number): number | undefined => {
    let gapEnd = offset;
    while (isSpaceInLine(text[gapEnd])) gapEnd++;
    return gapEnd > offset && callEndingAt.has(offset) && callAt.has(gapEnd) ? gapEnd : undefined;
  };
  // A separator between two marks (as `separatorBetween` reads one: a comma, blanks after it or not, or
  // another mark tight) is written "," with them, never moved out as the text's own.
  const separatorStartingAt = (offset: number): number | undefined => {
    if (!callEndingAt.has(offset) || !isSeparatorMark(text[offset])) return undefined;
    let next = offset + 1;
    if (text[offset] === ',') while (isSpaceInLine(text[next])) next++;
    return callAt.has(next) ? next : undefined;
  };
  const separatorEndingAt = (offset: number): number | undefined => {
    if (!callAt.has(offset)) return undefined;
    let mark = offset;
    while (isSpaceInLine(text[mark - 1])) mark--;
    if (mark !== offset && text[mark - 1] !== ',') return undefined;
    return isSeparatorMark(text[mark - 1]) && callEndingAt.has(mark - 1) ? mark - 1 : undefined;
  };
  let start = span.start;
  for (;;) {
    if (separatorEndingAt(start) !== undefined) start = separatorEndingAt(start) as number;
    else if (isSeparatorMark(text[start - 1]) || spacedPunctuation(start - 1)) start--;
    else if (callEndingAt.has(start)) start = (callEndingAt.get(start) as FootnoteCall).span.start;
    else if (markGapEndingAt(start) !== undefined) start = markGapEndingAt(start) as number;
    else break;
  }
  let end = span.end;
  for (;;) {
    if (separatorStartingAt(end) !== undefined) end = separatorStartingAt(end) as number;
    else if (isSeparatorMark(text[end]) || spacedPunctuation(end)) end++;
    else if (callAt.has(end)) end = (callAt.get(end) as FootnoteCall).span.end;
    else if (markGapStartingAt(end) !== undefined) end = markGapStartingAt(end) as number;
    else break;
  }
  let marks = '';
  let punctuation = '';
  for (let offset = start; offset < end; ) {
    const call = callAt.get(offset);
    if (call) {
      marks += text.slice(call.span.start, call.span.end);
      offset = call.span.end;
      continue;
    }
    const gapEnd = markGapStartingAt(offset);
    if (gapEnd !== undefined) {
      marks += text.slice(offset, gapEnd);
      offset = gapEnd;
      continue;
    }
    const separated = separatorStartingAt(offset);
    if (separated !== undefined) {
      marks += ',';
      offset = separated;
      continue;
    }
    punctuation += text[offset] ?? '';
    offset++;
  }
  return { span: { start, end }, newText: position === 'after' ? `${punctuation}${marks}` : `${marks}${punctuation}` };
}
