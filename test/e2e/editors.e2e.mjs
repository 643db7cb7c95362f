// Neovim and Emacs end to end: each editor loads the README's snippet (test/e2e/editors/*),
// exactly as a user pastes it, with `resolint-language-server` on the PATH (a link to this
// clone's bin/, as `npm install -g` makes one), opens a copy of the example draft, and reports
// what its LSP client got as JSON (test/e2e/neovim.lua, test/e2e/emacs.el). Asserted here.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assert, assertEqualJson, expectedFindings, quickFix, repoRoot, run } from './lib.mjs';

const here = path.join(repoRoot, 'test', 'e2e');
export const snippets = {
  neovim: path.join(here, 'editors', 'neovim-0.7.lua'),
  emacs: path.join(here, 'editors', 'eglot.el'),
};

/** A temporary HOME, PATH with the server's command on it, and a copy of the example draft. */
function sandbox(name) {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), `resolint-e2e-${name}-`));
  const bin = path.join(temp, 'bin');
  const home = path.join(temp, 'home');
  const drafts = path.join(temp, 'drafts');
  for (const folder of [bin, home, drafts]) fs.mkdirSync(folder, { recursive: true });
  fs.symlinkSync(path.join(repoRoot, 'bin', 'resolint-language-server.js'), path.join(bin, 'resolint-language-server'));
  const draft = path.join(drafts, 'draft.resolution');
  fs.copyFileSync(path.join(repoRoot, 'examples', 'draft.resolution'), draft);
  const env = {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    RESOLINT_E2E_DRAFT: draft,
    RESOLINT_E2E_OUT: path.join(temp, 'result.json'),
  };
  return { temp, drafts, env, out: env.RESOLINT_E2E_OUT };
}

function readResult(out, result, what) {
  if (!fs.existsSync(out)) {
    throw new Error(`${what} wrote no result (status ${result.status}${result.timedOut ? ', timed out' : ''}): ${(result.stdout + result.stderr).slice(-2000)}`);
  }
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

const expectedCodes = expectedFindings.map(({ code, line }) => `${code}@${line}`);

/**
 * @param {import('./lib.mjs').Checks} checks
 * @param {string} resultsDir
 */
export async function runNeovim(checks, resultsDir) {
  const version = await run('nvim', ['--version'], { timeoutMs: 10_000 }).catch(() => undefined);
  if (!version || version.status !== 0) {
    checks.fail('nvim is installed', 'nvim not found: apt-get install neovim');
    return;
  }
  const box = sandbox('neovim');
  try {
    const started = Date.now();
    const result = await run('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${path.join(here, 'neovim.lua')}`], {
      cwd: box.drafts,
      env: { ...box.env, RESOLINT_E2E_SNIPPET: snippets.neovim, RESOLINT_E2E_FIX_TITLE: quickFix.title },
      timeoutMs: 90_000,
    });
    const elapsed = Date.now() - started;
    let report;
    const ran = await checks.check('headless Neovim runs the README snippet and reports (JSON)', () => {
      report = readResult(box.out, result, 'nvim');
      fs.writeFileSync(path.join(resultsDir, 'neovim-result.json'), JSON.stringify(report, null, 2) + '\n');
      assert(report.ok, `the script failed: ${report.error}`);
      assert(result.status === 0, `nvim exited ${result.status}`);
      assert(report.filetype === 'resolution', `filetype is "${report.filetype}"`);
      assert(report.client === 'resolint', `client "${report.client}" attached`);
      return `Neovim ${report.nvim}, ${elapsed} ms, JSON in test-results/neovim-result.json`;
    });
    if (!ran) return;

    await checks.check('Neovim: diagnostics with rule codes arrive', () => {
      assert(report.diagnosticsArrived, 'no diagnostics within 15 s');
      const got = report.diagnostics.map((d) => `${d.code}@${d.line}`);
      assertEqualJson(got, expectedCodes, 'diagnostics (code@line)');
      const severities = report.diagnostics.map((d) => d.severity);
      assertEqualJson(severities, expectedFindings.map((f) => (f.severity === 'error' ? 1 : 2)), 'severities (1 error, 2 warning)');
      return got.join(', ');
    });

    const action = `Neovim: code action "${quickFix.title}" applied`;
    if (!report.capabilities.codeAction) checks.skip(action, 'waits on code actions: the server offers no codeActionProvider yet');
    else {
      await checks.check(action, () => {
        const ca = report.codeAction;
        assert(!ca.error, `textDocument/codeAction failed: ${ca.error}`);
        assert(ca.applied, `not offered; offered: ${JSON.stringify(ca.offered)}`);
        assert(ca.lineAfter?.startsWith(quickFix.after), `line ${quickFix.line} reads ${JSON.stringify(ca.lineAfter)}`);
        assert(ca.diagnosticGone, `the ${quickFix.code} diagnostic is still there: ${JSON.stringify(ca.diagnosticsAfter)}`);
        return `line ${quickFix.line}: "${ca.lineAfter.slice(0, 40)}…"; left: ${ca.diagnosticsAfter.map((d) => d.code).join(', ')}`;
      });
    }

    if (!report.capabilities.hover) checks.skip('Neovim: hover', 'waits on hover: the server offers no hoverProvider yet');
    else {
      await checks.check('Neovim: hover', () => {
        assert(report.hover?.text, `no hover text at any of: ${JSON.stringify(report.hover?.tried)}`);
        return `at ${report.hover.at}: ${JSON.stringify(report.hover.text.slice(0, 80))}`;
      });
    }

    if (!report.capabilities.documentSymbol) checks.skip('Neovim: document symbols', 'waits on symbols: the server offers no documentSymbolProvider yet');
    else {
      await checks.check('Neovim: document symbols', () => {
        assert(!report.symbols.error, `textDocument/documentSymbol failed: ${report.symbols.error}`);
        const list = report.symbols.list;
        assert(list.length > 0, 'no symbols');
        // Whatever the outline's shape, operative paragraph 2 (line 28) must be in it.
        const covering = list.filter((s) => s.startLine <= quickFix.line && quickFix.line <= s.endLine);
        assert(covering.length > 0, `no symbol covers line ${quickFix.line}: ${JSON.stringify(list)}`);
        return `${list.length} symbols; line ${quickFix.line} in ${covering.map((s) => JSON.stringify(s.name)).join(' > ')}`;
      });
    }
  } finally {
    fs.rmSync(box.temp, { recursive: true, force: true });
  }
}

