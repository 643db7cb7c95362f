// The text `--import` and the editor's "Import Draft" start from: the bytes of a text file (a copy
// out of a PDF, a draft), decoded as any draft is, of a Word document, read by docx-import.ts, or of an
// OpenDocument text, read by odt-import.ts (each evaluated only for one: the command line's start and
// the server's stay as short).
import type { ImportedText } from './office-parts';
import { decodeText, isOpenDocumentText, isWordDocument, type TextFileResult } from './text-file';

export async function importedText(bytes: Uint8Array): Promise<TextFileResult> {
  let read: ImportedText;
  if (isWordDocument(bytes)) read = (await import('./docx-import.js')).wordDocumentText(bytes);
  else if (isOpenDocumentText(bytes)) read = (await import('./odt-import.js')).openDocumentText(bytes);
  else return decodeText(bytes);
  return read.ok ? { ok: true, text: read.text, hadByteOrderMark: false } : read;
}
