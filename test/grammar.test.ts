// Runs the TextMate grammar tests (test/grammar/*.resolution, vscode-tmgrammar-test's `^^^`
// assertions) inside the main mocha suite, exactly as `npm run test:grammar` does.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const repositoryRoot = path.resolve(__dirname, '../..');
const grammarPath = 'syntaxes/resolution.tmLanguage.json';
const grammarTestCli = require.resolve('vscode-tmgrammar-test/dist/unit.js', { paths: [repositoryRoot] });

function runGrammarTests(testFiles: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [grammarTestCli, '--compact', '-g', grammarPath, testFiles], {
    cwd: repositoryRoot,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('TextMate grammar', () => {
  it('gives every test/grammar/*.resolution line the scopes its assertions expect', () => {
    const { status, output } = runGrammarTests('test/grammar/*.resolution');
    assert.equal(status, 0, output);
  });

  it('fails on a wrong expectation (the harness can fail)', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'resolint-grammar-'));
    try {
      const wrong = path.join(folder, 'wrong.resolution');
      writeFileSync(
        wrong,
        ['<!-- SYNTAX TEST "source.resolution" "a chapeau is not an opener"', 'The General Assembly,', '<!-- <--- markup.italic.opener.operative.resolution', ''].join('\n'),
      );
      const { status, output } = runGrammarTests(wrong);
      assert.notEqual(status, 0, output);
      assert.match(output, /missing required scopes/i);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
