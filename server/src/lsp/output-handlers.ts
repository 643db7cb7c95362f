// The outputs over LSP, for any editor: the print-layout preview (`resolint/preview`), the
// exports to Word, Akoma Ntoso and HTML (`resolint/export`), and the way in from a Word document or
// a PDF's text (`resolint/import`). The preview and the exports read the cached analysis of the
// document's version and build one rendering model per analysis, parsing nothing again; the import
// reads a file no editor has open. None throws to the client: a failure is logged and answered null.
import type { Connection } from 'vscode-languageserver';
import {
  akomaNtoso,
  convertToDraftFormat,
  parse,
  previewBody,
  previewContentSecurityPolicy,
  previewHtml,
  previewStyles,
  renderModel,
  symbolFromFileName,
  type HtmlOptions,
  type RenderModel,
} from '../core/index';
import { importedText } from '../node/import-text';
import { maxTextFileBytes, tooLargeReason } from '../node/text-file';
import type { Analysis } from './analysis-cache';

/** `{ textDocument: { uri }, scriptNonce?, page? }` → PreviewResult, or null when the document is not open. */
export const previewRequest = 'resolint/preview';
/** `{ textDocument: { uri }, format: "docx" | "akn" | "html" }` → ExportResult, or null. */
export const exportRequest = 'resolint/export';

export interface PreviewResult {
  readonly uri: string;
  /** The document version the preview shows; a client drops an answer for a version it no longer has. */
  readonly version: number;
  /** The draft's language ("en", "fr" …; "en" when unknown), for the page's lang attribute. */
  readonly language: string;
  /** The `<article>` of the page: blocks carry `data-start`/`data-end` offsets, paragraphs with findings `has-finding finding-<severity>`. */
  readonly body: string;
  /** The style sheet, to be put verbatim in one `<style>` element: the policy allows it by its hash. */
  readonly styles: string;
  /** The page's content security policy: nothing loaded, these styles, and a script only with the nonce asked for. */
  readonly contentSecurityPolicy: string;
  /** The whole standalone page, when asked for with `page: true`. */
  readonly html?: string;
}

/**
 * `{ data }`, a file's bytes in base64 (a Word document, or a text copied out of a PDF) → ImportResult:
 * the draft in the draft format, for an editor to open as a new document. Null for params that name
 * no data.
 */
export const importRequest = 'resolint/import';

/** The draft's text, or why the file could not be read ("a PDF file, not text: …"). */
export type ImportResult = { readonly text: string } | { readonly reason: string };

