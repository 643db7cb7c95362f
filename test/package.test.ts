// The .vsix: it builds offline from the bundles, and carries the client, the server and the
// language files — nothing it does not need (no node_modules, no sources, no tests).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');
const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');

describe('the VS Code package (.vsix)', function () {
  this.timeout(120_000);

  it('lists exactly the files the extension needs', () => {
    const listing = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(listing.status, 0, listing.stderr);
    const files = listing.stdout.split('\n').map((line) => line.trim()).filter((line) => line !== '').sort();
    assert.deepEqual(files, [
      'LICENSE',
      'README.md',
      'dist/extension.js',
      'dist/server-main.js',
      'dist/server.js',
      'l10n/bundle.l10n.es.json',
      'l10n/bundle.l10n.fr.json',
      'language-configuration.json',
      'package.json',
      'package.nls.es.json',
      'package.nls.fr.json',
      'package.nls.json',
      'snippets/resolution.json',
      'syntaxes/resolution.tmLanguage.json',
    ]);
  });

  it('packages offline into a .vsix under 1 MB', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'resolint-vsix-'));
    try {
      const output = path.join(folder, 'resolint.vsix');
      const packaging = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '-o', output], {
        cwd: repoRoot,
        encoding: 'utf8',
      });
      assert.equal(packaging.status, 0, `${packaging.stdout}\n${packaging.stderr}`);
      const size = fs.statSync(output).size;
      assert.ok(size > 10_000 && size < 1_000_000, `unexpected .vsix size: ${size} bytes`);
      // A zip file: its local file headers name every entry; the bundled server must be one.
      const bytes = fs.readFileSync(output);
      assert.equal(bytes.readUInt32LE(0), 0x04034b50, 'not a zip file');
      assert.ok(bytes.includes(Buffer.from('extension/dist/server.js')), 'the server\'s starter is missing from the .vsix');
      assert.ok(bytes.includes(Buffer.from('extension/dist/server-main.js')), 'the bundled server is missing from the .vsix');
      assert.ok(!bytes.includes(Buffer.from('node_modules/')), 'the .vsix carries node_modules');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
