// The editing features over LSP: outline, folding, hover, navigation, completion, formatting, links,
// semantic tokens, code actions, the renumbering, finalizing and converting commands and the
// status-bar counts (the preview and the exports are output-handlers'). Each handler reads
// the one cached analysis of the document's version, asks the core, converts; none parses, and
// none throws to the client: a failure is logged and answered with nothing; a request naming no
// document or no position is refused (InvalidParams) and a cancelled one answered RequestCancelled.
import {
  CodeActionKind,
  ErrorCodes,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type ServerCapabilities,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import {
  codeActionKinds,
  codeActionsFor,
  completionsAt,
  convertToDraftFormatEdits,
  definitionAt,
  documentLinks,
  documentStatistics,
  documentSymbols,
  editTitle,
  finalizeNumberingEdits,
  foldingRanges,
  footnoteRenumberingMovesSameSource,
  formattingEdits,
  hoverAt,
  lexiconFor,
  referencesAt,
  renumberFootnoteEdits,
  renumberOperativeEdits,
  semanticTokens,
  strandedByFinalizing,
  strandedByRenumbering,
  quotedByUnclosedMark,
  type DocumentStatistics,
  type CrossReference,
  type Draft,
  type Lexicon,
  type TextEdit,
  type WholeDraftEdit,
} from '../core/index';
import type { Analysis } from './analysis-cache';
import {
  semanticTokensLegend,
  toCodeAction,
  toCompletionItems,
  toDefinition,
  toDocumentLinks,
  toDocumentSymbols,
  toFoldingRanges,
  toHover,
  toLocations,
  toSemanticTokens,
  toSymbolInformation,
  toTextEdits,
  toWorkspaceEdit,
} from './convert-features';
import { registerOutputHandlers } from './output-handlers';
import { SemanticTokenResults } from './semantic-token-results';

/** Server commands (workspace/executeCommand); arguments: one `{ uri, version? }`. Clients name their own palette commands. */
export const serverCommands = {
  renumberOperativeParagraphs: 'resolint.server.renumberOperativeParagraphs',
  renumberFootnotes: 'resolint.server.renumberFootnotes',
  finalizeNumbering: 'resolint.server.finalizeNumbering',
  convertToDraftFormat: 'resolint.server.convertToDraftFormat',
} as const;

/** What each server command edits; a Map, so no command name reaches an object's prototype. */
/** What each server command edits, and which edit it is (named to the editor, its undo entry, in the draft's language; the log says `label`). */
const documentCommands = new Map<string, { readonly label: string; readonly edit: WholeDraftEdit; readonly edits: (draft: Draft) => TextEdit[] }>([
  [serverCommands.renumberOperativeParagraphs, { label: 'Renumber operative paragraphs', edit: 'renumber-operative', edits: renumberOrSayWhyNot }],
  [serverCommands.renumberFootnotes, { label: 'Renumber footnotes', edit: 'renumber-footnotes', edits: renumberFootnotesOrSayWhyNot }],
  [serverCommands.finalizeNumbering, { label: 'Finalize numbering', edit: 'finalize-numbering', edits: finalizeOrSayWhyNot }],
  [serverCommands.convertToDraftFormat, { label: 'Convert to draft format', edit: 'convert-to-draft-format', edits: convertToDraftFormatEdits }],
]);

/**
 * The renumbering of the operative paragraphs; where a reference holds it back (a number no paragraph
 * has, or two have), an error that says which (the client reports the command failed and the output
 * says why), not "already numbered".
 */
function renumberOrSayWhyNot(draft: Draft): TextEdit[] {
  return editsOrWhyNot(draft, renumberOperativeEdits(draft), strandedByRenumbering, 'renumbering would point it at another paragraph, so the paragraphs are left as they are');
}

/**
 * "Finalize numbering"; where a reference holds it back, an error that says which, as renumbering's
 * (it answered "nothing changed" and the client said the paragraphs carried final numbers already).
 */
function finalizeOrSayWhyNot(draft: Draft): TextEdit[] {
  return editsOrWhyNot(draft, finalizeNumberingEdits(draft), strandedByFinalizing, 'finalized, it would point at another paragraph, so the numbers are left as they are');
}

/** `edits`; none and a reference `strandedBy` holds them back: an error naming the reference, and what would befall it. */
function editsOrWhyNot(draft: Draft, edits: TextEdit[], strandedBy: (draft: Draft) => readonly CrossReference[], consequence: string): TextEdit[] {
  const stranded = edits.length === 0 ? strandedBy(draft)[0] : undefined;
  if (!stranded) return edits;
  const quoted = draft.text.slice(stranded.span.start, stranded.span.end).replace(/\s+/g, ' ');
  // "(a) (iii) above" naming a lettered paragraph, which finalizing numbers.
  if (stranded.subparagraphOnly) throw new Error(`"${quoted}" names a paragraph by its letter, which numbering takes away: the numbers are left as they are until the reference names the paragraph by its number.`);
  if (quotedByUnclosedMark(draft, stranded.span.start)) throw new Error(`"${quoted}" stands after a quotation mark that is never closed, so it may be quoted or this text's own: ${consequence} until the quotation is closed or the stray mark removed.`);
  throw new Error(`"${quoted}" names a number no paragraph has, or two have: ${consequence} until the reference says which it means.`);
}

/**
 * The footnote renumbering; where it is held back because an "Ibid." would cite another source, an
 * error that says so (the client reports the command failed and the output says why), not "already
 * numbered".
 */
function renumberFootnotesOrSayWhyNot(draft: Draft): TextEdit[] {
  const edits = renumberFootnoteEdits(draft);
  const held = edits.length === 0 ? footnoteRenumberingMovesSameSource(draft) : undefined;
  if (held) throw new Error(`footnote ${held.footnote.number} opens with "${held.words}" and cites the source of the footnote before it; renumbered, it would follow another footnote, so the footnotes are left for renumbering by hand.`);
  return edits;
}

/** The custom request behind the status bar: `{ textDocument: { uri } }` → DocumentStatistics, or null. */
export const documentStatsRequest = 'resolint/documentStats';

/** What a renumbering command answers: how many numbers changed, and whether the client applied the edit. */
export interface RenumberResult {
  readonly changed: number;
  readonly applied: boolean;
  /** The edit, when the client cannot be asked to apply it (no `workspace.applyEdit`). */
  readonly edit?: WorkspaceEdit;
}

export interface FeatureDependencies {
  /** The cached analysis of the open document as it is now; undefined when it is not open. */
  analyze(documentUri: string): Promise<Analysis | undefined>;
  clientCapabilities(): ClientCapabilities;
  logError(what: string, error: unknown): void;
  /** A request whose params are refused without an error answer (the preview's, the exports'): one line in the log. */
  logWarning(message: string): void;
}

export function featureCapabilities(): ServerCapabilities {
  return {
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    completionProvider: { triggerCharacters: ['^', ' '], resolveProvider: false },
    documentFormattingProvider: true,
    documentLinkProvider: { resolveProvider: false },
    semanticTokensProvider: { legend: semanticTokensLegend, full: { delta: true }, range: false },
    codeActionProvider: {
      codeActionKinds: [
        CodeActionKind.QuickFix,
        CodeActionKind.Source,
        codeActionKinds.fixAll,
        codeActionKinds.renumberOperativeParagraphs,
        codeActionKinds.renumberFootnotes,
        codeActionKinds.finalizeNumbering,
        codeActionKinds.convertToDraftFormat,
      ],
      resolveProvider: false,
    },
    executeCommandProvider: { commands: Object.values(serverCommands) },
  };
}

/** The lexicon completion offers, with the settings' extra openers: built once per analysis. */
const lexiconOfAnalysis = new WeakMap<Analysis, Lexicon | undefined>();
function lexiconOf(analysis: Analysis): Lexicon | undefined {
  if (!lexiconOfAnalysis.has(analysis)) lexiconOfAnalysis.set(analysis, lexiconFor(analysis.result.draft.language, analysis.settings.settings.lexicon));
  return lexiconOfAnalysis.get(analysis);
}

function isDocumentArgument(value: unknown): value is { uri: string; version?: number } {
  if (typeof value !== 'object' || value === null) return false;
  const { uri, version } = value as { uri?: unknown; version?: unknown };
  return typeof uri === 'string' && (version === undefined || typeof version === 'number');
}

/** What the feature handlers keep per open document: to be let go when it closes. */
export interface FeatureHandlers {
  forget(documentUri: string): void;
}

export function registerFeatureHandlers(connection: Connection, dependencies: FeatureDependencies): FeatureHandlers {
  const { analyze, logError } = dependencies;
  const semanticTokenResults = new SemanticTokenResults();
  const capabilities = (): ClientCapabilities => dependencies.clientCapabilities();
  const documentChanges = (): boolean => capabilities().workspace?.workspaceEdit?.documentChanges === true;

  /**
   * Runs `answer` on the analysis of the document `params.textDocument.uri` names; null when it is
   * not open, and on any failure, which is logged. A request that names no document, or an answer
   * that throws a ResponseError (a position that is not one), is answered with that error (logged by
   * transport.ts, as every InvalidParams answer is); a
   * cancelled request with RequestCancelled, before the document is analysed or after (a hostile
   * or busy client may cancel a request on a 20 MB draft: test/lsp-hostile.test.ts).
   */
  const withAnalysis = async <R>(what: string, params: unknown, token: CancellationToken | undefined, answer: (analysis: Analysis) => R | Promise<R>): Promise<R | null | ResponseError<void>> => {
    const documentUri = (params as { textDocument?: { uri?: unknown } } | null | undefined)?.textDocument?.uri;
    if (typeof documentUri !== 'string') return new ResponseError(ErrorCodes.InvalidParams, `${what}: the request names no textDocument.uri`);
    const cancelled = (): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, `${what} for ${documentUri}: cancelled`);
    if (token?.isCancellationRequested) return cancelled();
    try {
      const analysis = await analyze(documentUri);
      if (token?.isCancellationRequested) return cancelled();
      return analysis ? await answer(analysis) : null;
    } catch (error) {
      if (error instanceof ResponseError) return new ResponseError<void>(error.code, `${what}: ${error.message}`);
      logError(`${what} for ${documentUri}`, error);
      return null;
    }
  };
  /** The offset of a position in the analysed text; a position that is not two numbers is refused (InvalidParams). Far past the end is the end. */
  const offsetAt = (analysis: Analysis, position: unknown): number => {
    const { line, character } = (position ?? {}) as { line?: unknown; character?: unknown };
    if (typeof line !== 'number' || typeof character !== 'number' || !Number.isFinite(line) || !Number.isFinite(character)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `${JSON.stringify(position)} is not a position {line, character}`);
    }
    return analysis.lineIndex.offsetAt({ line: Math.floor(line), character: Math.floor(character) });
  };

  connection.onDocumentSymbol((params, token) =>
    withAnalysis('Document symbols', params, token, (analysis) => {
      const symbols = documentSymbols(analysis.result.draft);
      return capabilities().textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport
        ? toDocumentSymbols(symbols, analysis)
        : toSymbolInformation(symbols, analysis);
    }),
  );

  connection.onFoldingRanges((params, token) =>
    withAnalysis('Folding ranges', params, token, (analysis) => toFoldingRanges(foldingRanges(analysis.result.draft), analysis)),
  );

  connection.onHover((params, token) =>
    withAnalysis('Hover', params, token, (analysis) => {
      const hover = hoverAt(analysis.result.draft, offsetAt(analysis, params.position));
      return hover ? toHover(hover, analysis, capabilities().textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) === true) : null;
    }),
  );

  connection.onDefinition((params, token) =>
    withAnalysis('Definition', params, token, (analysis) => {
      const definition = definitionAt(analysis.result.draft, offsetAt(analysis, params.position));
      return definition ? toDefinition(definition, analysis, capabilities().textDocument?.definition?.linkSupport === true) : null;
    }),
  );

  connection.onReferences((params, token) =>
    withAnalysis('References', params, token, (analysis) =>
      toLocations(referencesAt(analysis.result.draft, offsetAt(analysis, params.position), params.context.includeDeclaration), analysis),
    ),
  );

  connection.onCompletion((params, token) =>
    withAnalysis('Completion', params, token, (analysis) => {
      const options = { lexicon: lexiconOf(analysis), alsoPosition: analysis.settings.settings.alsoPosition };
      const completions = completionsAt(analysis.result.draft, offsetAt(analysis, params.position), options);
      const markdown = capabilities().textDocument?.completion?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown) === true;
      return { isIncomplete: false, items: toCompletionItems(completions, analysis, markdown) };
    }),
  );

  connection.onDocumentFormatting((params, token) =>
    withAnalysis('Formatting', params, token, (analysis) =>
      // The editor's options beyond the draft format: trailing white space kept where it says so.
      toTextEdits(formattingEdits(analysis.result.draft, { ...(params.options.trimTrailingWhitespace === false ? { trimTrailingWhitespace: false } : {}) }), analysis),
    ),
  );

  connection.onDocumentLinks((params, token) =>
    withAnalysis('Document links', params, token, (analysis) => toDocumentLinks(documentLinks(analysis.result.draft), analysis)),
  );

  const tokenData = (analysis: Analysis): number[] => toSemanticTokens(semanticTokens(analysis.result.draft), analysis).data;
  connection.languages.semanticTokens.on(async (params, token) =>
    (await withAnalysis('Semantic tokens', params, token, (analysis) => semanticTokenResults.full(analysis.uri, tokenData(analysis)))) ?? { data: [] },
  );

  // After a keystroke: the tokens that changed, not the whole list again (semantic-token-results.ts).
  connection.languages.semanticTokens.onDelta(async (params, token) =>
    (await withAnalysis('Semantic tokens', params, token, (analysis) => {
      const previousResultId: unknown = (params as { previousResultId?: unknown }).previousResultId;
      return typeof previousResultId === 'string'
        ? semanticTokenResults.delta(analysis.uri, previousResultId, tokenData(analysis))
        : semanticTokenResults.full(analysis.uri, tokenData(analysis));
    })) ?? { data: [] },
  );

  connection.onCodeAction((params, token) =>
    withAnalysis('Code actions', params, token, (analysis) => {
      const range = { start: offsetAt(analysis, params.range?.start), end: offsetAt(analysis, params.range?.end) };
      const only = params.context.only;
      const proposals = codeActionsFor(analysis.result, range, { settings: analysis.settings.settings, ...(only ? { only } : {}) });
      return proposals.map((proposal) => toCodeAction(proposal, analysis, documentChanges()));
    }),
  );

  connection.onExecuteCommand(async (params) => {
    const argument = params.arguments?.[0];
    const renumber = documentCommands.get(params.command);
    if (!renumber || !isDocumentArgument(argument)) {
      logError(`Command ${params.command}`, new Error(`unknown command or arguments: ${JSON.stringify(params.arguments ?? [])}`));
      return null;
    }
    return withAnalysis<RenumberResult>(renumber.label, { textDocument: { uri: argument.uri } }, undefined, async (analysis) => {
      // The client saw another version: its numbers may not be these.
      if (argument.version !== undefined && argument.version !== analysis.version) return { changed: 0, applied: false };
      const edits = renumber.edits(analysis.result.draft);
      if (edits.length === 0) return { changed: 0, applied: true };
      const edit = toWorkspaceEdit(edits, analysis, documentChanges());
      if (!capabilities().workspace?.applyEdit) return { changed: edits.length, applied: false, edit };
      const result = await connection.workspace.applyEdit({ label: editTitle(analysis.result.draft, renumber.edit), edit });
      return { changed: edits.length, applied: result.applied };
    });
  });

  connection.onRequest(documentStatsRequest, (params: unknown, token) =>
    withAnalysis<DocumentStatistics>('Document statistics', params, token, (analysis) => documentStatistics(analysis.result.draft)),
  );

  registerOutputHandlers(connection, { analyze, logError, logWarning: dependencies.logWarning });

  return { forget: (documentUri) => semanticTokenResults.forget(documentUri) };
}
