// A didChange's content changes, applied to the open document. A replace-all or a multi-cursor edit
// sends thousands of changes in one notification; applied one by one (vscode-languageserver-textdocument's
// update), each change copies the whole text: 14,569 changes on a 1 MB draft took 15 s before the
// diagnostics. Editors send such a batch last first (VS Code does), so that every range is still in the
// coordinates of the text before the batch: the new text is then made in one pass. Anything else is
// applied one by one, as the library does.
import { TextDocument, type Position, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** The document after `changes`, as `TextDocument.update` gives it (a new object when made in one pass). */
export function applyContentChanges(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
  const text = changes.length > 1 ? textAfterChangesLastFirst(document, changes) : undefined;
  if (text === undefined) return TextDocument.update(document, changes, version);
  return TextDocument.create(document.uri, document.languageId, version, text);
}

/**
 * The text after `changes` if each one ends at or before the start of the one sent before it (so none
 * moves the places the next ones name), every place naming an offset exactly and none just after a
 * carriage return; undefined otherwise.
 */
export function textAfterChangesLastFirst(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[]): string | undefined {
  const original = document.getText();
  const replaced: { readonly start: number; readonly end: number; readonly text: string }[] = [];
  let limit = Number.POSITIVE_INFINITY;
  for (const change of changes) {
    // A change of the whole text: one by one, as the library does.
    if (!('range' in change)) return undefined;
    const start = exactOffset(document, change.range.start);
    const end = exactOffset(document, change.range.end);
    if (start === undefined || end === undefined || start > end || end > limit) return undefined;
    // After a lone CR, a line feed the change brings (or uncovers) joins it into one line break, and the
    // next line then starts a character later: a place the next change names there means another offset.
    if (original.charCodeAt(start - 1) === 13 /* \r */) return undefined;
    replaced.push({ start, end, text: change.text });
    limit = start;
  }
  const pieces: string[] = [];
  let cursor = 0;
  // Sent last first: assembled first to last.
  for (let index = replaced.length - 1; index >= 0; index--) {
    const { start, end, text } = replaced[index] as (typeof replaced)[number];
    pieces.push(original.slice(cursor, start), text);
    cursor = end;
  }
  pieces.push(original.slice(cursor));
  return pieces.join('');
}

/**
 * The offset `position` names, if it names one exactly: not past the end of its line or of the text,
 * not between the two characters of a CRLF. The library moves such places; one by one it does so in
 * the text as the earlier changes left it, which the one pass does not see.
 */
function exactOffset(document: TextDocument, position: Position): number | undefined {
  const offset = document.offsetAt(position);
  const named = document.positionAt(offset);
  return named.line === position.line && named.character === position.character ? offset : undefined;
}
