// Linting one document version after version, as an editor does on every keystroke. The session
// keeps what the rules computed from each paragraph's text (text-memo.ts) and reuses it where the
// text is unchanged; everything else is done again. The findings are exactly `lint`'s.
import { LineIndex } from './line-index';
import { lintDraft, type LintResult } from './lint';
import { parse } from './parse/parse';
import { SearchMemo } from './parse/search-memo';
import { allRules } from './rules/index';
import { defaultSettings, type Settings } from './settings';
import { TextMemo } from './text-memo';

export class LintSession {
  private readonly memo = new TextMemo();
  private readonly searches = new SearchMemo();
  private settings: Settings | undefined;
  private length = 0;

  /** The same result as `lint(text, settings)`, computed faster where the text is mostly the last version's. */
  lint(text: string, settings: Settings = defaultSettings): LintResult {
    // Kept results may depend on the settings (the mode, a body's openers): new settings, nothing kept.
    if (settings !== this.settings) {
      this.memo.clear();
      this.settings = settings;
    }
    this.memo.beginVersion(text.length - this.length);
    this.length = text.length;
    const draft = parse(text, { language: settings.language, extraOpeners: settings.lexicon, searches: this.searches });
    this.searches.endVersion();
    const findings = lintDraft(draft, settings, allRules, this.memo);
    // Only this version's text is kept: a session holds no second copy of a megabyte draft between keystrokes.
    this.memo.endVersion();
    return { draft, findings };
  }

  /**
   * The line index of `text`, the version last linted, over the lines its parse read (kept from the
   * version before where the edit did not touch them): a keystroke in a megabyte draft does not search
   * its million units for line breaks a second time. Any other text is indexed afresh.
   */
  lineIndex(text: string): LineIndex {
    return new LineIndex(text, this.searches.lineTable(text));
  }
}
