// Which settings apply to a draft: the --config file, or else the nearest .resolintrc.json above
// it; then the command line's overrides on top. Each folder and each settings file is looked at once.
import * as path from 'node:path';
import { defaultSettings, validateSettings, type Settings } from '../core/index';
import { formatSettingsProblem, knownRuleIds, readSettingsFile, settingsFileIn } from '../node/settings-file';

export class SettingsResolver {
  private readonly nearestFileByFolder = new Map<string, string | undefined>();
  /** Per settings file ("" for none): the settings to lint with, or undefined when the file is broken. */
  private readonly settingsByFile = new Map<string, Settings | undefined>();

  /**
   * @param configFile the --config file (absolute), which replaces the search for the nearest one
   * @param overrides the command line's settings, already validated
   * @param reportProblem called once per problem of a broken settings file, with a full line
   */
  constructor(
    private readonly configFile: string | undefined,
    private readonly overrides: { readonly [key: string]: unknown },
    private readonly reportProblem: (line: string) => void,
  ) {}

  /** The settings for a draft in `folder`, or undefined when its settings file is broken (already reported). */
  settingsFor(folder: string): Settings | undefined {
    const settingsFile = this.configFile ?? this.nearestSettingsFile(path.resolve(folder));
    const key = settingsFile ?? '';
    if (!this.settingsByFile.has(key)) this.settingsByFile.set(key, this.load(settingsFile));
    return this.settingsByFile.get(key);
  }

  private load(settingsFile: string | undefined): Settings | undefined {
    let base = defaultSettings;
    if (settingsFile !== undefined) {
      const { settings, problems } = readSettingsFile(settingsFile);
      // Linting with half-understood settings would report misleading findings: refuse instead.
      for (const problem of problems) this.reportProblem(formatSettingsProblem(settingsFile, problem));
      if (problems.length > 0) return undefined;
      base = settings;
    }
    return validateSettings(this.overrides, knownRuleIds, base).settings;
  }

  private nearestSettingsFile(folder: string): string | undefined {
    if (this.nearestFileByFolder.has(folder)) return this.nearestFileByFolder.get(folder);
    let found = settingsFileIn(folder);
    if (found === undefined) {
      const parent = path.dirname(folder);
      found = parent === folder ? undefined : this.nearestSettingsFile(parent);
    }
    this.nearestFileByFolder.set(folder, found);
    return found;
  }
}
