// `.resolintrc.json` is JSON only, and nothing in it runs. A syntax error, an unknown key or a bad
// value gives one message per problem naming the file, the JSON path and what was expected (a
// syntax error: the line and column) — on the command line exit 2, in the editor one diagnostic at
// the top of each affected document and one notification — and never a stack trace. Here: the
// cases the other suites do not cover, through all three: node/settings-file.ts in-process, the
// built command line, and the language server.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { findSettingsFile, jsonErrorOffset, maxSettingsFileBytes, readSettingsFile } from '../server/src/node/settings-file';
import { makeTempFolder, readFixture, removeTempFolder, runResolint } from './cli/run-resolint';
import { LspTestClient } from './lsp/test-client';

const deep = (depth: number, inner: string): string => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

/** Broken settings files, and the one line (after "FILE: ") each must give. */
const brokenFiles: ReadonlyArray<{ readonly name: string; readonly content: string | (() => string); readonly problem: RegExp }> = [
  {
    name: 'a syntax error: the line and column are given',
    content: '{\n  "mode": "final",\n  "rules": {\n    "operative-verb": "error",\n  }\n}\n',
    problem: /^\$: not valid JSON at line 5, column 3: Expected double-quoted property name$/,
  },
  { name: 'a file that stops short', content: '{ "mode": ', problem: /^\$: not valid JSON at line 1, column 11: the text ends too soon$/ },
  { name: 'an empty file', content: '', problem: /^\$: not valid JSON at line 1, column 1: the text ends too soon$/ },
  { name: 'comments: JSON only, not JSONC', content: '{\n  // negotiation drafts\n  "mode": "negotiation"\n}', problem: /^\$: not valid JSON at line 2, column 3: / },
  { name: 'JavaScript: nothing in it runs', content: 'module.exports = { mode: "negotiation" };', problem: /^\$: not valid JSON at line 1, column 1: / },
  { name: 'an unknown key', content: '{ "colour": "blue" }', problem: /^\$\.colour: unknown key: expected one of "body", "language", "mode", "alsoPosition", "rules", "lexicon"$/ },
  { name: 'a bad value', content: '{ "rules": { "operative-verb": "loud" } }', problem: /^\$\.rules\.operative-verb: expected one of "off", "hint", "information", "warning", "error", found "loud"$/ },
  { name: 'a JSON array', content: '[{ "mode": "negotiation" }]', problem: /^\$: expected an object, found an array$/ },
  { name: 'JSON null', content: 'null', problem: /^\$: expected an object, found null$/ },
  { name: 'a string', content: '"negotiation"', problem: /^\$: expected an object, found "negotiation"$/ },
  { name: 'a value nested 100,000 deep', content: () => `{ "rules": { "operative-verb": ${deep(100000, '"error"')} } }`, problem: /^\$\.rules\.operative-verb: expected one of .*, found an array$/ },
  { name: 'a syntax error 100,000 deep', content: () => `{ "lexicon": ${deep(100000, '"x",')} }`, problem: /^\$: not valid JSON at line 1, column 100018: unexpected "]"$/ },
  { name: 'an unknown key named __proto__', content: '{ "__proto__": { "mode": "negotiation" } }', problem: /^\$\.__proto__: unknown key/ },
  { name: 'a file of 10 MB', content: () => `{ "lexicon": { "operative": [${Array.from({ length: 1_000_000 }, () => '"Demands"').join(',')}] } }`, problem: new RegExp(`^\\$: the file has \\d+ bytes, over the ${maxSettingsFileBytes / 1024 / 1024} MB a settings file may have; not read$`) },
];

const contentOf = (entry: (typeof brokenFiles)[number]): string => (typeof entry.content === 'function' ? entry.content() : entry.content);

/**
 * Things named `.resolintrc.json` that are no readable file, met while searching upwards from a
 * draft in `folder/sub/`, under a good settings file in `folder/`: each is named, never passed over
 * silently for the settings of the folder above. `make` creates it at `at`; false when it cannot here.
 */
const unusableSettingsFiles: ReadonlyArray<{ readonly name: string; readonly make: (at: string) => boolean; readonly problem: string }> = [
  { name: 'a folder', make: (at) => (fs.mkdirSync(at), true), problem: '$: is a folder, not a settings file: expected a JSON file' },
  // Read, a pipe with no writer would block the run for good.
  { name: 'a named pipe', make: (at) => spawnSync('mkfifo', [at]).status === 0, problem: '$: is not a regular file: expected a JSON file' },
  { name: 'a link to nothing', make: (at) => (fs.symlinkSync('missing.json', at), true), problem: '$: cannot read the file (ENOENT: it does not exist, or is a link to nothing)' },
  { name: 'a loop of links', make: (at) => (fs.symlinkSync(path.basename(at), at), true), problem: '$: cannot read the file (ELOOP: a loop of symbolic links)' },
];

