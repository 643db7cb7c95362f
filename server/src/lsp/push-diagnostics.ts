// Pushing diagnostics (for clients that do not pull): at once on open, and on change as soon as the
// server is free, for the version the editor holds then. No quiet time is waited for: a keystroke on
// a megabyte draft is linted in a few milliseconds (the session re-reads what changed), and changes
// that arrive together are linted once, at their last version.
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { Analysis } from './analysis-cache';

export interface DiagnosticsPushOptions {
  /** The analysis of the document as it is now; undefined once it is closed. */
  analyze(documentUri: string): Promise<Analysis | undefined>;
  /** Whether nothing newer (a change, new settings) has arrived since `analysis` started. */
  isLatest(analysis: Analysis): boolean;
  diagnosticsOf(analysis: Analysis): Diagnostic[];
  send(params: PublishDiagnosticsParams): void;
  logError(what: string, error: unknown): void;
}

export class DiagnosticsPusher {
  /** Pushes waiting for the event loop to be free, per document: a change made meanwhile joins the waiting one. */
  private readonly waiting = new Map<string, ReturnType<typeof setImmediate>>();
  /** The version each document was last scheduled for, so the open event is not pushed twice. */
  private readonly scheduledVersions = new Map<string, number>();
  /**
   * The id of the analysis each document's diagnostics were last sent from. Pushes that waited together
   * (on the client's answer about settings, while keys were typed) find the same analysis: it is sent
   * once (ten pushes of two versions were sent when the answer came 400 ms late). Its id, not the
   * analysis: held, the analysis kept the last version's model alive through the next lint.
   */
  private readonly sentAnalyses = new Map<string, string>();
  private stopped = false;

  constructor(private readonly options: DiagnosticsPushOptions) {}

  pushNow(documentUri: string, version: number): void {
    this.cancelWaiting(documentUri);
    this.scheduledVersions.set(documentUri, version);
    void this.push(documentUri);
  }

  /**
   * After the messages already read are handled (a burst of changes is linted once, at its last
   * version), and before any timer: the change's own diagnostics come first.
   */
  pushSoon(documentUri: string, version: number): void {
    if (this.scheduledVersions.get(documentUri) === version) return;
    this.scheduledVersions.set(documentUri, version);
    if (this.waiting.has(documentUri)) return;
    this.waitForQuiet(documentUri, undefined);
  }

  /**
   * The push, once a turn of the event loop has passed in which the protocol library could hand over
   * another message and no newer change came: it hands over the messages it has read one a turn, the
   * next one's turn queued after the one this push waits for was, so a push one turn later ran between
   * the changes of a burst and linted every version (20 changes in one write, 20 lints, and a hover
   * behind them waited 2.5 s on a long draft). Two turns add microseconds to a lone keystroke.
   * `seenVersion`: the version the last turn saw; undefined on the first turn, which always waits on.
   */
  private waitForQuiet(documentUri: string, seenVersion: number | undefined): void {
    this.waiting.set(
      documentUri,
      setImmediate(() => {
        const latest = this.scheduledVersions.get(documentUri);
        if (latest !== undefined && latest !== seenVersion) {
          this.waitForQuiet(documentUri, latest);
          return;
        }
        this.waiting.delete(documentUri);
        void this.push(documentUri);
      }),
    );
  }

  /** The document was closed: its diagnostics go with it. */
  clear(documentUri: string): void {
    this.cancelWaiting(documentUri);
    this.scheduledVersions.delete(documentUri);
    this.sentAnalyses.delete(documentUri);
    if (!this.stopped) this.options.send({ uri: documentUri, diagnostics: [] });
  }

  /** On shutdown: nothing more is sent. */
  stop(): void {
    this.stopped = true;
    for (const waiting of this.waiting.values()) clearImmediate(waiting);
    this.waiting.clear();
  }

  private cancelWaiting(documentUri: string): void {
    const waiting = this.waiting.get(documentUri);
    if (waiting !== undefined) clearImmediate(waiting);
    this.waiting.delete(documentUri);
  }

  private async push(documentUri: string): Promise<void> {
    const version = this.scheduledVersions.get(documentUri);
    try {
      const analysis = await this.options.analyze(documentUri);
      if (!analysis || this.stopped || !this.options.isLatest(analysis) || this.sentAnalyses.get(documentUri) === analysis.resultId) return;
      this.sentAnalyses.set(documentUri, analysis.resultId);
      this.options.send({ uri: documentUri, version: analysis.version, diagnostics: this.options.diagnosticsOf(analysis) });
    } catch (error) {
      this.options.logError(`Linting ${documentUri}`, error);
    } finally {
      // Pushed: a later change that reuses this version number (a client out of step) is pushed again.
      if (this.scheduledVersions.get(documentUri) === version && !this.waiting.has(documentUri)) this.scheduledVersions.delete(documentUri);
    }
  }
}
