// Pushing diagnostics (for clients that do not pull): at once on open, debounced while typing,
// and only for the version the editor holds when the result is ready.
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { Analysis } from './analysis-cache';

/** Quiet time after the last change before linting; short enough to feel live, long enough to skip keystrokes. */
export const changeDebounceMs = 40;

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
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The version each document was last scheduled for, so the open event is not pushed twice. */
  private readonly scheduledVersions = new Map<string, number>();
  private stopped = false;

  constructor(private readonly options: DiagnosticsPushOptions) {}

  pushNow(documentUri: string, version: number): void {
    this.cancelTimer(documentUri);
    this.scheduledVersions.set(documentUri, version);
    void this.push(documentUri);
  }

  pushSoon(documentUri: string, version: number): void {
    if (this.scheduledVersions.get(documentUri) === version) return;
    this.cancelTimer(documentUri);
    this.scheduledVersions.set(documentUri, version);
    const timer = setTimeout(() => {
      this.timers.delete(documentUri);
      void this.push(documentUri);
    }, changeDebounceMs);
    this.timers.set(documentUri, timer);
  }

  /** The document was closed: its diagnostics go with it. */
  clear(documentUri: string): void {
    this.cancelTimer(documentUri);
    this.scheduledVersions.delete(documentUri);
    if (!this.stopped) this.options.send({ uri: documentUri, diagnostics: [] });
  }

  /** On shutdown: nothing more is sent. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private cancelTimer(documentUri: string): void {
    const timer = this.timers.get(documentUri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(documentUri);
  }

  private async push(documentUri: string): Promise<void> {
    const version = this.scheduledVersions.get(documentUri);
    try {
      const analysis = await this.options.analyze(documentUri);
      if (!analysis || this.stopped || !this.options.isLatest(analysis)) return;
      this.options.send({ uri: documentUri, version: analysis.version, diagnostics: this.options.diagnosticsOf(analysis) });
    } catch (error) {
      this.options.logError(`Linting ${documentUri}`, error);
    } finally {
      // Pushed: a later change that reuses this version number (a client out of step) is pushed again.
      if (this.scheduledVersions.get(documentUri) === version && !this.timers.has(documentUri)) this.scheduledVersions.delete(documentUri);
    }
  }
}
