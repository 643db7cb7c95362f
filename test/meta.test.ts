// Meta-tests: the promises that hold the project together. Every rule has its doc page and its
// fixtures, the settings schema names exactly the registered rules, the core imports nothing it
// must not, and no rule crashes or hands out a fix it has not declared.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules, internalErrorPrefix, type Rule } from '../server/src/core/index';
import { check, fixedPathOf, fixtureFilesIn, fixturesRoot, lintFile, lintFixture, readFixture, repositoryRoot, ruleFixtureFolders, ruleFixturesRoot } from './check';
import { sharedFolder } from './support/shared';

const ruleIds = allRules.map((rule) => rule.id);
const docsFolder = path.join(repositoryRoot, 'docs/rules');
const coreFolder = path.join(repositoryRoot, 'server/src/core');
const sharedRulesSpec = path.join(sharedFolder, 'spec', 'rules.md');

function listOf(items: readonly string[]): string {
  return items.map((item) => `  ${item}`).join('\n');
}

/** The rule ids the settings schema in package.json offers under `resolint.rules`. */
function settingsSchemaRuleIds(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as {
    contributes?: { configuration?: { properties?: Record<string, { properties?: Record<string, unknown> }> } };
  };
  const rules = manifest.contributes?.configuration?.properties?.['resolint.rules']?.properties;
  assert.ok(rules, 'package.json has no contributes.configuration.properties["resolint.rules"].properties');
  return Object.keys(rules);
}

function settingsSchemaDescriptions(): Record<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { properties: Record<string, { description?: string }> }> } };
  };
  const rules = manifest.contributes.configuration.properties['resolint.rules']?.properties ?? {};
  // The descriptions are "%key%" references, VS Code's way to translate a manifest: the English is package.nls.json's.
  const english = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const resolved = (text: string): string => text.replace(/^%([^%]+)%$/u, (_, key: string) => english[key] ?? text);
  return Object.fromEntries(Object.entries(rules).map(([id, schema]) => [id, resolved(schema.description ?? '')]));
}

function typeScriptFilesUnder(folder: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...typeScriptFilesUnder(full));
    else if (entry.isFile() && entry.name.endsWith('.ts')) found.push(full);
  }
  return found.sort();
}

/** Module specifiers of import/export-from statements, side-effect imports, import() and require(). */
function importedModules(source: string): string[] {
  const patterns = [
    /\bimport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  const modules = new Set<string>();
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) if (match[1]) modules.add(match[1]);
  }
  return [...modules];
}

