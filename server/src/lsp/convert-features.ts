// The core's feature answers (offsets, plain data) to LSP shapes (ranges, protocol enums), one way.
// Positions come from the LineIndex of the analysis the answer was computed on.
import {
  CodeActionKind as LspCodeActionKind,
  CompletionItemKind,
  FoldingRangeKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type DocumentLink as LspDocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Location,
  type LocationLink,
  type SemanticTokens,
  type SymbolInformation,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import {
  dominantLineEnding,
  OutlineKind,
  semanticTokenModifiers,
  semanticTokenTypes,
  withLineEnding,
  type CodeActionProposal,
  type Completion,
  type Definition,
  type DocumentLink,
  type Fold,
  type HoverContent,
  type LineIndex,
  type OutlineSymbol,
  type SemanticToken,
  type Span,
  type TextEdit,
} from '../core/index';
import { findingToDiagnostic, toRange } from './convert';

/** What a conversion needs to know of the document the answer is about. */
export interface DocumentContext {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lineIndex: LineIndex;
}

export const semanticTokensLegend = { tokenTypes: [...semanticTokenTypes], tokenModifiers: [...semanticTokenModifiers] };

// ---- outline ------------------------------------------------------------------------------------

const symbolKinds: Record<OutlineKind, SymbolKind> = {
  [OutlineKind.Chapeau]: SymbolKind.Class,
  [OutlineKind.Part]: SymbolKind.Package,
  [OutlineKind.Section]: SymbolKind.Namespace,
  [OutlineKind.PreambularParagraph]: SymbolKind.Property,
  [OutlineKind.OperativeParagraph]: SymbolKind.Method,
  [OutlineKind.SubParagraph]: SymbolKind.Field,
  [OutlineKind.Annex]: SymbolKind.Module,
  [OutlineKind.AnnexParagraph]: SymbolKind.Field,
  [OutlineKind.Footnote]: SymbolKind.Key,
};

export function toDocumentSymbols(symbols: readonly OutlineSymbol[], document: DocumentContext): DocumentSymbol[] {
  return symbols.map((symbol) => ({
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: symbolKinds[symbol.kind],
    range: toRange(symbol.span, document.lineIndex),
    selectionRange: toRange(symbol.selectionSpan, document.lineIndex),
    children: toDocumentSymbols(symbol.children, document),
  }));
}

/** For clients without hierarchical symbols: the same outline, flat, each entry naming its container. */
export function toSymbolInformation(symbols: readonly OutlineSymbol[], document: DocumentContext, containerName?: string): SymbolInformation[] {
  return symbols.flatMap((symbol) => [
    {
      name: symbol.name,
      kind: symbolKinds[symbol.kind],
      location: { uri: document.uri, range: toRange(symbol.span, document.lineIndex) },
      ...(containerName ? { containerName } : {}),
    },
    ...toSymbolInformation(symbol.children, document, symbol.name),
  ]);
}

// ---- folding ------------------------------------------------------------------------------------

/** Line folds; a fold on a line where an earlier (enclosing) one starts is dropped, as editors keep one per line. */
export function toFoldingRanges(folds: readonly Fold[], document: DocumentContext): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const startLines = new Set<number>();
  for (const fold of folds) {
    const startLine = document.lineIndex.positionAt(fold.span.start).line;
    const end = document.lineIndex.positionAt(fold.span.end);
    const endLine = end.character === 0 && end.line > startLine ? end.line - 1 : end.line;
    if (endLine <= startLine || startLines.has(startLine)) continue;
    startLines.add(startLine);
    const kind = fold.kind === 'footnotes' ? FoldingRangeKind.Comment : fold.kind === 'paragraph' ? undefined : FoldingRangeKind.Region;
    ranges.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  }
  return ranges;
}

// ---- hover, navigation ----------------------------------------------------------------------------

/**
 * `hover` in Markdown, or as plain text for a client that reads no Markdown (it names the formats it
 * reads; none named is plain text, as LSP says): "**Footnote 1**" shows its asterisks otherwise.
 */
export function toHover(hover: HoverContent, document: DocumentContext, markdown = true): Hover {
  return { contents: markup(hover.markdown, markdown), range: toRange(hover.span, document.lineIndex) };
}

/** Markdown as the client reads it: as it is, or plain text without its emphasis markers and escapes. */
function markup(markdown: string, readsMarkdown: boolean): { kind: MarkupKind; value: string } {
  return readsMarkdown ? { kind: MarkupKind.Markdown, value: markdown } : { kind: MarkupKind.PlainText, value: plainTextOf(markdown) };
}

/** The Markdown the features write (emphasis with "*", escapes with "\\"), as plain text. */
export function plainTextOf(markdown: string): string {
  let text = '';
  for (let at = 0; at < markdown.length; at++) {
    const character = markdown[at] as string;
    if (character === '\\' && at + 1 < markdown.length) {
      text += markdown[++at] as string;
      continue;
    }
    if (character !== '*') text += character;
  }
  return text;
}

