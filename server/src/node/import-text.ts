// The text `--import` and the editor's "Import Draft" start from: the bytes of a text file (a copy
// out of a PDF, a draft), decoded as any draft is, or of a Word document, read by docx-import.ts
// (evaluated only for one: the command line's start and the server's stay as short).
import { decodeText, isWordDocument, type TextFileResult } from './text-file';

export async function importedText(bytes: Uint8Array): Promise<TextFileResult> {
  if (!isWordDocument(bytes)) return decodeText(bytes);
  const { wordDocumentText } = await import('./docx-import.js');
  const read = wordDocumentText(bytes);
  return read.ok ? { ok: true, text: read.text, hadByteOrderMark: false } : read;
}