const forbiddenPackages = [/^vscode$/, /^vscode\//, /^vscode-languageserver/, /^vscode-jsonrpc/, /^(node:)?fs(\/|$)/, /^(node:)?path$/, /^(node:)?child_process$/];
const forbiddenFolders = ['lsp', 'cli', 'node'].map((name) => path.join(repositoryRoot, 'server/src', name));

function isForbidden(fromFile: string, specifier: string): boolean {
  if (forbiddenPackages.some((pattern) => pattern.test(specifier))) return true;
  if (!specifier.startsWith('.')) return false;
  const target = path.resolve(path.dirname(fromFile), specifier);
  return forbiddenFolders.some((folder) => target === folder || target.startsWith(folder + path.sep));
}

/** Every fixture file of the project: the rules' and the acceptance scenario's. */
function allFixtureFiles(): string[] {
  return [...ruleFixtureFolders().flatMap((folder) => folder.files), ...fixtureFilesIn(path.join(fixturesRoot, 'acceptance'))];
}

describe('meta', () => {
  describe('the rule registry', () => {
    it('has unique, kebab-case rule ids', () => {
      const duplicates = ruleIds.filter((id, index) => ruleIds.indexOf(id) !== index);
      assert.deepEqual(duplicates, [], 'rule ids registered twice');
      const malformed = ruleIds.filter((id) => !/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id));
      assert.deepEqual(malformed, [], 'rule ids that are not kebab-case');
    });

    it('describes every rule with a description and a default severity', () => {
      const incomplete = allRules.filter((rule) => rule.description.trim() === '' || !['error', 'warning', 'information', 'hint'].includes(rule.defaultSeverity));
      assert.deepEqual(incomplete.map((rule) => rule.id), []);
    });
  });

  describe('docs/rules', () => {
    it('has a page for every rule', () => {
      const missing = ruleIds.filter((id) => {
        const page = path.join(docsFolder, `${id}.md`);
        return !fs.existsSync(page) || fs.readFileSync(page, 'utf8').trim() === '';
      });
      assert.deepEqual(missing, [], `rules without a page in docs/rules/:\n${listOf(missing)}`);
    });

    it('has no page for a rule that does not exist', () => {
      if (!fs.existsSync(docsFolder)) return;
      const pages = fs.readdirSync(docsFolder).filter((name) => name.endsWith('.md') && name !== 'README.md' && name !== 'index.md');
      const stray = pages.map((name) => name.replace(/\.md$/, '')).filter((id) => !ruleIds.includes(id));
      assert.deepEqual(stray, [], `pages in docs/rules/ for no registered rule:\n${listOf(stray)}`);
    });
  });

  describe('test/fixtures/rules', () => {
    const folders = new Map(ruleFixtureFolders().map((folder) => [folder.ruleId, folder.files]));

    it('has a folder for every rule, and no folder for a rule that does not exist', () => {
      const missing = ruleIds.filter((id) => !folders.has(id));
      assert.deepEqual(missing, [], `rules without a fixture folder:\n${listOf(missing)}`);
      const stray = [...folders.keys()].filter((id) => !ruleIds.includes(id));
      assert.deepEqual(stray, [], `fixture folders named after no registered rule:\n${listOf(stray)}`);
    });

    for (const rule of allRules) {
      it(`holds an invalid and a valid fixture for ${rule.id}${rule.fixable ? ', and a .fixed file' : ''}`, () => {
        const files = folders.get(rule.id) ?? [];
        const fixtures = files.map((file) => readFixture(file));
        const invalid = fixtures.filter((fixture) => fixture.annotations.some((annotation) => annotation.ruleId === rule.id));
        const valid = fixtures.filter((fixture) => fixture.annotations.length === 0);
        assert.ok(invalid.length > 0, `${rule.id}: no fixture expects a finding of this rule`);
        assert.ok(valid.length > 0, `${rule.id}: no fixture expects nothing (a valid case)`);
        if (rule.fixable) {
          const withFixed = invalid.filter((fixture) => fs.existsSync(fixedPathOf(fixture.path)));
          assert.ok(withFixed.length > 0, `${rule.id} is fixable, but none of its invalid fixtures has a .fixed file`);
        }
      });
    }

    it('holds no .fixed file without its fixture', () => {
      const orphans: string[] = [];
      for (const { ruleId } of ruleFixtureFolders()) {
        const folder = path.join(ruleFixturesRoot, ruleId);
        for (const name of fs.readdirSync(folder).filter((entry) => entry.endsWith('.fixed'))) {
          if (!fs.existsSync(path.join(folder, name.replace(/\.fixed$/, '')))) orphans.push(path.join(ruleId, name));
        }
      }
      assert.deepEqual(orphans, []);
    });
  });

  describe('package.json settings schema (contributes.configuration: resolint.rules)', () => {
    it('names only rules that exist in the registry', () => {
      const unknown = settingsSchemaRuleIds().filter((id) => !ruleIds.includes(id));
      assert.deepEqual(unknown, [], `rule ids in package.json that no rule in server/src/core/rules/index.ts has:\n${listOf(unknown)}`);
    });

    it('names every rule of the registry', () => {
      const schema = settingsSchemaRuleIds();
      const missing = ruleIds.filter((id) => !schema.includes(id));
      assert.deepEqual(missing, [], `registered rules missing from package.json:\n${listOf(missing)}`);
    });

    it('gives each rule the default severity the rule declares', () => {
      const descriptions = settingsSchemaDescriptions();
      const disagreeing = allRules
        .filter((rule) => descriptions[rule.id] !== undefined)
        .filter((rule) => !new RegExp(`Default: ${rule.defaultSeverity}\\.`).test(descriptions[rule.id] ?? ''))
        .map((rule) => `${rule.id}: the rule says ${rule.defaultSeverity}, package.json says "${/Default: (\w+)/.exec(descriptions[rule.id] ?? '')?.[1] ?? 'nothing'}"`);
      assert.deepEqual(disagreeing, []);
    });
  });

  describe('the rule catalogue (../shared/spec/rules.md)', () => {
    it('gives each rule the default severity the rule declares', function () {
      if (!fs.existsSync(sharedRulesSpec)) this.skip();
      const catalogue = new Map<string, string>();
      for (const match of fs.readFileSync(sharedRulesSpec, 'utf8').matchAll(/^\| `([a-z-]+)` \| (\w+) \|/gm)) {
        if (match[1] && match[2]) catalogue.set(match[1], match[2]);
      }
      // Where adopted texts overrode the catalogue's default, each with its reason in its doc page.
      const departures = new Map([
        // Adopted texts write "neighboring" (S/RES/1445 (2002)) and "Secretary General" (A/RES/80/57).
        ['un-spelling', { catalogue: 'warning', rule: 'information' }],
      ]);
      const disagreeing = allRules
        .filter((rule) => catalogue.has(rule.id) && catalogue.get(rule.id) !== rule.defaultSeverity)
        .filter((rule) => {
          const departure = departures.get(rule.id);
          return !departure || departure.catalogue !== catalogue.get(rule.id) || departure.rule !== rule.defaultSeverity;
        })
        .map((rule) => `${rule.id}: the rule says ${rule.defaultSeverity}, rules.md says ${catalogue.get(rule.id) ?? ''}`);
      assert.deepEqual(disagreeing, []);
      // Rules the project added beyond the catalogue, each with its reason in its doc page.
      const additions = new Set(['language-support', 'opener-agreement']);
      const uncatalogued = ruleIds.filter((id) => !catalogue.has(id) && !additions.has(id));
      assert.deepEqual(uncatalogued, [], 'registered rules that rules.md does not list');
    });
  });

  describe('the pure core (server/src/core)', () => {
    it('imports no editor, protocol, file system, path or process module, nor the adapters', () => {
      const offences: string[] = [];
      const files = typeScriptFilesUnder(coreFolder);
      assert.ok(files.length > 0, 'no TypeScript file found under server/src/core');
      for (const file of files) {
        for (const specifier of importedModules(fs.readFileSync(file, 'utf8'))) {
          if (isForbidden(file, specifier)) offences.push(`${path.relative(repositoryRoot, file)} imports '${specifier}'`);
        }
      }
      assert.deepEqual(offences, [], `the core must stay pure:\n${listOf(offences)}`);
    });

    it('finds the imports it looks for (a self-check of the scanner)', () => {
      const sample = [
        "import * as fs from 'node:fs';",
        "import type { Connection } from 'vscode-languageserver/node';",
        "export { run } from '../cli/run';",
        "const cp = require('child_process');",
        "import 'vscode';",
        "const later = await import('path');",
      ].join('\n');
      const modules = importedModules(sample);
      const fromFile = path.join(coreFolder, 'lint.ts');
      assert.deepEqual(modules.filter((specifier) => isForbidden(fromFile, specifier)).sort(), ['../cli/run', 'child_process', 'node:fs', 'path', 'vscode', 'vscode-languageserver/node'].sort());
      assert.equal(isForbidden(fromFile, './parse/parse'), false);
      assert.equal(isForbidden(fromFile, './lexicon/en.json'), false);
    });
  });

  describe('findings on every fixture', () => {
    const byId = new Map<string, Rule>(allRules.map((rule) => [rule.id, rule]));

    it('come from no rule that crashed', () => {
      const crashes: string[] = [];
      for (const file of allFixtureFiles()) {
        const isAcceptance = file.startsWith(path.join(fixturesRoot, 'acceptance'));
        const findings = isAcceptance ? lintFile(file).findings : lintFixture(readFixture(file)).findings;
        for (const finding of findings) {
          if (finding.message.startsWith(internalErrorPrefix)) crashes.push(`${path.relative(fixturesRoot, file)}: ${finding.ruleId}: ${finding.message}`);
        }
      }
      assert.deepEqual(crashes, []);
    });

    it('carry fixes only from rules declared fixable', () => {
      const undeclared: string[] = [];
      for (const file of allFixtureFiles()) {
        const isAcceptance = file.startsWith(path.join(fixturesRoot, 'acceptance'));
        const findings = isAcceptance ? lintFile(file).findings : lintFixture(readFixture(file)).findings;
        for (const finding of findings) {
          const rule = byId.get(finding.ruleId);
          assert.ok(rule, `${path.relative(fixturesRoot, file)}: a finding from the unknown rule '${finding.ruleId}'`);
          if (finding.fix && !rule.fixable) undeclared.push(`${path.relative(fixturesRoot, file)}: ${finding.ruleId} offers '${finding.fix.title}'`);
        }
      }
      assert.deepEqual(undeclared, []);
    });
  });

  describe('the check() helper itself', () => {
    let folder = '';
    const draft = ['The General Assembly,', '', 'Recalling its resolution 60/1 of 16 September 2005,', '', '1. Decides to convene a high-level meeting;', '', '3. Requests the Secretary-General to report thereon.'];
    const fixedDraft = [...draft.slice(0, 6), '2. Requests the Secretary-General to report thereon.', ''].join('\n');
    const writeFixture = (lines: readonly string[], fixed?: string): string => {
      const file = path.join(folder, `case-${fs.readdirSync(folder).length}.resolution`);
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      if (fixed !== undefined) fs.writeFileSync(`${file}.fixed`, fixed);
      return file;
    };

    before(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'resolint-check-'));
    });
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('passes a fixture whose annotations and .fixed file say what happens', () => {
      check(writeFixture([...draft, '^^ operative-numbering follows 1: expected 2.'], fixedDraft));
    });

    it('fails on a finding that no annotation expects', () => {
      assert.throws(() => check(writeFixture(draft, fixedDraft)), /Reported but not expected[\s\S]*operative-numbering/);
    });

    it('fails on an annotation whose carets are off, or whose message fragment is wrong', () => {
      assert.throws(() => check(writeFixture([...draft, ' ^^ operative-numbering expected 2'], fixedDraft)), /Expected but not reported/);
      assert.throws(() => check(writeFixture([...draft, '^^^ operative-numbering expected 2'], fixedDraft)), /Expected but not reported/);
      assert.throws(() => check(writeFixture([...draft, '^^ operative-numbering expected 7'], fixedDraft)), /Expected but not reported/);
    });

    it('fails on a wrong or missing .fixed file, and on an unknown rule id', () => {
      assert.throws(() => check(writeFixture([...draft, '^^ operative-numbering expected 2'], draft.join('\n'))), /differs from/);
      assert.throws(() => check(writeFixture([...draft, '^^ operative-numbering expected 2'])), /must say what fixing gives/);
      assert.throws(() => check(writeFixture([...draft, '^^ operative-numbers expected 2'], fixedDraft)), /unknown rule id/);
    });

    it('reads settings from the first line and lints the text without it', () => {
      const withSettings = ['<!-- resolint: {"rules": {"operative-numbering": "off"}} -->', ...draft];
      check(writeFixture(withSettings));
      assert.throws(() => check(writeFixture(['<!-- resolint: {"mode": "draft"} -->', ...draft])), /bad settings line/);
    });
  });
});