/** `folder/.resolintrc.json` good (operative-verb off), `folder/sub/draft.resolution`, and `folder/sub/.resolintrc.json` unusable; undefined when it cannot be made here. */
function nestedUnusable(folderWith: (files: Readonly<Record<string, string>>) => string, entry: (typeof unusableSettingsFiles)[number]): { folder: string; settingsPath: string } | undefined {
  const folder = folderWith({ '.resolintrc.json': '{ "rules": { "operative-verb": "off" } }', 'sub/draft.resolution': readFixture('clean.resolution') });
  const settingsPath = path.join(folder, 'sub', '.resolintrc.json');
  return entry.make(settingsPath) ? { folder, settingsPath } : undefined;
}

describe('settings files: JSON only, one message per problem, never a stack trace', function () {
  this.timeout(60000);
  const folders: string[] = [];
  const folderWith = (files: Readonly<Record<string, string>>): string => {
    const folder = makeTempFolder(files);
    folders.push(folder);
    return folder;
  };
  after(() => folders.forEach(removeTempFolder));

  describe('read by node/settings-file.ts', () => {
    for (const entry of brokenFiles) {
      it(`${entry.name}`, () => {
        const folder = folderWith({ '.resolintrc.json': contentOf(entry) });
        const started = Date.now();
        const { problems } = readSettingsFile(path.join(folder, '.resolintrc.json'));
        assert.ok(Date.now() - started < 2000, 'read in well under a second or two');
        assert.equal(problems.length, 1, JSON.stringify(problems));
        assert.match(`${problems[0]?.path}: ${problems[0]?.message}`, entry.problem);
      });
    }

    it('a folder named like a settings file (given with --config, say)', () => {
      const folder = folderWith({ '.resolintrc.json/inside.txt': 'x' });
      const { problems } = readSettingsFile(path.join(folder, '.resolintrc.json'));
      assert.deepEqual(problems, [{ path: '$', message: 'is a folder, not a settings file: expected a JSON file' }]);
    });

    for (const entry of unusableSettingsFiles) {
      it(`${entry.name} named .resolintrc.json is found on the way up, and refused with its reason`, function () {
        const made = nestedUnusable(folderWith, entry);
        if (!made) this.skip();
        assert.equal(findSettingsFile(path.join(made.folder, 'sub')), made.settingsPath);
        const { problems } = readSettingsFile(made.settingsPath);
        assert.deepEqual(problems.map((problem) => `${problem.path}: ${problem.message}`), [entry.problem]);
      });
    }

    it('a file just under the size limit is read', () => {
      const padding = ' '.repeat(maxSettingsFileBytes - 40);
      const folder = folderWith({ '.resolintrc.json': `{ "mode": "negotiation" ${padding}}` });
      const { settings, problems } = readSettingsFile(path.join(folder, '.resolintrc.json'));
      assert.deepEqual(problems, []);
      assert.equal(settings.mode, 'negotiation');
    });

    it('a byte order mark is allowed; __proto__ pollutes nothing', () => {
      const folder = folderWith({ '.resolintrc.json': '\uFEFF{ "rules": { "__proto__": "off" } }' });
      const { problems } = readSettingsFile(path.join(folder, '.resolintrc.json'));
      assert.deepEqual(problems, [{ path: '$.rules.__proto__', message: 'unknown rule id "__proto__"' }]);
      assert.equal(({} as Record<string, unknown>)['mode'], undefined);
    });

    it('the syntax error locator agrees with JSON.parse on what is JSON', () => {
      const samples = ['{}', '[]', '{"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"]}', ' {"a" : {"b" : []}} ', '{"a":1,}', '[1 2]', '{"a"}', '{"a":}', '01', '"\\q"', '"\t"', '{"a":1}}', '[', 'tru', '"abc', '{"a":1 // x\n}'];
      for (const sample of samples) {
        let valid = true;
        try {
          JSON.parse(sample);
        } catch {
          valid = false;
        }
        assert.equal(jsonErrorOffset(sample) === -1, valid, sample);
      }
    });
  });

  describe('on the command line: exit 2, one line naming the file, the path and the expectation', () => {
    for (const entry of brokenFiles) {
      it(`${entry.name}`, () => {
        const folder = folderWith({ '.resolintrc.json': contentOf(entry), 'draft.resolution': readFixture('clean.resolution') });
        const run = runResolint(['--format', 'json', folder]);
        assert.equal(run.status, 2, run.stderr);
        const settingsPath = path.join(folder, '.resolintrc.json');
        const lines = run.stderr.split('\n').filter((line) => line !== '');
        assert.equal(lines.length, 1, run.stderr);
        assert.ok(lines[0]?.startsWith(`resolint: ${settingsPath}: `), lines[0]);
        assert.match(lines[0]?.slice(`resolint: ${settingsPath}: `.length) ?? '', entry.problem);
        assert.doesNotMatch(run.stderr, /\n\s+at |Error:/);
        // The draft under broken settings is not linted.
        assert.deepEqual(JSON.parse(run.stdout || '[]'), []);
      });
    }

    it('a folder given as --config', () => {
      const folder = folderWith({ 'settings/placeholder.txt': 'x', 'draft.resolution': readFixture('clean.resolution') });
      const run = runResolint(['--config', path.join(folder, 'settings'), path.join(folder, 'draft.resolution')]);
      assert.equal(run.status, 2);
      assert.equal(run.stderr, `resolint: ${path.join(folder, 'settings')}: $: is a folder, not a settings file: expected a JSON file\n`);
    });

    for (const entry of unusableSettingsFiles) {
      it(`${entry.name} named .resolintrc.json, met on the way up: exit 2 and one line naming it, not the settings of the folder above`, function () {
        const made = nestedUnusable(folderWith, entry);
        if (!made) this.skip();
        const run = runResolint(['--format', 'json', path.join(made.folder, 'sub', 'draft.resolution')]);
        assert.equal(run.status, 2, run.stderr);
        assert.equal(run.stderr, `resolint: ${made.settingsPath}: ${entry.problem}\n`);
        assert.deepEqual(JSON.parse(run.stdout || '[]'), []);
      });
    }
  });

  describe('in the editor: one diagnostic at the top of each document, one notification', () => {
    let client: LspTestClient;

    before(async () => {
      ({ client } = await LspTestClient.start());
    });
    after(() => client?.dispose());

    for (const entry of brokenFiles.filter((candidate) => !/JavaScript|empty|string|__proto__|stops short/.test(candidate.name))) {
      it(`${entry.name}`, async () => {
        const folder = folderWith({ '.resolintrc.json': contentOf(entry) });
        const settingsPath = path.join(folder, '.resolintrc.json');
        const uri = pathToFileURL(path.join(folder, 'draft.resolution')).href;
        await client.open(uri, readFixture('clean.resolution'));
        const { diagnostics } = await client.diagnosticsFor(uri, 1);
        const settings = diagnostics.filter((diagnostic: Diagnostic) => diagnostic.code === 'settings');
        assert.equal(settings.length, 1, JSON.stringify(diagnostics));
        assert.equal(settings[0]?.range.start.line, 0);
        const message = typeof settings[0]?.message === 'string' ? settings[0].message : '';
        assert.ok(message.startsWith(`${settingsPath}: `), message);
        assert.match(message.slice(settingsPath.length + 2), entry.problem);
        const notification = await client.messages.waitFor((shown) => shown.message.includes(settingsPath), `a notification naming ${settingsPath}`);
        assert.doesNotMatch(notification.message, /\n\s+at /);
        await client.close(uri);
      });
    }

    for (const entry of unusableSettingsFiles) {
      it(`${entry.name} named .resolintrc.json, met on the way up`, async function () {
        const made = nestedUnusable(folderWith, entry);
        if (!made) this.skip();
        const uri = pathToFileURL(path.join(made.folder, 'sub', 'draft.resolution')).href;
        await client.open(uri, readFixture('clean.resolution'));
        const { diagnostics } = await client.diagnosticsFor(uri, 1);
        const settings = diagnostics.filter((diagnostic: Diagnostic) => diagnostic.code === 'settings');
        assert.deepEqual(settings.map((diagnostic) => [diagnostic.range.start.line, diagnostic.message]), [[0, `${made.settingsPath}: ${entry.problem}`]]);
        await client.messages.waitFor((shown) => shown.message.includes(made.settingsPath), `a notification naming ${made.settingsPath}`);
        await client.close(uri);
      });
    }
  });
});
