// Reading a draft from disk or stdin as UTF-8 text, refusing binaries and other encodings with a
// reason a person can act on. Decoding is separate from reading so stdin takes the same path.
import * as fs from 'node:fs';
import { describeFileError } from './file-errors';

export type TextFileResult =
  | {
      readonly ok: true;
      /** The text without its byte order mark: the offsets of findings refer to this text. */
      readonly text: string;
      readonly hadByteOrderMark: boolean;
    }
  | { readonly ok: false; readonly reason: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The largest draft read, in megabytes (MiB): a resolution runs to tens of kilobytes. */
export const maxTextFileMegabytes = 20;
/** The same limit in bytes: a larger file is refused before a byte of it is read. */
export const maxTextFileBytes = maxTextFileMegabytes * 1024 * 1024;
/** The reason given for a file over the limit: "larger than 20 MB; not read". */
export const tooLargeReason = tooLargeReasonFor(maxTextFileBytes);

function tooLargeReasonFor(maxBytes: number): string {
  const megabyte = 1024 * 1024;
  return `larger than ${maxBytes % megabyte === 0 ? `${maxBytes / megabyte} MB` : `${maxBytes} bytes`}; not read`;
}

export function decodeText(bytes: Uint8Array): TextFileResult {
  const document = documentFormatOf(bytes);
  if (document) return { ok: false, reason: document };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'UTF-16 text, not UTF-8; save it as UTF-8' };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // Text saved as UTF-16 without a byte order mark has a NUL in every other byte: it is text in
    // another encoding, which the drafter can save again, not a binary.
    const order = utf16ByteOrderWithoutMark(bytes);
    if (order) return { ok: false, reason: `UTF-16 text (${order === 'be' ? 'big' : 'little'}-endian, without a byte order mark), not UTF-8; save it as UTF-8` };
    return { ok: false, reason: `binary file (NUL byte at offset ${nul}), not a draft` };
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    const line = countLines(bytes, offset);
    return { ok: false, reason: `not UTF-8 text (invalid byte 0x${byte} at offset ${offset}, line ${line}); save it as UTF-8` };
  }
  const hadByteOrderMark = text.charCodeAt(0) === 0xfeff;
  return { ok: true, text: hadByteOrderMark ? text.slice(1) : text, hadByteOrderMark };
}

/**
 * What to do with a document instead of text, said once for every format below: a Word document keeps
 * the numbers the word processor draws and the footnotes, which plain text may lose.
 */
const saveAsWordOrText = 'save it as a Word document (.docx), which `resolint --import` reads with its numbering and footnotes, or as plain text (UTF-8)';

/**
 * The documents a resolution travels in besides plain text, known by their first bytes, each named
 * with what to do instead: a drafter passes the Word file or the PDF itself far more often than any
 * other binary, and "binary file (NUL byte at offset 5)" (or, for a PDF without one near the start,
 * "not UTF-8 text … save it as UTF-8") told them neither what it was nor what to do. Undefined for
 * anything else. A Rich Text file decodes as text, and was linted as a draft of markup.
 */
export function documentFormatOf(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, '%PDF-')) {
    // Said for the command line and the editor's import alike.
    return 'a PDF file, not text: copy its text (select all, copy) into a text file, and import that (`resolint --import`) into the draft format';
  }
  if (startsWith(bytes, 'PK\x03\x04')) {
    // A ZIP archive: Word's and OpenDocument's files are, told apart by the names of their parts.
    if (isWordDocument(bytes)) return 'a Word document (.docx), not text: `resolint --import` reads it into the draft format';
    if (isOpenDocumentText(bytes)) return 'an OpenDocument text (.odt), not text: `resolint --import` reads it into the draft format';
    return 'a ZIP archive, not text';
  }
  if (startsWith(bytes, '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1')) return `a Word 97–2003 document (.doc) or another Office file, not text: ${saveAsWordOrText}`;
  if (startsWith(bytes, '{\\rtf')) return `a Rich Text Format file (.rtf), not plain text: ${saveAsWordOrText}`;
  return undefined;
}

/** Whether `bytes` are a Word document (.docx), which `--import` reads (node/docx-import.ts). */
export function isWordDocument(bytes: Uint8Array): boolean {
  return startsWith(bytes, 'PK\x03\x04') && asBuffer(bytes).includes('word/document.xml', 0, 'latin1');
}

/**
 * Whether `bytes` are an OpenDocument text (.odt), which `--import` reads (node/odt-import.ts): its
 * archive names the type in its first part, "mimetype". Asked after `isWordDocument`, as both callers do.
 */
export function isOpenDocumentText(bytes: Uint8Array): boolean {
  return startsWith(bytes, 'PK\x03\x04') && asBuffer(bytes).includes('application/vnd.oasis.opendocument.text', 0, 'latin1');
}

/** The same bytes as a Buffer, for its search, not copied. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Whether `bytes` open with `prefix`, a string of units below 256 (one byte each). */
function startsWith(bytes: Uint8Array, prefix: string): boolean {
  if (bytes.length < prefix.length) return false;
  for (let index = 0; index < prefix.length; index++) if (bytes[index] !== prefix.charCodeAt(index)) return false;
  return true;
}

