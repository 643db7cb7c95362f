// VS Code in French, end to end: code-server started with `--locale fr` (and the empty French
// language pack of french-display-language/, without which it stays English), the packaged .vsix
// installed, and what a French-speaking user sees of Resolint itself asserted: the commands in the
// palette, a message of the extension, a setting's description. The findings follow the draft's
// language, not VS Code's (vscode.e2e.mjs checks a French draft in an English VS Code).
// Run by scripts/e2e/run.mjs after vscode.e2e.mjs; no fixed sleeps.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerSession } from './code-server.mjs';
import { assert, repoRoot, run, waitFor } from './lib.mjs';
import { focusDraftEditor, quickOpen } from './vscode.e2e.mjs';

const french = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.fr.json'), 'utf8'));
const frenchMessages = JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.fr.json'), 'utf8'));
const draftName = 'clean.resolution';

/**
 * @param {object} options
 * @param {import('./lib.mjs').Checks} options.checks
 * @param {string} options.codeServer the installed code-server folder
 * @param {string} options.vsix the packaged extension
 * @param {string} options.resultsDir where the screenshot and logs go (test-results/)
 */
export async function runVscodeInFrench({ checks, codeServer, vsix, resultsDir }) {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'resolint-e2e-vscode-fr-'));
  const workspace = path.join(temp, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  // A draft with nothing to renumber: the command then answers with a message of the extension's own.
  fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'cli', 'clean.resolution'), path.join(workspace, draftName));
  const screenshot = path.join(resultsDir, 'vscode-french.png');
  fs.rmSync(screenshot, { force: true });

  const languagePack = path.join(temp, 'french-display-language.vsix');
  const packed = await run(
    process.execPath,
    [path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', languagePack],
    { cwd: path.join(repoRoot, 'test', 'e2e', 'french-display-language'), timeoutMs: 60_000 },
  );
  if (packed.status !== 0) {
    checks.fail('the French display language packs', `vsce exited ${packed.status}: ${packed.stdout}${packed.stderr}`);
    fs.rmSync(temp, { recursive: true, force: true });
    return;
  }

  const codeServerRun = codeServerSession({
    checks,
    codeServer,
    vsixes: [vsix, languagePack],
    temp,
    workspace,
    serverLog: path.join(resultsDir, 'vscode-french-code-server.log'),
    extraArguments: ['--locale', 'fr'],
    what: 'code-server in French',
    // code-server reads the display languages it can start in from languagepacks.json, which VS
    // Code writes only when its language picker asks: written here as VS Code would for the pack.
    beforeStart: (userDataDir, extensionsDir) => {
      const folder = fs.readdirSync(extensionsDir).find((name) => name.startsWith('resolint-e2e.resolint-e2e-french-display-language-'));
      if (!folder) return;
      const translations = path.join(extensionsDir, folder, 'translations', 'main.i18n.json');
      const extensions = [{ extensionIdentifier: { id: 'resolint-e2e.resolint-e2e-french-display-language' }, version: '0.0.1' }];
      fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ fr: { hash: 'resolint-e2e-0.0.1', label: 'français', extensions, translations: { vscode: translations } } }));
    },
  });

  try {
    const workspaceUrl = await codeServerRun.start();
    if (!workspaceUrl) return;
    const page = codeServerRun.page;
    const opened = await checks.check('a draft opens in VS Code in French', async () => {
      await page.goto(workspaceUrl);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: draftName }).first().waitFor({ timeout: 60_000 });
      await quickOpen(page, draftName);
      // Most commands are enabled in a resolution draft only (and hidden from the palette elsewhere):
      // the draft's language read and the focus in its editor before the palette is opened.
      await waitFor('the draft\'s language in the status bar', async () => /resolution/i.test((await page.locator('#status\\.editor\\.mode').getAttribute('aria-label').catch(() => null)) ?? ''), { timeoutMs: 30_000, intervalMs: 200 });
      await focusDraftEditor(page);
      // The language the workbench loaded its strings for (VS Code 1.100 keeps it in this global).
      const language = await page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE);
      assert(language === 'fr', `the workbench's language is ${JSON.stringify(language)}, not "fr": code-server did not start in French`);
      return `${draftName}; the workbench's language: ${language}`;
    });
    if (!opened) return;

    await checks.check('VS Code in French lists Resolint\'s commands in French', async () => {
      const titles = Object.entries(french).filter(([key]) => /^command\.\w+\.title$/u.test(key)).map(([, title]) => title);
      const rowTexts = () => page.locator('.quick-input-list .monaco-list-row').allInnerTexts().catch(() => []);
      // A row reads "Résolution: Renuméroter les notes" with the English name under it, to search by.
      const allListed = (texts) => titles.every((title) => texts.some((text) => text.startsWith(`${french['command.category']}: ${title}`)));
      let rows = [];
      let paletteOpenings = 0;
      // The palette reads the editor's context when it opens: opened again (the focus back in the
      // draft) if a slow start left the draft's commands out the first time.
      for (let attempt = 0; attempt < 3 && !allListed(rows); attempt++) {
        if (attempt > 0) {
          await page.keyboard.press('Escape');
          await focusDraftEditor(page);
        }
        await page.keyboard.press('Control+Shift+P');
        await page.locator('.quick-input-widget input').fill(`>${french['command.category']}`);
        paletteOpenings++;
        rows = await waitFor('the French commands in the palette', async () => {
          const texts = await rowTexts();
          return allListed(texts) ? texts : undefined;
        }, { timeoutMs: 10_000, intervalMs: 250 }).catch(async () => rowTexts());
      }
      assert(allListed(rows), `the palette does not list the nine commands in French; rows seen: ${JSON.stringify(rows)}`);
      const example = rows.find((text) => text.includes(french['command.renumberOperativeParagraphs.title']))?.split('\n')[0];
      return `${rows.length} rows, among them ${JSON.stringify(example)}${paletteOpenings > 1 ? ` (the palette opened ${paletteOpenings} times)` : ''}`;
    });

    await checks.check('its own messages are in French: "Renuméroter les notes" on a draft with nothing to renumber', async () => {
      const expected = frenchMessages['The footnotes are already numbered in the order of their first reference.'];
      assert(expected, 'the bundle has no translation of the message');
      const input = page.locator('.quick-input-widget input');
      if (!(await input.isVisible())) await page.keyboard.press('Control+Shift+P');
      await input.fill(`>${french['command.category']}: ${french['command.renumberFootnotes.title']}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: french['command.renumberFootnotes.title'] }).first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page.locator('.statusbar', { hasText: expected }).waitFor({ timeout: 15_000 });
      return JSON.stringify(expected);
    });

    await checks.check('its settings are described in French (Settings editor, "resolint.mode")', async () => {
      const description = french['setting.mode.description'].split(' Non défini')[0];
      await page.keyboard.press('Control+,');
      const search = page.locator('.settings-editor .suggest-input-container textarea, .settings-editor .search-container textarea').first();
      await search.waitFor({ timeout: 30_000 });
      await search.fill('resolint.mode');
      const shown = await waitFor('the French description of resolint.mode', async () => {
        const texts = await page.locator('.settings-editor .setting-item-description').allInnerTexts();
        return texts.find((text) => text.includes(description));
      }, { timeoutMs: 20_000, intervalMs: 250 }).catch(async (error) => {
        const texts = await page.locator('.settings-editor .setting-item-description').allInnerTexts().catch(() => []);
        throw new Error(`${error.message}; descriptions seen: ${JSON.stringify(texts)}`);
      });
      await codeServerRun.takeScreenshot(screenshot);
      return JSON.stringify(shown);
    });
  } finally {
    await codeServerRun.stop(path.join(resultsDir, 'vscode-french-logs'));
  }
}
