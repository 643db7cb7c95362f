// Formatting that never touches a word: operative paragraphs and footnotes renumbered, the
// indentation of sub-paragraphs made the same at each level (the one the document uses most),
// trailing spaces removed, a blank line put between paragraphs that had none. Every edit replaces
// digits and white space by digits and white space.
import type { TextEdit } from '../findings';
import { renumberFootnoteEdits } from '../footnotes';
import type { Draft, SubParagraph } from '../model';
import { renumberOperativeEdits } from '../rules/operative-numbering';
import { eachSubparagraph } from '../structure';
import { lineStartOf } from '../text-ends';
import { isDigitCode } from '../text-scan';

const lineBreak = /\r\n|\r|\n|\u2028|\u2029/g;

function trailingSpaceEdits(text: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const removeBefore = (lineEnd: number): void => {
    let start = lineEnd;
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    if (start < lineEnd) edits.push({ span: { start, end: lineEnd }, newText: '' });
  };
  for (const match of text.matchAll(lineBreak)) removeBefore(match.index);
  removeBefore(text.length);
  return edits;
}

/** The white space before a sub-paragraph's label, when the label opens its line. */
function indentationOf(text: string, item: SubParagraph): { start: number; indentation: string } | undefined {
  if (!item.label) return undefined;
  const labelStart = item.label.span.start;
  let start = labelStart;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start > 0 && !/[\r\n\u2028\u2029]/.test(text[start - 1] ?? '')) return undefined;
  return { start, indentation: text.slice(start, labelStart) };
}

function subparagraphIndentationEdits(draft: Draft): TextEdit[] {
  const byLevel = new Map<number, { item: SubParagraph; start: number; indentation: string }[]>();
  for (const paragraph of draft.paragraphs) {
    for (const item of eachSubparagraph(paragraph.subparagraphs)) {
      const found = indentationOf(draft.text, item);
      if (!found) continue;
      const level = byLevel.get(item.level) ?? [];
      level.push({ item, ...found });
      byLevel.set(item.level, level);
    }
  }
  const edits: TextEdit[] = [];
  for (const items of byLevel.values()) {
    const counts = new Map<string, number>();
    for (const { indentation } of items) counts.set(indentation, (counts.get(indentation) ?? 0) + 1);
    // The most used indentation; on a tie, the one seen first.
    let usual = items[0]?.indentation ?? '';
    for (const [indentation, count] of counts) if (count > (counts.get(usual) ?? 0)) usual = indentation;
    for (const { item, start, indentation } of items) {
      if (indentation === usual || !item.label) continue;
      // "   1. Equality;" moved to the margin would be read as operative paragraph 1 and renumbered.
      if (usual === '' && isDigitCode(draft.text.charCodeAt(item.label.span.start))) continue;
      edits.push({ span: { start, end: item.label.span.start }, newText: usual });
    }
  }
  return edits;
}

/**
 * Footnotes are renumbered by formatting only when every text is called and every call has its
 * text: where one is missing (a call the reading did not recognise, "20254" for "2025" + 4), the
 * order of first use is not known, and renumbering would move texts to the wrong calls.
 */
function footnotesComplete(draft: Draft): boolean {
  const called = new Set(draft.footnoteCalls.map((call) => call.number));
  const written = new Set(draft.footnoteTexts.map((footnote) => footnote.number));
  return called.size === written.size && [...called].every((number) => written.has(number));
}

/** Whether the line ending just before `lineStart` (its line break) holds nothing but white space, or there is none. */
function blankLineBefore(text: string, lineStart: number): boolean {
  let end = lineStart;
  if (end > 0 && text[end - 1] === '\n') end--;
  if (end > 0 && text[end - 1] === '\r') end--;
  if (end === lineStart) return true;
  return text.slice(lineStartOf(text, end), end).trim() === '';
}

/**
 * A blank line before each paragraph (and the closing block) that follows a line of text, as the draft
 * format separates them (format.md): a draft typed or pasted without them ("Recalling …,\nNoting …")
 * is read paragraph by paragraph all the same, and formatting writes it as it is read. Not in a copy
 * of a PDF, whose lines are the page's (Convert to Draft Format rewrites those), and not before a
 * paragraph that shares its line with text before it (a number a copy glued into a line).
 */
function paragraphSeparationEdits(draft: Draft): TextEdit[] {
  if (draft.form !== 'canonical') return [];
  const text = draft.text;
  const lineBreak = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const starts = draft.paragraphs.map((paragraph) => paragraph.span.start);
  const lastParagraphEnd = draft.paragraphs[draft.paragraphs.length - 1]?.span.end ?? 0;
  const closing = draft.blocks.find((block) => block.kind === 'closing' && block.span.start >= lastParagraphEnd);
  if (closing) starts.push(closing.span.start);
  const edits: TextEdit[] = [];
  for (const start of starts) {
    const lineStart = lineStartOf(text, start);
    if (lineStart === 0 || text.slice(lineStart, start).trim() !== '' || blankLineBefore(text, lineStart)) continue;
    edits.push({ span: { start: lineStart, end: lineStart }, newText: lineBreak });
  }
  return edits;
}

/** Whether an edit replaces digits and white space by digits and white space, as formatting's all do. */
function touchesNoWord(text: string, edit: TextEdit): boolean {
  return digitsAndSpace.test(edit.newText) && digitsAndSpace.test(text.slice(edit.span.start, edit.span.end));
}
const digitsAndSpace = /^[\d\s]*$/;

/**
 * The renumbering of the operative paragraphs, where it writes numbers only. A range whose paragraphs
 * are no run once renumbered is written as the list it became ("paragraphs 12 to 29" → "1 to 5 and 7
 * to 19", the paragraph now 6 not named before): words, which formatting never writes (found by
 * fuzzing, seed 44004). The paragraphs are then left as they are, for the "Renumber operative
 * paragraphs" action, which writes the list; renumbered without it, the reference would name others.
 */
function operativeRenumbering(draft: Draft): TextEdit[] {
  const edits = renumberOperativeEdits(draft);
  return edits.every((edit) => touchesNoWord(draft.text, edit)) ? edits : [];
}

/** What the editor asks of formatting beyond the draft format (LSP's `FormattingOptions`). */
export interface FormattingPreferences {
  /** False where the editor keeps trailing white space (LSP's `trimTrailingWhitespace: false`); trimmed otherwise. */
  readonly trimTrailingWhitespace?: boolean;
}

/** The formatting edits of a draft, in text order, none overlapping another. */
export function formattingEdits(draft: Draft, preferences: FormattingPreferences = {}): TextEdit[] {
  const trailing = preferences.trimTrailingWhitespace === false ? [] : trailingSpaceEdits(draft.text);
  const candidates = [...operativeRenumbering(draft), ...(footnotesComplete(draft) ? renumberFootnoteEdits(draft) : []), ...subparagraphIndentationEdits(draft), ...trailing, ...paragraphSeparationEdits(draft)].sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end,
  );
  const edits: TextEdit[] = [];
  let end = -1;
  for (const edit of candidates) {
    const unchanged = draft.text.slice(edit.span.start, edit.span.end) === edit.newText;
    // Overlaps cannot arise from the edits above (digits, indentation and line ends are apart); kept safe anyway.
    if (unchanged || edit.span.start < end) continue;
    edits.push(edit);
    end = Math.max(end, edit.span.end);
  }
  return edits;
}
