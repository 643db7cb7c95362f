// Run as a process of its own by test/regex-safety.test.ts: `node --enable-source-maps
// out/test/support/capture-regexps.js`. Records every regular expression the server's code builds
// at run time with `RegExp(…)` — patterns put together from lexicon/*.json and from template
// strings, which no reading of the source can see whole — and prints them as JSON on stdout:
// [{ source, flags, sites: ["server/src/core/rules/date-format.ts:34", …] }].
//
// To reach the patterns, it loads every module of server/src (except the entry points and their
// starters, which start a server or a run) and puts the core through its paces: every adopted text of
// ../shared/corpus and every fixture, in every language and mode, linted, fixed, formatted, asked
// for every feature, and rendered.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Core from '../../server/src/core/index';
import { corpusFolder } from './shared';

/** out/test/support/ → the repository root, and the compiled server beside the compiled tests. */
const repositoryRoot = path.resolve(__dirname, '..', '..', '..');
const compiledServer = path.resolve(__dirname, '..', '..', 'server', 'src');

interface Captured {
  readonly source: string;
  readonly flags: string;
  readonly sites: Set<string>;
}

const captured = new Map<string, Captured>();
const OriginalRegExp = RegExp;

/** The first frame of the stack in the server's code, as "server/src/…/file.ts:line". */
function callSite(): string {
  const frames = (new Error().stack ?? '').split('\n').slice(2);
  for (const frame of frames) {
    const found = /(server[\\/]src[\\/][^:()]+\.[jt]s):(\d+)/.exec(frame);
    if (found?.[1] && !found[1].includes('capture-regexps')) return `${found[1].replace(/\\/g, '/').replace(/^.*?server\/src/, 'server/src')}:${found[2] ?? '?'}`;
  }
  return 'outside server/src';
}

function record(pattern: unknown, flags: unknown): void {
  const source = pattern instanceof OriginalRegExp ? pattern.source : String(pattern ?? '(?:)');
  const flagText = flags === undefined ? (pattern instanceof OriginalRegExp ? pattern.flags : '') : String(flags);
  const key = `${flagText}/${source}`;
  const entry = captured.get(key) ?? { source, flags: flagText, sites: new Set<string>() };
  entry.sites.add(callSite());
  captured.set(key, entry);
}

// `new RegExp(…)` and `RegExp(…)` both go through the proxy; regular expression literals do not
// (the test reads those from the source).
globalThis.RegExp = new Proxy(OriginalRegExp, {
  construct(target, args, newTarget) {
    record(args[0], args[1]);
    return Reflect.construct(target, args, newTarget) as object;
  },
  apply(target, thisArgument, args) {
    record(args[0], args[1]);
    return Reflect.apply(target, thisArgument, args) as unknown;
  },
});

function filesUnder(folder: string, extensions: readonly string[]): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(full, extensions);
    return entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)) ? [full] : [];
  });
}

const problems: string[] = [];
/** Runs one step; a failure is reported (the test shows it) and the rest goes on. */
function attempt(what: string, run: () => unknown): void {
  try {
    run();
  } catch (error) {
    problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function main(): void {
  const entryPoints = new Set(['lsp/main.js', 'cli/main.js', 'lsp/start.js', 'cli/start.js'].map((entry) => path.join(compiledServer, entry)));
  const modules = filesUnder(compiledServer, ['.js']).filter((file) => !entryPoints.has(file));
  for (const file of modules) attempt(`loading ${path.relative(compiledServer, file)}`, () => require(file));

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require(path.join(compiledServer, 'core', 'index.js')) as typeof Core;
  const knownRuleIds = new Set(core.allRules.map((rule) => rule.id));
  const settingsList = [{}, { mode: 'negotiation' }, { language: 'en' }, { language: 'fr' }, { language: 'es' }, { language: 'fr', mode: 'negotiation', alsoPosition: 'after' }, { body: 'Security Council', lexicon: { operative: ['Demands'], preambular: ['Gravely concerned'] } }].map(
    (input) => core.validateSettings(input, knownRuleIds).settings,
  );
  const texts = [
    ...filesUnder(corpusFolder, ['.txt']),
    ...filesUnder(path.join(repositoryRoot, 'test', 'fixtures'), ['.resolution', '.res.txt', '.res.md', '.txt', '.md']),
  ].map((file) => ({ name: path.relative(repositoryRoot, file), text: fs.readFileSync(file, 'utf8') }));

  // The renderers (exports, preview) where they are built: they compile per-language patterns.
  const renderModule = (name: string): Record<string, unknown> => {
    const file = path.join(compiledServer, 'core', 'render', `${name}.js`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return fs.existsSync(file) ? (require(file) as Record<string, unknown>) : {};
  };
  const { renderModel } = renderModule('render-model') as { renderModel?: (draft: Core.Draft) => unknown };
  const renderers = [renderModule('akn')['akomaNtoso'], renderModule('html')['previewHtml']].filter((render): render is (model: unknown) => unknown => typeof render === 'function');

  // Every text in the default settings; the first few of each kind in every language and mode, with
  // every feature and the renderers (the patterns are per language, not per text: this reaches them).
  const exercised = new Set([...texts.slice(0, 12), ...texts.filter((entry) => entry.name.includes('fixtures')).filter((_, index) => index % 25 === 0)].map((entry) => entry.name));
  for (const { name, text } of texts) {
    for (const settings of exercised.has(name) ? settingsList : settingsList.slice(0, 1)) {
      attempt(`${name} (${settings.language}, ${settings.mode})`, () => {
        const result = core.lint(text, settings);
        if (!exercised.has(name)) return;
        const draft = result.draft;
        core.fixAllEdits(result, settings);
        core.formattingEdits(draft);
        core.documentSymbols(draft);
        core.foldingRanges(draft);
        core.semanticTokens(draft);
        core.documentLinks(draft);
        core.documentStatistics(draft);
        core.convertToDraftFormat(draft);
        const options = { lexicon: core.lexiconFor(draft.language, settings.lexicon), alsoPosition: settings.alsoPosition };
        for (let offset = 0; offset <= text.length; offset += Math.max(1, Math.floor(text.length / 20))) {
          core.hoverAt(draft, offset);
          core.definitionAt(draft, offset);
          core.referencesAt(draft, offset, true);
          core.completionsAt(draft, offset, options);
        }
        core.codeActionsFor(result, { start: 0, end: text.length }, { settings, only: ['quickfix', 'source'] });
      });
    }
    if (renderModel && exercised.has(name)) {
      attempt(`rendering ${name}`, () => {
        const model = renderModel(core.parse(text));
        for (const render of renderers) render(model);
      });
    }
  }

  const patterns = [...captured.values()].filter((entry) => [...entry.sites].some((site) => site.startsWith('server/src'))).map((entry) => ({ source: entry.source, flags: entry.flags, sites: [...entry.sites].sort() }));
  process.stdout.write(JSON.stringify({ patterns, modules: modules.length, texts: texts.length, problems }));
}

main();
