// What the readers of word-processor documents share (docx-import.ts, odt-import.ts): the parts of a
// document's ZIP archive, inflated within a limit, and list numbers written as the lists draw them.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import type { SaxesTagPlain } from 'saxes';
import { letterName, romanName } from '../core/parse/labels';

export type ImportedText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** The most a part may inflate to, in bytes: a draft's document.xml or content.xml is a few megabytes at most. */
const maxPartBytes = 200 * 1024 * 1024;

/**
 * The parts named `names` of the ZIP archive `bytes` (the others, media above all, not even inflated),
 * or why they cannot be read: `what` names the document ("a Word document") in the reason. Never throws.
 */
export function documentParts(bytes: Uint8Array, names: ReadonlySet<string>, what: string): { readonly ok: true; readonly parts: Record<string, Uint8Array> } | { readonly ok: false; readonly reason: string } {
  let parts: Record<string, Uint8Array>;
  let oversized: UnzipFileInfo | undefined;
  try {
    parts = unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        if (!names.has(file.name)) return false;
        // A part that says it inflates past the limit (a damaged or hostile file) is not inflated.
        if (file.originalSize > maxPartBytes) oversized = file;
        return file.originalSize <= maxPartBytes;
      },
    });
  } catch (error) {
    return { ok: false, reason: `not a readable ${what} (${error instanceof Error ? error.message : String(error)})` };
  }
  if (oversized) return { ok: false, reason: `${oversized.name} would inflate to ${Math.ceil(oversized.originalSize / 1024 / 1024)} MB: not read` };
  return { ok: true, parts };
}

/** How a list level writes its numbers. */
export type CountFormat = 'decimal' | 'lowerLetter' | 'upperLetter' | 'lowerRoman' | 'upperRoman';

/** `count` as a list level of `format` writes it: "3", "c", "iii". */
export function formatCount(count: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return count >= 1 ? letterName(count) : String(count);
    case 'upperLetter':
      return count >= 1 ? letterName(count).toUpperCase() : String(count);
    // The labels' own numerals (i to xxxix: a list of sub-paragraphs runs no further); past them, figures.
    case 'lowerRoman':
      return count >= 1 && count < 40 ? romanName(count) : String(count);
    case 'upperRoman':
      return count >= 1 && count < 40 ? romanName(count).toUpperCase() : String(count);
    default:
      return String(count);
  }
}

/** Whether a run of text set as superscript is a footnote's number (a call, or a note's label where it opens a paragraph). */
export function isSuperscriptNumber(text: string): boolean {
  return /^\d{1,4}$/.test(text.trim());
}

/**
 * A paragraph's text as the draft takes it: each line (a manual line break makes one) with its runs of
 * spaces and tabs one space, and no space at its ends; where a superscript number opened it, that
 * number as a note's label ("[^4]: E/2026/30."), as a word processor's list of notes stands.
 */
export function paragraphText(raw: string, opensWithSuperscriptNumber: boolean): string {
  const text = raw.split('\n').map((line) => line.replace(/[ \t]+/g, ' ').trim()).join('\n').trim();
  return opensWithSuperscriptNumber ? text.replace(/^(\[\^\d+\])\s*(?=\S)/, '$1: ') : text;
}

export function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  const value = tag.attributes[name];
  return typeof value === 'string' ? value : undefined;
}
