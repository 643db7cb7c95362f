// The settings each open document is linted with: the client's `resolint` section over the nearest
// `.resolintrc.json`. Resolved once per document and kept until something says settings changed.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allRules, defaultSettings, validateSettings, type Settings, type SettingsProblem } from '../core/index';
import { findSettingsFile, readSettingsFile, type SettingsFile } from '../node/settings-file';

export interface LocatedSettingsFile extends SettingsFile {
  readonly uri: string;
}

export interface DocumentSettings {
  readonly settings: Settings;
  /** The settings file in force, if any; its `problems` become one diagnostic on the document. */
  readonly settingsFile: LocatedSettingsFile | undefined;
  /** Bumped by every invalidation: results computed with an older generation are stale. */
  readonly generation: number;
}

/** The keys the client may set; anything else in the section (such as `trace.server`) is the client's own. */
const clientSettingKeys = ['rules', 'body', 'mode', 'alsoPosition', 'language', 'lexicon'] as const;

export interface DocumentSettingsOptions {
  /** Asks the client for the `resolint` section; absent when the client has no configuration capability. */
  readonly readClientSection?: (documentUri: string) => Promise<unknown>;
  /** Told about every problem found, every time; deduplicating is the caller's business. */
  readonly reportProblems: (origin: string, problems: readonly string[]) => void;
  readonly logError: (what: string, error: unknown) => void;
}

export class DocumentSettingsResolver {
  private currentGeneration = 0;
  private readonly byDocument = new Map<string, Promise<DocumentSettings>>();
  private readonly knownRuleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.id));

  constructor(private readonly options: DocumentSettingsOptions) {}

  get generation(): number {
    return this.currentGeneration;
  }

  settingsFor(documentUri: string): Promise<DocumentSettings> {
    let settings = this.byDocument.get(documentUri);
    if (!settings) {
      settings = this.resolve(documentUri, this.currentGeneration);
      this.byDocument.set(documentUri, settings);
    }
    return settings;
  }

  /** Drops what is known about one document (on open, so a new settings file is seen even without watchers; on close). */
  forget(documentUri: string): void {
    this.byDocument.delete(documentUri);
  }

  /** The client's configuration or a settings file changed: every document resolves again. */
  invalidateAll(): void {
    this.currentGeneration++;
    this.byDocument.clear();
  }

  private async resolve(documentUri: string, generation: number): Promise<DocumentSettings> {
    const settingsFile = nearestSettingsFile(documentUri);
    if (settingsFile && settingsFile.problems.length > 0) {
      this.options.reportProblems(
        settingsFile.filePath,
        settingsFile.problems.map((problem) => `${problem.path}: ${problem.message}`),
      );
    }
    const base = settingsFile?.settings ?? defaultSettings;
    const clientSection = await this.readClientSection(documentUri);
    const { settings, problems } = validateSettings(clientSection, this.knownRuleIds, base);
    if (problems.length > 0) {
      this.options.reportProblems('the editor settings', problems.map(describeClientProblem));
    }
    return { settings, settingsFile, generation };
  }

  private async readClientSection(documentUri: string): Promise<unknown> {
    if (!this.options.readClientSection) return undefined;
    let section: unknown;
    try {
      section = await this.options.readClientSection(documentUri);
    } catch (error) {
      this.options.logError(`Reading the client's "resolint" settings for ${documentUri}`, error);
      return undefined;
    }
    if (typeof section !== 'object' || section === null || Array.isArray(section)) return section ?? undefined;
    // null means "not set here": the settings file's value stays.
    const picked: Record<string, unknown> = {};
    for (const key of clientSettingKeys) {
      const value = (section as Record<string, unknown>)[key];
      if (value !== undefined && value !== null) picked[key] = value;
    }
    return picked;
  }
}

/** `$.rules.foo` in a settings file is `resolint.rules.foo` in the editor. */
function describeClientProblem(problem: SettingsProblem): string {
  return `${problem.path.replace(/^\$/, 'resolint')}: ${problem.message}`;
}

/** The settings file that governs a document on disk; documents elsewhere (untitled, remote) have none. */
function nearestSettingsFile(documentUri: string): LocatedSettingsFile | undefined {
  if (!documentUri.startsWith('file:')) return undefined;
  let documentPath: string;
  try {
    documentPath = fileURLToPath(documentUri);
  } catch {
    return undefined;
  }
  const filePath = findSettingsFile(path.dirname(documentPath));
  if (filePath === undefined) return undefined;
  return { ...readSettingsFile(filePath), uri: pathToFileURL(filePath).href };
}
