// "Finalize numbering": the source action that turns a negotiation draft's numbers into a final
// text's. Inserted paragraphs ("5 bis.", "5 ter.") and labels ("OP5") become plain numbers "N.",
// alternatives ("OP5 alt") stay for the delegates to choose, every other operative paragraph of each
// part is numbered 1, 2, 3 … in order, the
// cross-references to them ("paragraph 6 above") follow their paragraphs, and "PP3" labels go.
// Pure: edits on offsets, for the editor's source action to apply.
import type { TextEdit } from './findings';
import type { CrossReference, Draft, NumberLabel } from './model';
import { isAlternative } from './parse/labels';
import { carryReferences, type PartRenumbering } from './rules/operative-numbering';

export function finalizeNumberingEdits(draft: Draft): TextEdit[] {
  return finalizing(draft).edits;
}

/**
 * The references that hold "Finalize numbering" back: each names a number no paragraph has (or two
 * have), and finalized it would point at another paragraph. Empty where nothing holds it back.
 */
export function strandedByFinalizing(draft: Draft): readonly CrossReference[] {
  return finalizing(draft).stranded;
}

function finalizing(draft: Draft): { edits: TextEdit[]; stranded: CrossReference[] } {
  const edits: TextEdit[] = [];
  /** Per part, the number each paragraph number written once (not on an insert) gets, and every number written. */
  const parts = new Map<number, PartRenumbering>();
  draft.parts.forEach((part, partIndex) => {
    // An alternative keeps its label (final-mode numbering-format reports it) and stands outside the
    // sequence: finalized with the others, both wordings became paragraphs of the text.
    const numbered = part.operativeParagraphs.filter((paragraph) => paragraph.number && !isAlternative(paragraph.number));
    // A part's only paragraph carries no number: operative-numbering says so, this action leaves it.
    if (numbered.length < 2) return;
    const mapping = new Map<number, number>();
    const insertMapping = new Map<string, number>();
    const written = new Map<number, number>();
    const writtenInserts = new Map<string, number>();
    for (const paragraph of numbered) {
      if (paragraph.number && !paragraph.number.insertSuffix) written.set(paragraph.number.value, (written.get(paragraph.number.value) ?? 0) + 1);
      if (paragraph.number?.insertSuffix) writtenInserts.set(insertKey(paragraph.number), (writtenInserts.get(insertKey(paragraph.number)) ?? 0) + 1);
    }
    parts.set(partIndex, { newNumberOf: mapping, written, count: numbered.length, newNumberOfInsert: insertMapping, lettersBecomeNumbers: true });
    numbered.forEach((paragraph, index) => {
      const number = paragraph.number;
      if (!number) return;
      const target = index + 1;
      if (!number.insertSuffix && written.get(number.value) === 1) mapping.set(number.value, target);
      if (number.insertSuffix && writtenInserts.get(insertKey(number)) === 1) insertMapping.set(insertKey(number), target);
      if (number.style === 'dot' && !number.insertSuffix) {
        if (number.value !== target) {
          const digits = /\d+/.exec(number.text);
          if (digits) edits.push({ span: { start: number.span.start + digits.index, end: number.span.start + digits.index + digits[0].length }, newText: String(target) });
        }
        return;
      }
      // "5 bis.", "OP5", "OP5 alt", "5)" … are written "N." and keep a space before the text.
      const next = draft.text[number.span.end];
      const spaced = next === undefined || /\s/.test(next);
      edits.push({ span: number.span, newText: spaced ? `${target}.` : `${target}. ` });
    });
  });
  // "PP3" labels go: preambular paragraphs carry no number in a final text.
  for (const paragraph of draft.paragraphs) {
    if (paragraph.kind === 'preambular' && paragraph.number?.style === 'label' && !isAlternative(paragraph.number)) edits.push({ span: { start: paragraph.number.span.start, end: paragraph.textStart }, newText: '' });
  }
  // Not while a reference names a number no paragraph has: finalizing would point it at another one.
  const carried = carryReferences(draft, parts);
  if (carried.stranded.length > 0) return { edits: [], stranded: carried.stranded };
  edits.push(...carried.edits);
  return { edits: edits.sort((a, b) => a.span.start - b.span.start), stranded: [] };
}

/** An insert's number as a reference names it: "2 bis" (an alternative's "5 alt" too, never referenced so). */
function insertKey(number: NumberLabel): string {
  return `${number.value} ${number.insertSuffix ?? ''}`;
}
