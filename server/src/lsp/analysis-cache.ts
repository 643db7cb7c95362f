// One lint result per document version and settings: parsed once, shared by every feature that asks.
// Each open document has its own incremental session: a keystroke re-reads the paragraph it changed.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LintSession, type LineIndex, type LintResult } from '../core/index';
import type { DocumentSettings } from './document-settings';
import { freshYoungGeneration } from './young-generation';
import { warmUpAnchors, warmUpMaximumLength, warmUpMinimumLength, warmUpQuietMs, warmUpTexts } from './keystroke-warm-up';

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  /** The text that was linted; spans in `result` are offsets into it, `lineIndex` maps them. */
  readonly text: string;
  readonly lineIndex: LineIndex;
  readonly result: LintResult;
  readonly settings: DocumentSettings;
  /** Unique per analysis, so a pull client can be told "unchanged". */
  readonly resultId: string;
}

export class AnalysisCache {
  private readonly byDocument = new Map<string, Analysis>();
  private readonly sessions = new Map<string, LintSession>();
  private analysesMade = 0;
  /** Whether a warm-up is under way (see warmUp). */
  private warmingUp = false;
  /** When the editor last asked for something (`noteRequest`): the warm-up waits until it has been quiet. */
  private lastRequestAt = Number.NEGATIVE_INFINITY;

  /** `createSession` is for tests, to watch what a document's session is asked to lint. */
  constructor(private readonly createSession: () => LintSession = () => new LintSession()) {}

  /** The analysis of the document as it is now; computed only if the version or the settings changed. */
  analysisOf(document: TextDocument, settings: DocumentSettings): Analysis {
    const cached = this.current(document, settings);
    if (cached) return cached;
    // The previous version's analysis is let go before this one is made, not after: its model, made
    // during the last keystroke and partly still in the young generation, then dies there instead of
    // being copied and promoted by the collections this lint triggers (measured on a 1 MB draft:
    // fewer and shorter collections, p95 of a keystroke's lint 19.5–21.5 → 15.4–18.2 ms).
    this.byDocument.delete(document.uri);
    // TextDocument is updated in place by later changes: take the text now, once.
    const text = document.getText();
    let session = this.sessions.get(document.uri);
    if (!session) {
      session = this.createSession();
      this.sessions.set(document.uri, session);
    }
    // With the previous model let go, a long draft's lint starts with the young generation collected (young-generation.ts).
    freshYoungGeneration(text.length);
    const linted = session.lint(text, settings.settings);
    // A draft is not linted with a settings file that has problems, as the command line refuses to:
    // findings under settings nobody chose (a negotiation draft's "2 bis." read as final) would mislead,
    // and the editor and CI would disagree. The draft is still read, for the outline, hover and the rest.
    const result: LintResult = settings.settingsFile && settings.settingsFile.problems.length > 0 ? { draft: linted.draft, findings: [] } : linted;
    const analysis: Analysis = {
      uri: document.uri,
      version: document.version,
      text,
      lineIndex: session.lineIndex(text),
      result,
      settings,
      resultId: String(++this.analysesMade),
    };
    this.byDocument.set(document.uri, analysis);
    return analysis;
  }

  /** The cached analysis if it is of the document as it is now, with these settings. */
  private current(document: TextDocument, settings: DocumentSettings): Analysis | undefined {
    const cached = this.byDocument.get(document.uri);
    // The text is compared too: a client that sends two changes with one version number must not be answered from the older text.
    if (cached && cached.version === document.version && cached.settings === settings && cached.text === document.getText()) return cached;
    return undefined;
  }

  /**
   * The editor asked for something (a hover, the outline): a warm-up step due within `warmUpQuietMs`
   * waits, so that the requests that follow are not queued behind a lint of a megabyte they do not need.
   */
  noteRequest(now: number = Date.now()): void {
    this.lastRequestAt = now;
  }

  /**
   * After a long draft is opened: its own session lints a few edited versions of it, one per call of
   * `schedule` (the first once the editor has been quiet for `warmUpQuietMs`, the others at once), so
   * its first real keystrokes find the keystroke path compiled (keystroke-warm-up.ts).
   * Stops as soon as `analysis` is no longer the document's latest: a change has arrived (`isLatest`
   * says so before the new version is linted), new settings, a close.
   * Returns whether the draft's length is one warmed up for.
   */
  warmUp(
    analysis: Analysis,
    isLatest: (analysis: Analysis) => boolean,
    logError: (what: string, error: unknown) => void,
    schedule: (step: () => void, afterMs: number) => void = (step, afterMs) => void setTimeout(step, afterMs),
    now: () => number = Date.now,
  ): boolean {
    const session = this.sessions.get(analysis.uri);
    if (!session || analysis.text.length < warmUpMinimumLength || analysis.text.length > warmUpMaximumLength) return false;
    // One at a time: what V8 compiles serves every document, and a workspace reopened with several long
    // drafts would otherwise spend seconds warming up for all of them at once.
    if (this.warmingUp) return false;
    this.warmingUp = true;
    const texts = warmUpTexts(analysis.text, warmUpAnchors(analysis.result.draft));
    const step = (): void => {
      let next: IteratorResult<string, void> | undefined;
      try {
        const stillLatest = this.byDocument.get(analysis.uri) === analysis && isLatest(analysis);
        // Put off while the editor is asking for things: a request queued behind a warm-up lint of a
        // megabyte waited up to a second (a hover 250 ms after opening, the outline, folding).
        const quietFor = now() - this.lastRequestAt;
        if (stillLatest && quietFor < warmUpQuietMs) {
          schedule(step, warmUpQuietMs - quietFor);
          return;
        }
        if (stillLatest) next = texts.next();
        if (next !== undefined && next.done !== true) {
          session.lint(next.value, analysis.settings.settings);
          // The analysis' line index is made on every keystroke too.
          session.lineIndex(next.value);
          schedule(step, 0);
          return;
        }
      } catch (error) {
        // Never from a timer into the process: the real lint of the next version meets it and says so.
        logError(`Warming up for ${analysis.uri}`, error);
      }
      this.warmingUp = false;
    };
    schedule(step, warmUpQuietMs);
    return true;
  }

  forget(documentUri: string): void {
    this.byDocument.delete(documentUri);
    this.sessions.delete(documentUri);
  }
}