export function toDefinition(definition: Definition, document: DocumentContext, linkSupport: boolean): Location[] | LocationLink[] {
  if (linkSupport) {
    return definition.targets.map((target) => ({
      originSelectionRange: toRange(definition.originSpan, document.lineIndex),
      targetUri: document.uri,
      targetRange: toRange(target.span, document.lineIndex),
      targetSelectionRange: toRange(target.selectionSpan, document.lineIndex),
    }));
  }
  return definition.targets.map((target) => ({ uri: document.uri, range: toRange(target.selectionSpan, document.lineIndex) }));
}

export function toLocations(spans: readonly Span[], document: DocumentContext): Location[] {
  return spans.map((span) => ({ uri: document.uri, range: toRange(span, document.lineIndex) }));
}

// ---- completion -----------------------------------------------------------------------------------

const completionKinds: Record<Completion['kind'], CompletionItemKind> = {
  opener: CompletionItemKind.Keyword,
  'paragraph-number': CompletionItemKind.Value,
  footnote: CompletionItemKind.Reference,
  chapeau: CompletionItemKind.Class,
};

export function toCompletionItems(completions: readonly Completion[], document: DocumentContext, markdown = true): CompletionItem[] {
  return completions.map((completion) => ({
    label: completion.label,
    kind: completionKinds[completion.kind],
    textEdit: { range: toRange(completion.replaceSpan, document.lineIndex), newText: completion.insertText },
    insertTextFormat: InsertTextFormat.PlainText,
    sortText: completion.sortText,
    ...(completion.filterText ? { filterText: completion.filterText } : {}),
    ...(completion.detail ? { detail: completion.detail } : {}),
    ...(completion.documentation ? { documentation: markup(completion.documentation, markdown) } : {}),
    ...(completion.preselect ? { preselect: true } : {}),
  }));
}

// ---- edits, links, tokens -------------------------------------------------------------------------

/** The edits as LSP's, line breaks they insert written in the document's own ending ("\r\n" in a CRLF draft). */
export function toTextEdits(edits: readonly TextEdit[], document: DocumentContext): LspTextEdit[] {
  // The text is read for its ending only where an edit inserts a line break (most insert none).
  const lineEnding = edits.some((edit) => edit.newText.includes('\n')) ? dominantLineEnding(document.text) : '\n';
  return edits.map((edit) => ({ range: toRange(edit.span, document.lineIndex), newText: withLineEnding(edit, lineEnding).newText }));
}

/** A workspace edit of one document; versioned when the client takes document changes, so a stale edit is refused. */
export function toWorkspaceEdit(edits: readonly TextEdit[], document: DocumentContext, documentChanges: boolean): WorkspaceEdit {
  const textEdits = toTextEdits(edits, document);
  return documentChanges
    ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: textEdits }] }
    : { changes: { [document.uri]: textEdits } };
}

export function toDocumentLinks(links: readonly DocumentLink[], document: DocumentContext): LspDocumentLink[] {
  return links.map((link) => ({ range: toRange(link.span, document.lineIndex), target: link.target, tooltip: `Open ${link.symbol} in the UN Official Document System` }));
}

/**
 * The relative encoding of LSP: five integers per token (line delta, start delta, length, type,
 * modifier bits). A token over a line break becomes one token per line, as clients expect.
 */
export function toSemanticTokens(tokens: readonly SemanticToken[], document: DocumentContext): SemanticTokens {
  const data: number[] = [];
  let previousLine = 0;
  let previousCharacter = 0;
  for (const token of tokens) {
    const type = semanticTokenTypes.indexOf(token.type);
    const modifiers = token.modifiers.reduce((bits, modifier) => bits | (1 << semanticTokenModifiers.indexOf(modifier)), 0);
    const written = document.text.slice(token.span.start, token.span.end);
    let offset = token.span.start;
    for (const piece of written.split(/(\r\n|\r|\n)/)) {
      const isBreak = /^(\r\n|\r|\n)$/.test(piece);
      if (!isBreak && piece.length > 0) {
        const position = document.lineIndex.positionAt(offset);
        const lineDelta = position.line - previousLine;
        data.push(lineDelta, lineDelta === 0 ? position.character - previousCharacter : position.character, piece.length, type, modifiers);
        previousLine = position.line;
        previousCharacter = position.character;
      }
      offset += piece.length;
    }
  }
  return { data };
}

// ---- code actions ---------------------------------------------------------------------------------

export function toCodeAction(proposal: CodeActionProposal, document: DocumentContext, documentChanges: boolean): CodeAction {
  const kind: string = proposal.kind === 'quickfix' ? LspCodeActionKind.QuickFix : proposal.kind;
  return {
    title: proposal.title,
    kind,
    // Source actions fix the whole document: they name no diagnostics.
    ...(proposal.kind === 'quickfix' && proposal.findings.length > 0 ? { diagnostics: proposal.findings.map((finding) => findingToDiagnostic(finding, document.uri, document.lineIndex)) } : {}),
    ...(proposal.isPreferred ? { isPreferred: true } : {}),
    edit: toWorkspaceEdit(proposal.edits, document, documentChanges),
  };
}