export const exportFormats = ['docx', 'akn', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportResult {
  readonly uri: string;
  readonly version: number;
  readonly format: ExportFormat;
  /** base64 for docx (a zip package), utf8 text for akn (XML) and html. */
  readonly encoding: 'base64' | 'utf8';
  readonly data: string;
}

export interface OutputDependencies {
  /** The cached analysis of the open document as it is now; undefined when it is not open. */
  analyze(documentUri: string): Promise<Analysis | undefined>;
  logError(what: string, error: unknown): void;
  /** A request whose params are refused (answered null): one line in the log. */
  logWarning(message: string): void;
}

/** A nonce goes into the page's policy and a script's attribute: plain base64 or hex characters only. */
const noncePattern = /^[A-Za-z0-9+/_-]{16,128}={0,2}$/u;

const modelOfAnalysis = new WeakMap<Analysis, RenderModel>();

/** The rendering model of the analysis' draft, built once per document version; a file named like "A_RES_61_181.txt" gives the symbol. */
function modelOf(analysis: Analysis): RenderModel {
  let model = modelOfAnalysis.get(analysis);
  if (!model) {
    const symbolHint = symbolFromUri(analysis.uri);
    model = renderModel(analysis.result.draft, symbolHint ? { symbolHint } : {});
    modelOfAnalysis.set(analysis, model);
  }
  return model;
}

function symbolFromUri(uri: string): string | undefined {
  const lastSegment = uri.replace(/[?#].*$/su, '').replace(/^.*\//su, '');
  try {
    return symbolFromFileName(decodeURIComponent(lastSegment));
  } catch {
    return symbolFromFileName(lastSegment);
  }
}

function documentUriOf(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const textDocument = (params as { textDocument?: unknown }).textDocument;
  if (typeof textDocument !== 'object' || textDocument === null) return undefined;
  const uri = (textDocument as { uri?: unknown }).uri;
  return typeof uri === 'string' ? uri : undefined;
}

export function registerOutputHandlers(connection: Connection, dependencies: OutputDependencies): void {
  const { analyze, logError, logWarning } = dependencies;
  /** Refused params are answered null, as the client expects for "nothing to show", and logged. */
  const refuse = (what: string, why: string): null => {
    logWarning(`Rejected a ${what} request: ${why}; answered null`);
    return null;
  };

  const withAnalysis = async <R>(what: string, documentUri: string, answer: (analysis: Analysis) => R | Promise<R>): Promise<R | null> => {
    try {
      const analysis = await analyze(documentUri);
      return analysis ? await answer(analysis) : null;
    } catch (error) {
      logError(`${what} for ${documentUri}`, error);
      return null;
    }
  };

  connection.onRequest(previewRequest, (params: unknown) => {
    const uri = documentUriOf(params);
    if (uri === undefined) return refuse(previewRequest, 'the request names no textDocument.uri');
    const { scriptNonce, page } = params as { scriptNonce?: unknown; page?: unknown };
    if (scriptNonce !== undefined && (typeof scriptNonce !== 'string' || !noncePattern.test(scriptNonce))) {
      logError(`Preview of ${uri}`, new Error('the script nonce must be 16 to 128 base64 characters'));
      return null;
    }
    return withAnalysis<PreviewResult>('Preview', uri, (analysis) => {
      const model = modelOf(analysis);
      const options: HtmlOptions = { findings: analysis.result.findings, ...(scriptNonce !== undefined ? { scriptNonce } : {}) };
      return {
        uri,
        version: analysis.version,
        language: model.language === 'unknown' ? 'en' : model.language,
        body: previewBody(model, options),
        styles: previewStyles,
        contentSecurityPolicy: previewContentSecurityPolicy(options),
        ...(page === true ? { html: previewHtml(model, options) } : {}),
      };
    });
  });

  connection.onRequest(importRequest, async (params: unknown): Promise<ImportResult | null> => {
    const data = (params as { data?: unknown } | null)?.data;
    if (typeof data !== 'string') return refuse(importRequest, 'the request carries no data string');
    // Base64 holds three bytes in four characters: the file limit, checked before decoding.
    if (data.length > Math.ceil(maxTextFileBytes / 3) * 4) return { reason: tooLargeReason };
    try {
      const read = await importedText(Buffer.from(data, 'base64'));
      return read.ok ? { text: convertToDraftFormat(parse(read.text)) } : { reason: read.reason };
    } catch (error) {
      logError('Import of a draft', error);
      return null;
    }
  });

  connection.onRequest(exportRequest, (params: unknown) => {
    const uri = documentUriOf(params);
    const format = (params as { format?: unknown } | null)?.format;
    if (uri === undefined) return refuse(exportRequest, 'the request names no textDocument.uri');
    if (!exportFormats.includes(format as ExportFormat)) return refuse(exportRequest, `format ${JSON.stringify(format) ?? 'undefined'} is not one of ${exportFormats.join(', ')}`);
    return withAnalysis<ExportResult>(`Export to ${String(format)}`, uri, async (analysis) => {
      const model = modelOf(analysis);
      const base = { uri, version: analysis.version, format: format as ExportFormat };
      if (format === 'docx') {
        // The one output that needs a library: loaded on the first export only.
        const { wordDocument } = await import('../node/docx.js');
        return { ...base, encoding: 'base64', data: (await wordDocument(model)).toString('base64') };
      }
      return { ...base, encoding: 'utf8', data: format === 'akn' ? akomaNtoso(model) : previewHtml(model) };
    });
  });
}