/**
 * @param {import('./lib.mjs').Checks} checks
 * @param {string} resultsDir
 */
export async function runEmacs(checks, resultsDir) {
  const version = await run('emacs', ['--version'], { timeoutMs: 10_000 }).catch(() => undefined);
  if (!version || version.status !== 0) {
    checks.fail('emacs is installed', 'emacs not found: apt-get install emacs-nox elpa-eglot');
    return;
  }
  const box = sandbox('emacs');
  try {
    const started = Date.now();
    const result = await run('emacs', ['--batch', '-Q', '-l', path.join(here, 'emacs.el')], {
      cwd: box.drafts,
      env: { ...box.env, RESOLINT_E2E_SNIPPET: snippets.emacs },
      timeoutMs: 90_000,
    });
    const elapsed = Date.now() - started;
    await checks.check('Emacs (eglot, batch): the README snippet attaches and flymake shows the diagnostics', () => {
      const report = readResult(box.out, result, 'emacs');
      fs.writeFileSync(path.join(resultsDir, 'emacs-result.json'), JSON.stringify(report, null, 2) + '\n');
      assert(!report.error, `the script failed: ${report.error}`);
      assert(result.status === 0, `emacs exited ${result.status}`);
      assert(report.mode === 'resolution-mode', `major mode is ${report.mode}`);
      assert(report.managed, 'eglot does not manage the buffer');
      const got = report.diagnostics.map((d) => `${d.line}:${d.column} ${d.type}`);
      const want = expectedFindings.map((f) => `${f.line}:${f.column} eglot-${f.severity}`);
      assertEqualJson(got, want, 'flymake diagnostics (line:column type)');
      // eglot 1.9 shows the message only; the rule id is the diagnostic's code, which it drops.
      return `Emacs ${report.emacs}, eglot ${report.eglot}, ${elapsed} ms: ${got.join(', ')}`;
    });
  } finally {
    fs.rmSync(box.temp, { recursive: true, force: true });
  }
}
