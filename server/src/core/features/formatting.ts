// Formatting that never touches a word: operative paragraphs and footnotes renumbered, the
// indentation of sub-paragraphs made the same at each level (the one the document uses most),
// trailing spaces removed. Every edit replaces digits and white space by digits and white space.
import type { TextEdit } from '../findings';
import { renumberFootnoteEdits } from '../footnotes';
import type { Draft, SubParagraph } from '../model';
import { renumberOperativeEdits } from '../rules/operative-numbering';
import { eachSubparagraph } from '../structure';

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
      if (indentation !== usual && item.label) edits.push({ span: { start, end: item.label.span.start }, newText: usual });
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

/** The formatting edits of a draft, in text order, none overlapping another. */
export function formattingEdits(draft: Draft): TextEdit[] {
  const candidates = [...renumberOperativeEdits(draft), ...(footnotesComplete(draft) ? renumberFootnoteEdits(draft) : []), ...subparagraphIndentationEdits(draft), ...trailingSpaceEdits(draft.text)].sort(
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
