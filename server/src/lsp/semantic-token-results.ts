// The semantic tokens last sent per document, so that the next request after a keystroke can be
// answered with what changed (textDocument/semanticTokens/full/delta). VS Code asks for the tokens after
// every change; the whole list of a 1 MB draft is some 20,000 tokens of five numbers each, and a
// keystroke changes the few on its own line (the encoding is relative to the token before).
import type { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit } from 'vscode-languageserver';

export class SemanticTokenResults {
  private readonly lastSent = new Map<string, { readonly resultId: string; readonly data: readonly number[] }>();
  private resultsMade = 0;

  /** The whole list, remembered as the document's last result. */
  full(documentUri: string, data: number[]): SemanticTokens {
    const resultId = String(++this.resultsMade);
    this.lastSent.set(documentUri, { resultId, data });
    return { resultId, data };
  }

  /** What changed since the result `previousResultId`, if it is the last one sent; the whole list otherwise. */
  delta(documentUri: string, previousResultId: string, data: number[]): SemanticTokens | SemanticTokensDelta {
    const previous = this.lastSent.get(documentUri);
    const current = this.full(documentUri, data);
    if (previous?.resultId !== previousResultId) return current;
    const edit = middleEdit(previous.data, data);
    return { resultId: current.resultId, edits: edit ? [edit] : [] };
  }

  forget(documentUri: string): void {
    this.lastSent.delete(documentUri);
  }
}

/** The one edit that turns `before` into `after`: the stretch between their common start and common end. */
export function middleEdit(before: readonly number[], after: readonly number[]): SemanticTokensEdit | undefined {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const deleteCount = before.length - start - end;
  const inserted = after.slice(start, after.length - end);
  if (deleteCount === 0 && inserted.length === 0) return undefined;
  return inserted.length > 0 ? { start, deleteCount, data: inserted } : { start, deleteCount };
}