/**
 * Whether `bytes` read as UTF-16 text without a byte order mark, and in which byte order: an even
 * length, at least half of the units with a zero high byte (ASCII in the other byte: a draft's letters,
 * digits, spaces and punctuation), and every unit text: no NUL, no control character but tab, line
 * feed, form feed and carriage return, no unpaired surrogate. A binary has NUL bytes on both sides
 * and control bytes among them; undefined for it.
 */
export function utf16ByteOrderWithoutMark(bytes: Uint8Array): 'be' | 'le' | undefined {
  const units = bytes.length >> 1;
  if (units === 0 || bytes.length % 2 !== 0) return undefined;
  let zeroFirst = 0;
  let zeroSecond = 0;
  for (let index = 0; index < bytes.length; index += 2) {
    if (bytes[index] === 0) zeroFirst++;
    if (bytes[index + 1] === 0) zeroSecond++;
  }
  const order = zeroFirst >= units / 2 && zeroFirst > zeroSecond ? 'be' : zeroSecond >= units / 2 && zeroSecond > zeroFirst ? 'le' : undefined;
  if (!order) return undefined;
  const high = order === 'be' ? 0 : 1;
  let expectLowSurrogate = false;
  for (let index = 0; index < bytes.length; index += 2) {
    const unit = ((bytes[index + high] ?? 0) << 8) | (bytes[index + 1 - high] ?? 0);
    const isLowSurrogate = unit >= 0xdc00 && unit <= 0xdfff;
    if (expectLowSurrogate !== isLowSurrogate) return undefined;
    expectLowSurrogate = unit >= 0xd800 && unit <= 0xdbff;
    if (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0c && unit !== 0x0d) return undefined;
  }
  return expectLowSurrogate ? undefined : order;
}

/**
 * Reads and decodes a file; never throws. A file over `maxBytes` is not read: a regular file is
 * refused on its size alone, anything else (a pipe, a device) as soon as more than that arrives.
 */
export function readTextFile(filePath: string | number, maxBytes: number = maxTextFileBytes): TextFileResult {
  const read = readFileBytes(filePath, maxBytes);
  return read.ok ? decodeText(read.bytes) : read;
}

/** A file's bytes as read, or why they could not be. */
export type BytesResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly reason: string };

/** A file's bytes, as `readTextFile` reads them before decoding; never throws. */
export function readFileBytes(filePath: string | number, maxBytes: number = maxTextFileBytes): BytesResult {
  let bytes: Uint8Array | undefined;
  try {
    bytes = readBounded(filePath, maxBytes);
  } catch (error) {
    return { ok: false, reason: `cannot read it (${describeFileError(error)})` };
  }
  if (!bytes) return { ok: false, reason: tooLargeReasonFor(maxBytes) };
  return { ok: true, bytes };
}

/** The bytes of a file, or undefined when it holds more than `maxBytes`. */
function readBounded(filePath: string | number, maxBytes: number): Uint8Array | undefined {
  const ownsDescriptor = typeof filePath !== 'number';
  const fd = typeof filePath === 'number' ? filePath : fs.openSync(filePath, 'r');
  try {
    const stats = fs.fstatSync(fd);
    if (stats.isFile() && stats.size > maxBytes) return undefined;
    const chunks: Buffer[] = [];
    let total = 0;
    // Read one byte past the limit at most: enough to know the limit is passed.
    const chunkSize = Math.max(1, Math.min(1024 * 1024, stats.isFile() ? stats.size + 1 : 64 * 1024));
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(chunkSize, maxBytes + 1 - total));
      const count = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (count === 0) break;
      chunks.push(count === chunk.length ? chunk : chunk.subarray(0, count));
      total += count;
      if (total > maxBytes) return undefined;
    }
    return Buffer.concat(chunks, total);
  } finally {
    if (ownsDescriptor) fs.closeSync(fd);
  }
}


/**
 * Where the first malformed UTF-8 sequence starts (the byte a person would call "the bad one",
 * such as a Latin-1 "é"), or -1 when the bytes are well formed. Follows the Unicode table of
 * well-formed byte sequences, as the fatal TextDecoder does.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset] ?? 0;
    if (lead < 0x80) {
      offset++;
      continue;
    }
    let continuationCount: number;
    if (lead >= 0xc2 && lead <= 0xdf) continuationCount = 1;
    else if (lead >= 0xe0 && lead <= 0xef) continuationCount = 2;
    else if (lead >= 0xf0 && lead <= 0xf4) continuationCount = 3;
    else return offset;
    // The second byte's range is narrower after some leads (no overlongs, surrogates, or > U+10FFFF).
    let low = 0x80;
    let high = 0xbf;
    if (lead === 0xe0) low = 0xa0;
    else if (lead === 0xed) high = 0x9f;
    else if (lead === 0xf0) low = 0x90;
    else if (lead === 0xf4) high = 0x8f;
    for (let index = 1; index <= continuationCount; index++) {
      const byte = bytes[offset + index];
      if (byte === undefined || byte < low || byte > high) return offset;
      low = 0x80;
      high = 0xbf;
    }
    offset += continuationCount + 1;
  }
  return -1;
}

function countLines(bytes: Uint8Array, endOffset: number): number {
  let line = 1;
  for (let offset = 0; offset < endOffset; offset++) if (bytes[offset] === 10) line++;
  return line;
}
