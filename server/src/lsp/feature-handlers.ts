// The editing features over LSP: outline, folding, hover, navigation, completion, formatting, links,
// semantic tokens, code actions, the renumbering, finalizing and converting commands and the
// status-bar counts (the preview and the exports are output-handlers'). Each handler reads
// the one cached analysis of the document's version, asks the core, converts; none parses, and
// none throws to the client: a failure is logged and answered with nothing.
import {
  CodeActionKind,
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
  finalizeNumberingEdits,
  foldingRanges,
  formattingEdits,
  hoverAt,
  lexiconFor,
  referencesAt,
  renumberFootnoteEdits,
  renumberOperativeEdits,
  semanticTokens,
  type DocumentStatistics,
  type Draft,
  type Lexicon,
  type TextEdit,
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

/** Server commands (workspace/executeCommand); arguments: one `{ uri, version? }`. Clients name their own palette commands. */
export const serverCommands = {
  renumberOperativeParagraphs: 'resolint.server.renumberOperativeParagraphs',
  renumberFootnotes: 'resolint.server.renumberFootnotes',
  finalizeNumbering: 'resolint.server.finalizeNumbering',
  convertToDraftFormat: 'resolint.server.convertToDraftFormat',
} as const;

/** What each server command edits; a Map, so no command name reaches an object's prototype. */
const documentCommands = new Map<string, { readonly label: string; readonly edits: (draft: Draft) => TextEdit[] }>([
  [serverCommands.renumberOperativeParagraphs, { label: 'Renumber operative paragraphs', edits: renumberOperativeEdits }],
  [serverCommands.renumberFootnotes, { label: 'Renumber footnotes', edits: renumberFootnoteEdits }],
  [serverCommands.finalizeNumbering, { label: 'Finalize numbering', edits: finalizeNumberingEdits }],
  [serverCommands.convertToDraftFormat, { label: 'Convert to draft format', edits: convertToDraftFormatEdits }],
]);

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
    semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: false },
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

export function registerFeatureHandlers(connection: Connection, dependencies: FeatureDependencies): void {
  const { analyze, logError } = dependencies;
  const capabilities = (): ClientCapabilities => dependencies.clientCapabilities();
  const documentChanges = (): boolean => capabilities().workspace?.workspaceEdit?.documentChanges === true;

  /** Runs `answer` on the analysis of the document; null when it is not open, and on any failure, which is logged. */
  const withAnalysis = async <R>(what: string, documentUri: string, answer: (analysis: Analysis) => R | Promise<R>): Promise<R | null> => {
    try {
      const analysis = await analyze(documentUri);
      return analysis ? await answer(analysis) : null;
    } catch (error) {
      logError(`${what} for ${documentUri}`, error);
      return null;
    }
  };

  connection.onDocumentSymbol((params) =>
    withAnalysis('Document symbols', params.textDocument.uri, (analysis) => {
      const symbols = documentSymbols(analysis.result.draft);
      return capabilities().textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport
        ? toDocumentSymbols(symbols, analysis)
        : toSymbolInformation(symbols, analysis);
    }),
  );

  connection.onFoldingRanges((params) =>
    withAnalysis('Folding ranges', params.textDocument.uri, (analysis) => toFoldingRanges(foldingRanges(analysis.result.draft), analysis)),
  );

  connection.onHover((params) =>
    withAnalysis('Hover', params.textDocument.uri, (analysis) => {
      const hover = hoverAt(analysis.result.draft, analysis.lineIndex.offsetAt(params.position));
      return hover ? toHover(hover, analysis) : null;
    }),
  );

  connection.onDefinition((params) =>
    withAnalysis('Definition', params.textDocument.uri, (analysis) => {
      const definition = definitionAt(analysis.result.draft, analysis.lineIndex.offsetAt(params.position));
      return definition ? toDefinition(definition, analysis, capabilities().textDocument?.definition?.linkSupport === true) : null;
    }),
  );

  connection.onReferences((params) =>
    withAnalysis('References', params.textDocument.uri, (analysis) =>
      toLocations(referencesAt(analysis.result.draft, analysis.lineIndex.offsetAt(params.position), params.context.includeDeclaration), analysis),
    ),
  );

  connection.onCompletion((params) =>
    withAnalysis('Completion', params.textDocument.uri, (analysis) => {
      const options = { lexicon: lexiconOf(analysis), alsoPosition: analysis.settings.settings.alsoPosition };
      const completions = completionsAt(analysis.result.draft, analysis.lineIndex.offsetAt(params.position), options);
      return { isIncomplete: false, items: toCompletionItems(completions, analysis) };
    }),
  );

  connection.onDocumentFormatting((params) =>
    withAnalysis('Formatting', params.textDocument.uri, (analysis) => toTextEdits(formattingEdits(analysis.result.draft), analysis)),
  );

  connection.onDocumentLinks((params) =>
    withAnalysis('Document links', params.textDocument.uri, (analysis) => toDocumentLinks(documentLinks(analysis.result.draft), analysis)),
  );

  connection.languages.semanticTokens.on(async (params) =>
    (await withAnalysis('Semantic tokens', params.textDocument.uri, (analysis) => toSemanticTokens(semanticTokens(analysis.result.draft), analysis))) ?? { data: [] },
  );

  connection.onCodeAction((params) =>
    withAnalysis('Code actions', params.textDocument.uri, (analysis) => {
      const range = { start: analysis.lineIndex.offsetAt(params.range.start), end: analysis.lineIndex.offsetAt(params.range.end) };
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
    return withAnalysis<RenumberResult>(renumber.label, argument.uri, async (analysis) => {
      // The client saw another version: its numbers may not be these.
      if (argument.version !== undefined && argument.version !== analysis.version) return { changed: 0, applied: false };
      const edits = renumber.edits(analysis.result.draft);
      if (edits.length === 0) return { changed: 0, applied: true };
      const edit = toWorkspaceEdit(edits, analysis, documentChanges());
      if (!capabilities().workspace?.applyEdit) return { changed: edits.length, applied: false, edit };
      const result = await connection.workspace.applyEdit({ label: renumber.label, edit });
      return { changed: edits.length, applied: result.applied };
    });
  });

  connection.onRequest(documentStatsRequest, (params: { textDocument?: { uri?: unknown } }) => {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') return null;
    return withAnalysis<DocumentStatistics>('Document statistics', uri, (analysis) => documentStatistics(analysis.result.draft));
  });

  registerOutputHandlers(connection, { analyze, logError });
}
