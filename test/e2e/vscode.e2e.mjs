// VS Code end to end: the packaged .vsix installed into a real VS Code (code-server 4.100.3),
// the example draft opened in Debian's Chromium through playwright-core, and what a user sees
// there asserted: squiggles, the Problems panel's rows (rule id and line), the status bar's
// problem counts; then a quick fix applied through the UI (Ctrl+. on the squiggle); then the
// print-layout preview opened beside the editor, following the text and the editor's scroll; a long
// draft typed into; and the example, exported as a Word document, imported back through the command
// and VS Code's own file dialog.
// Run by scripts/e2e/run.mjs; no fixed sleeps: every wait is for an element or a state.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerSession } from './code-server.mjs';
import { assert, assertEqualJson, expectedFindings, quickFix, repoRoot, run, waitFor } from './lib.mjs';

/**
 * @param {object} options
 * @param {import('./lib.mjs').Checks} options.checks
 * @param {string} options.codeServer the installed code-server folder
 * @param {string} options.vsix the packaged extension
 * @param {Record<string, unknown>} options.capabilities the language server's capabilities
 * @param {string} options.resultsDir where the screenshots and logs go (test-results/)
 */
export async function runVscode({ checks, codeServer, vsix, capabilities, resultsDir }) {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'resolint-e2e-vscode-'));
  // A copy of the example's folder: the quick fix edits the draft, and the repository's copy
  // must stay as it is whatever happens to the run.
  const workspace = path.join(temp, 'examples');
  fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
  fs.writeFileSync(path.join(workspace, 'long.resolution'), longDraft.text);
  fs.writeFileSync(path.join(workspace, frenchDraft.name), frenchDraft.text);
  // The example as a Word document, for the import command: Resolint's own export of it.
  const exported = await run(process.execPath, [path.join(repoRoot, 'bin/resolint.js'), '--export', 'docx', path.join(workspace, 'draft.resolution'), '--output', path.join(workspace, importedDocument)]);
  if (exported.status !== 0) throw new Error(`resolint --export docx exited ${exported.status}: ${exported.stderr}`);
  const screenshot = path.join(resultsDir, 'vscode-example.png');
  const previewScreenshot = path.join(resultsDir, 'vscode-preview.png');
  for (const old of [screenshot, path.join(resultsDir, 'vscode-quick-fix.png'), previewScreenshot, path.join(resultsDir, 'vscode-preview-dark.png'), path.join(resultsDir, 'vscode-import.png')]) {
    fs.rmSync(old, { force: true });
  }
  const codeServerRun = codeServerSession({ checks, codeServer, vsixes: [vsix], temp, workspace, serverLog: path.join(resultsDir, 'vscode-code-server.log') });
  const takeScreenshot = (file) => codeServerRun.takeScreenshot(file);
  let screenshotTaken = false;

  try {
    const workspaceUrl = await codeServerRun.start();
    if (!workspaceUrl) return;
    const page = codeServerRun.page;

    const opened = await checks.check('the example draft opens (Ctrl+P) and shows squiggles', async () => {
      await page.goto(workspaceUrl);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      // The explorer shows the folder once the workbench has restored the workspace.
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'draft.resolution' }).first().waitFor({ timeout: 60_000 });
      await quickOpen(page, 'draft.resolution');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
      const errors = await page.locator('.monaco-editor .squiggly-error').count();
      const warnings = await page.locator('.monaco-editor .squiggly-warning').count();
      const language = (await page.locator('#status\\.editor\\.mode').getAttribute('aria-label').catch(() => null)) ?? '';
      assert(/resolution/i.test(language), `the status bar's language is "${language}", not Resolution`);
      return `${errors} error and ${warnings} warning squiggles on screen; language: ${language}`;
    });
    if (!opened) return;

    const expectedRows = expectedFindings.map(({ code, line }) => `${code}@${line}`).sort();
    await page.keyboard.press('Control+Shift+M');
    await checks.check('the Problems panel lists the four findings with rule ids and lines', async () => {
      const rows = await waitFor(
        'the Problems panel rows',
        async () => {
          const found = await problemRows(page);
          return JSON.stringify(found.map((row) => `${row.code}@${row.line}`).sort()) === JSON.stringify(expectedRows) ? found : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 250 },
      ).catch(async (error) => {
        const found = await problemRows(page).catch(() => []);
        throw new Error(`${error.message}; rows seen: ${JSON.stringify(found)}`);
      });
      for (const expected of expectedFindings) {
        const row = rows.find((candidate) => candidate.code === expected.code);
        assertEqualJson([row.line, row.column, row.severity], [expected.line, expected.column, expected.severity], `the row of ${expected.code}`);
      }
      return rows.map((row) => `${row.code} ${row.line}:${row.column} (${row.severity})`).join(', ');
    });

    await checks.check("the status bar's problems item counts 3 errors and 1 warning", async () => {
      return JSON.stringify(await problemCountsReach(page, '3/1', { timeoutMs: 15_000 }));
    });

    await takeScreenshot(screenshot);
    screenshotTaken = true;

    const fixName = `quick fix through the UI: Ctrl+. on the "Urging" squiggle, "${quickFix.title}"`;
    if (!capabilities.codeActionProvider) {
      checks.skip(fixName, 'waits on code actions: the language server does not offer codeActionProvider yet');
    } else {
      await checks.check(fixName, async () => {
        await applyQuickFixThroughUi(page);
        await waitFor(
          `line ${quickFix.line} to read "${quickFix.after}"`,
          async () => (await editorLines(page)).some((line) => line.startsWith(quickFix.after)),
          { timeoutMs: 15_000 },
        ).catch(async (error) => {
          const lines = (await editorLines(page)).filter((line) => line.includes('Member States to ratify'));
          throw new Error(`${error.message}; the line reads ${JSON.stringify(lines)}`);
        });
        // The rows as they settle: while the panel redraws, a row may stand in it twice for a moment
        // (a CI run saw "preambular-phrase@15" twice, then the panel as expected in its screenshot).
        const expectedLeft = expectedRows.filter((row) => !row.startsWith(`${quickFix.code}@`));
        let remaining = [];
        await waitFor(
          `the ${quickFix.code} row to leave the Problems panel, and the other rows to stay`,
          async () => {
            remaining = (await problemRows(page)).map((row) => `${row.code}@${row.line}`).sort();
            return JSON.stringify(remaining) === JSON.stringify(expectedLeft);
          },
          { timeoutMs: 15_000, intervalMs: 250 },
        ).catch(() => undefined);
        assertEqualJson(remaining, expectedLeft, 'the rows left after the fix');
        return `line ${quickFix.line} now reads "${quickFix.after}…"; rows left: ${remaining.join(', ')}`;
      });
      // After the fix, or at the point where it failed.
      await takeScreenshot(path.join(resultsDir, 'vscode-quick-fix.png'));
    }

    // The VS Code touches the extension brings besides the server: its snippets and the
    // language configuration's auto-closing pairs, typed at the end of the draft.
    await checks.check('the "operative" snippet inserts a numbered operative paragraph (Ctrl+Space)', async () => {
      await focusDraftEditor(page);
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('operative');
      await page.keyboard.press('Control+Space');
      const widget = page.locator('.editor-widget.suggest-widget');
      await stepOf('the suggestions open', () => widget.locator('.monaco-list-row').first().waitFor({ timeout: 15_000 }));
      await stepOf('choose "Operative paragraph"', async () => {
        const focused = widget.locator('.monaco-list-row.focused');
        const rows = await widget.locator('.monaco-list-row').count();
        for (let moves = 0; ; moves++) {
          const label = (await focused.getAttribute('aria-label', { timeout: 5_000 }).catch(() => '')) ?? '';
          const text = `${label} ${(await focused.textContent({ timeout: 5_000 }).catch(() => '')) ?? ''}`;
          if (/Operative paragraph/i.test(text)) break;
          if (moves > rows) throw new Error(`not among the suggestions (focused: ${JSON.stringify(text)})`);
          await page.keyboard.press('ArrowDown');
        }
        await page.keyboard.press('Enter');
      });
      const line = await waitFor('the inserted paragraph', async () => (await editorLines(page)).find((text) => /^1\. Requests text;/.test(text)), { timeoutMs: 10_000 }).catch(async (error) => {
        throw new Error(`${error.message}; last lines: ${JSON.stringify((await editorLines(page)).slice(-4))}`);
      });
      return JSON.stringify(line);
    });

    await checks.check('typing "(" closes it with ")" (language configuration)', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.keyboard.press('End');
      await page.keyboard.type(' (');
      const line = await waitFor('the closed bracket', async () => (await editorLines(page)).find((text) => /^1\. Requests text; \(\)$/.test(text)), { timeoutMs: 10_000 }).catch(async (error) => {
        throw new Error(`${error.message}; last lines: ${JSON.stringify((await editorLines(page)).slice(-4))}`);
      });
      return JSON.stringify(line);
    });

    await checkPreview(page, checks, takeScreenshot, previewScreenshot);
    await checkLongDraft(page, checks);
    await checkFrenchDraft(page, checks);
    await checkImport(page, checks, path.join(workspace, importedDocument));
    await takeScreenshot(path.join(resultsDir, 'vscode-import.png'));
  } finally {
    if (!screenshotTaken) await takeScreenshot(screenshot);
    await codeServerRun.stop(path.join(resultsDir, 'vscode-logs'));
  }
}

/**
 * "Resolution: Open Preview to the Side" from the command palette: the webview shows the draft in
 * print layout under the server's content security policy, marks the paragraphs with findings,
 * takes the theme's class, follows typing, and scrolls with the editor.
 */
async function checkPreview(page, checks, screenshot, previewScreenshotPath) {
  const refused = [];
  const onConsole = (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) refused.push(message.text());
  };
  page.on('console', onConsole);
  // The webview is an iframe (VS Code's host page) holding another (the content).
  const content = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const opened = await checks.check('"Resolution: Open Preview to the Side" shows the draft in print layout', async () => {
    await focusDraftEditor(page);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await stepOf('open the command palette', () => input.waitFor({ timeout: 10_000 }));
    await input.fill('>Resolution: Open Preview to the Side');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Preview to the Side' }).first();
    await stepOf('find the command', () => row.waitFor({ timeout: 10_000 }));
    await page.keyboard.press('Enter');
    await stepOf('the preview tab', () => page.locator('.tabs-container .tab', { hasText: 'Preview draft.resolution' }).waitFor({ timeout: 15_000 }));
    await stepOf('the print layout in the webview', () => content.locator('article.page .op').first().waitFor({ timeout: 30_000 }));
    const openers = await content.locator('article.page .opener').count();
    const numbers = await content.locator('article.page .op .num').allTextContents();
    const footnotes = await content.locator('article.page .footnotes .footnote').count();
    const marked = await content.locator('article.page .has-finding').count();
    const errorsMarked = await content.locator('article.page .finding-error').count();
    const theme = (await content.locator('body').getAttribute('class')) ?? '';
    const policy = (await content.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    assert(openers >= 5, `${openers} italic openers`);
    assert(numbers.length >= 3 && numbers[0] === '1.', `operative numbers ${JSON.stringify(numbers)}`);
    assert(footnotes >= 1, 'no footnote');
    assert(errorsMarked >= 2, `${errorsMarked} paragraphs marked with errors (the draft has 3 errors)`);
    assert(/\bvscode-(dark|light|high-contrast)/.test(theme), `the body's classes are "${theme}"`);
    assert(/^default-src 'none'; style-src 'sha256-[^']+'; img-src data:; script-src 'nonce-[^']+'/.test(policy), `the policy is "${policy}"`);
    return `${openers} italic openers, numbers ${numbers.join(' ')}, ${footnotes} footnotes, ${marked} blocks marked (${errorsMarked} errors); theme ${theme.match(/vscode-[\w-]+/)?.[0]}; policy ${policy.slice(0, 60)}…`;
  });
  if (!opened) {
    await screenshot(previewScreenshotPath);
    page.off('console', onConsole);
    return;
  }

  await checks.check('the preview follows the text as it is typed', async () => {
    await focusDraftEditor(page);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Welcomes the preview of this draft.');
    // Typed into the editor, not lost: the preview is waited for only then (a miss says which).
    await stepOf('the typed paragraph in the editor', () => waitFor('the typed line', async () => (await editorLines(page)).some((text) => text.includes('preview of this draft')), { timeoutMs: 5_000 }));
    const started = Date.now();
    await waitFor('the typed paragraph in the preview', async () => ((await content.locator('article.page').textContent()) ?? '').includes('preview of this draft'), { timeoutMs: 30_000, intervalMs: 50 }).catch(async (error) => {
      // Where the keystrokes went and what the preview shows instead, for the log.
      const lastLines = (await editorLines(page)).slice(-3);
      const focused = await page.evaluate(() => `${document.activeElement?.tagName}.${document.activeElement?.className}`);
      const previewEnd = ((await content.locator('article.page').textContent({ timeout: 5_000 }).catch(() => '')) ?? '').replace(/\s+/gu, ' ').slice(-120);
      throw new Error(`${error.message}; the editor's last lines ${JSON.stringify(lastLines)}, focus on ${focused}, the preview ends "${previewEnd}"`);
    });
    return `shown ${Date.now() - started} ms after the last keystroke`;
  });

  await checks.check('the preview scrolls with the editor', async () => {
    const scrollY = () => content.locator('body').evaluate(() => window.scrollY);
    const scrollable = await content.locator('body').evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 100);
    if (!scrollable) return 'the whole draft fits the preview: nothing to scroll';
    await focusDraftEditor(page);
    await page.keyboard.press('Control+Home');
    await waitFor('the preview at its top', async () => (await scrollY()) < 50, { timeoutMs: 30_000 });
    await page.keyboard.press('Control+End');
    const bottom = await waitFor('the preview scrolled down', async () => {
      const y = await scrollY();
      return y > 200 ? y : undefined;
    }, { timeoutMs: 30_000 });
    await page.keyboard.press('Control+Home');
    await waitFor('the preview back at its top', async () => (await scrollY()) < 50, { timeoutMs: 30_000 });
    return `top at the first line, ${Math.round(bottom)} px down at the last`;
  });

  await checks.check('the preview breaks no rule of its content security policy', async () => {
    assert(refused.length === 0, refused.join('\n'));
    return 'no violation reported';
  });
  page.off('console', onConsole);
  // The editor at the top and the preview beside it, as a user sees them.
  await page.keyboard.press('Control+Home');
  await waitFor('the preview at its top', async () => (await content.locator('body').evaluate(() => window.scrollY)) < 50, { timeoutMs: 5_000 }).catch(() => undefined);
  await screenshot(previewScreenshotPath);

  await checks.check('the preview follows a change to a dark colour theme', async () => {
    const paperOf = () => content.locator('article.page').evaluate((element) => getComputedStyle(element).backgroundColor);
    const before = await paperOf();
    // As a user does: "Preferences: Color Theme", then the theme.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await stepOf('open the command palette', () => input.waitFor({ timeout: 10_000 }));
    await input.fill('>Preferences: Color Theme');
    // Exactly that command: "Browse Color Themes in Marketplace" matches the words too.
    const command = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }) }).first();
    await stepOf('find "Preferences: Color Theme"', () => command.waitFor({ timeout: 10_000 }));
    await command.click();
    await stepOf('the list of themes', () => page.locator('.quick-input-list .monaco-list-row', { hasText: /Dark/ }).first().waitFor({ timeout: 10_000 })).catch(async (error) => {
      await screenshot(path.join(path.dirname(previewScreenshotPath), 'vscode-preview-dark.png'));
      const rows = await page.locator('.quick-input-list .monaco-list-row').allTextContents();
      throw new Error(`${error.message}; rows: ${JSON.stringify(rows.slice(0, 8))}, input "${await input.inputValue()}"`);
    });
    await input.fill('Dark Modern');
    await stepOf('find "Dark Modern"', () => page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Dark Modern' }).first().waitFor({ timeout: 10_000 }));
    await page.keyboard.press('Enter');
    const after = await waitFor('the dark paper', async () => {
      const classes = (await content.locator('body').getAttribute('class')) ?? '';
      const paper = await paperOf();
      return classes.includes('vscode-dark') && paper !== before ? paper : undefined;
    }, { timeoutMs: 15_000 }).catch(async (error) => {
      await screenshot(path.join(path.dirname(previewScreenshotPath), 'vscode-preview-dark.png'));
      const workbench = await page.locator('.monaco-workbench').getAttribute('class');
      throw new Error(`${error.message}; body "${await content.locator('body').getAttribute('class')}", paper ${await paperOf()}, workbench "${workbench}"`);
    });
    await screenshot(path.join(path.dirname(previewScreenshotPath), 'vscode-preview-dark.png'));
    return `paper ${before} → ${after}`;
  });
}

/** The Problems panel's marker rows: rule id (code), line, column, severity. */
/** A clean draft of 7,000 operative paragraphs (0.9 MB), written into the workspace before code-server starts (quick open lists it then). */
const longDraft = (() => {
  const openers = ['Requests', 'Decides', 'Urges', 'Encourages', 'Invites', 'Calls upon', 'Welcomes', 'Emphasizes'];
  const count = 7000;
  const lines = ['The General Assembly,', '', 'Recalling its resolution 60/1 of 16 September 2005,', ''];
  for (let number = 1; number <= count; number++) {
    lines.push(`${number}. ${openers[number % openers.length]} all Member States to continue to support the work of the Organization in the field of sustainable development${number === count ? '.' : ';'}`, '');
  }
  // The text ends with a line break: the last paragraph is the line before the last.
  return { text: lines.join('\n'), count, lastParagraphLine: lines.length - 1 };
})();

/**
 * The long draft, clean: opened, left a second (the server warms up for a long draft then,
 * lsp/keystroke-warm-up.ts), then its last full stop deleted and typed again. The Problems count
 * follows each keystroke: one warning, then none. The times go to the log, not into an assertion.
 */
async function checkLongDraft(page, checks) {
  const { count, lastParagraphLine } = longDraft;
  const opened = await checks.check(`a draft of ${count} paragraphs (0.9 MB) opens clean, alone`, async () => {
    // Every other editor closed, so the counts are this draft's alone (the edited example is the workspace's copy).
    await saveAndCloseAllEditors(page);
    const started = Date.now();
    await quickOpen(page, 'long.resolution');
    // Read by the server (Resolint's status-bar item counts its paragraphs), and nothing flagged.
    await page.locator('.statusbar-item', { hasText: `OP ${count}` }).first().waitFor({ timeout: 30_000 });
    await problemCountsReach(page, '0/0', { timeoutMs: 30_000, intervalMs: 20 });
    return `read and clean in ${Date.now() - started} ms`;
  });
  if (!opened) return;

  await checks.check('typing into it a second later: its last full stop deleted and typed again, the Problems count follows each keystroke', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await focusDraftEditor(page);
    // The last paragraph's line, at its end: the text ends with a line break.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await waitFor('the cursor on the last paragraph', async () => ((await page.locator('#status\\.editor\\.selection').textContent()) ?? '').includes(`Ln ${lastParagraphLine},`), { timeoutMs: 10_000 });
    let started = Date.now();
    await page.keyboard.press('Backspace');
    await problemCountsReach(page, '0/1', { timeoutMs: 30_000, intervalMs: 20 });
    const deleted = Date.now() - started;
    started = Date.now();
    await page.keyboard.type('.');
    await problemCountsReach(page, '0/0', { timeoutMs: 30_000, intervalMs: 20 });
    return `the warning ${deleted} ms after the deletion, gone ${Date.now() - started} ms after the full stop was typed again`;
  });
}

const importedDocument = 'draft.docx';

/**
 * "Resolution: Import Draft from Word or PDF Text…" on the example exported as a Word document: picked
 * in VS Code's own file dialog, read by the server, opened as a new, unsaved draft that shows the
 * example's paragraphs and its four findings (3 errors, 1 warning), and the Word document untouched.
 */
async function checkImport(page, checks, documentPath) {
  await checks.check('"Resolution: Import Draft from Word or PDF Text…" opens a Word document as a new draft with its findings', async () => {
    const before = fs.readFileSync(documentPath);
    // Every other editor closed, so the problem counts are the imported draft's alone.
    await saveAndCloseAllEditors(page);
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await stepOf('open the command palette', () => input.waitFor({ timeout: 10_000 }));
    await input.fill('>Resolution: Import Draft');
    await stepOf('find the command', () => page.locator('.quick-input-list .monaco-list-row', { hasText: 'Import Draft from Word or PDF Text' }).first().waitFor({ timeout: 10_000 }));
    await page.keyboard.press('Enter');
    // The web's file dialog is a quick input holding a path: the document's, then Enter.
    await stepOf('the file dialog', () => waitFor('the dialog to offer a path', async () => (await input.isVisible()) && !(await input.inputValue()).startsWith('>'), { timeoutMs: 15_000 }));
    await input.fill(documentPath);
    await page.keyboard.press('Enter');
    // An untitled editor's tab reads its first line, then "Untitled-1".
    await stepOf('a new, unsaved editor', () => page.locator('.tabs-container .tab.dirty', { hasText: 'Untitled-' }).first().waitFor({ timeout: 15_000 }));
    const language = (await page.locator('#status\\.editor\\.mode').getAttribute('aria-label').catch(() => null)) ?? '';
    assert(/resolution/i.test(language), `the new editor's language is "${language}", not Resolution`);
    const lines = await waitFor('the imported paragraphs', async () => {
      const shown = await editorLines(page);
      return shown.some((line) => line.startsWith('The General Assembly,')) && shown.some((line) => line.startsWith('2. Urging Member States')) ? shown : undefined;
    }, { timeoutMs: 15_000 }).catch(async (error) => {
      throw new Error(`${error.message}; lines: ${JSON.stringify((await editorLines(page)).slice(0, 8))}`);
    });
    await problemCountsReach(page, '3/1', { timeoutMs: 30_000 });
    assert(Buffer.compare(before, fs.readFileSync(documentPath)) === 0, 'the Word document changed');
    return `${lines.filter((line) => line.trim() !== '').length} lines on screen, first ${JSON.stringify(lines[0])}; 3 errors and 1 warning`;
  });
}

/** A French draft with two slips, what its Problems rows say, and the quick fix offered for the first. */
const frenchDraft = {
  name: 'projet.resolution',
  text: "L'Assemblée générale,\n\nRappelant sa résolution 60/1 du 16 septembre 2005,\n\n1. Priant le Secrétaire général de lui présenter un rapport ;\n\n3. Décide de rester saisie de la question.\n",
  messages: [
    'Les paragraphes du dispositif commencent par un verbe au présent : « Prie », et non « Priant ».',
    'Le paragraphe numéroté 3 suit le paragraphe 1 : numéro attendu 2.',
  ],
  fix: { line: 5, column: 4, title: 'Remplacer « Priant » par « Prie »' },
};

/**
 * A French draft in VS Code: the findings in the Problems panel and the quick fix under them are in
 * French, as the draft is, while the editor's own words stay English.
 */
async function checkFrenchDraft(page, checks) {
  await checks.check('a French draft shows its findings and quick fix in French', async () => {
    await saveAndCloseAllEditors(page);
    await quickOpen(page, frenchDraft.name);
    await problemCountsReach(page, '2/0', { timeoutMs: 30_000 });
    const texts = await waitFor('the French messages in the Problems panel', async () => {
      const rows = await page.locator('.markers-panel .monaco-list-row').allTextContents();
      return frenchDraft.messages.every((message) => rows.some((row) => row.includes(message))) ? rows : undefined;
    }, { timeoutMs: 15_000, intervalMs: 250 }).catch(async (error) => {
      const rows = await page.locator('.markers-panel .monaco-list-row').allTextContents().catch(() => []);
      throw new Error(`${error.message}; rows seen: ${JSON.stringify(rows)}`);
    });
    await applyQuickFixThroughUi(page, frenchDraft.fix, false);
    return `${texts.length} rows, among them ${JSON.stringify(frenchDraft.messages[1])}; Ctrl+. offers "${frenchDraft.fix.title}"`;
  });
}

/** Every editor saved (Ctrl+K S, Save All), then all closed (Ctrl+K W), so no dialog asks about changes. */
async function saveAndCloseAllEditors(page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('S');
  await page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached', timeout: 15_000 });
  await page.keyboard.press('Control+K');
  await page.keyboard.press('W');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 15_000 });
}

/** Opens `fileName` with quick open (Ctrl+P) and waits for its tab. */
export async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(fileName);
  // The first rows can be "recently opened" entries: wait for the file's own row.
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
  await page.locator('.tabs-container .tab', { hasText: fileName }).waitFor({ timeout: 15_000 });
}

/** The status bar's problem counts as "errors/warnings", once they read `expected`: its aria-label then. */
function problemCountsReach(page, expected, { timeoutMs, intervalMs = 100 }) {
  const label = () => page.locator('#status\\.problems').getAttribute('aria-label');
  return waitFor(
    `the status bar's problem counts to read ${expected}`,
    async () => {
      const text = (await label()) ?? '';
      // "Errors: 3, Warnings: 1" (VS Code 1.100's wording), "Warnings: 1", "No Problems": a kind not named has none.
      const errors = /Errors?:\s*(\d+)/i.exec(text)?.[1] ?? '0';
      const warnings = /Warnings?:\s*(\d+)/i.exec(text)?.[1] ?? '0';
      return `${errors}/${warnings}` === expected ? text : undefined;
    },
    { timeoutMs, intervalMs },
  ).catch(async (error) => {
    const text = await label().catch(() => null);
    throw new Error(`${error.message}; aria-label: ${JSON.stringify(text)}`);
  });
}

async function problemRows(page) {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) =>
    rows
      // A finding's related places ("Paragraph 2 is here.") are rows of their own below it, with no
      // rule id: they are not findings.
      .filter((row) => row.querySelector('.marker-code') !== null && (row.querySelector('.marker-code')?.textContent?.trim() ?? '') !== '')
      .map((row) => {
        const code = row.querySelector('.marker-code')?.textContent?.trim() ?? '';
        const position = /Ln\s*(\d+),\s*Col\s*(\d+)/.exec(row.querySelector('.marker-line')?.textContent ?? '');
        const icon = row.querySelector('.marker-icon');
        const severity = icon?.className.includes('error') ? 'error' : icon?.className.includes('warning') ? 'warning' : 'other';
        return position ? { code: code.replace(/^\(|\)$/g, ''), line: Number(position[1]), column: Number(position[2]), severity } : undefined;
      })
      .filter((row) => row !== undefined),
  );
}

/** The text of the editor lines on screen (Monaco renders spaces as no-break spaces). */
/**
 * Puts the keyboard in the draft's editor, and checks it is there. With the preview open beside it, a
 * click in the middle of the editor's lines may land where the panel below covers them (the lines of
 * a scrolled editor run past its visible part), and the keystrokes that follow go nowhere: the editor
 * is clicked near its top left, in the first editor group, until the focus is inside it.
 */
export async function focusDraftEditor(page) {
  await page.keyboard.press('Escape');
  const editor = page.locator('.editor-group-container').first().locator('.monaco-editor').first();
  const focusedInEditor = () => page.evaluate(() => Boolean(document.activeElement?.closest('.monaco-editor')));
  for (let attempt = 0; attempt < 5; attempt++) {
    await editor.click({ position: { x: 80, y: 12 } });
    if (await waitFor('the focus in the editor', focusedInEditor, { timeoutMs: 1_000 }).then(() => true, () => false)) return;
    // The keyboard way: View: Focus First Editor Group.
    await page.keyboard.press('Control+1');
    if (await waitFor('the focus in the editor', focusedInEditor, { timeoutMs: 1_000 }).then(() => true, () => false)) return;
  }
  const focused = await page.evaluate(() => `${document.activeElement?.tagName}.${document.activeElement?.className}`);
  throw new Error(`the draft's editor does not take the focus (focus on ${focused})`);
}

async function editorLines(page) {
  return page.locator('.monaco-editor .view-lines .view-line').evaluateAll((lines) => lines.map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ')));
}

/** Runs one step of a UI interaction; a failure names the step. */
async function stepOf(what, fn) {
  try {
    return await fn();
  } catch (error) {
    throw new Error(`${what}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  }
}

/**
 * Puts the cursor on the squiggle (Ctrl+G line:column), opens the quick fixes (Ctrl+.), picks one
 * (`fix`: the example's by default); with `choose` false, leaves the menu once the fix is offered.
 */
async function applyQuickFixThroughUi(page, fix = quickFix, choose = true) {
  await stepOf('focus the editor', () => focusDraftEditor(page));
  const input = page.locator('.quick-input-widget input');
  await stepOf('open "Go to Line/Column" (Ctrl+G)', async () => {
    await page.keyboard.press('Control+G');
    await input.waitFor({ timeout: 10_000 });
  });
  await stepOf(`go to ${fix.line}:${fix.column + 1}`, async () => {
    // Ctrl+G opens quick access with the ":" (go to line) prefix: keep it.
    await input.fill(`:${fix.line}:${fix.column + 1}`);
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
    await waitFor(
      `the cursor at Ln ${fix.line}`,
      async () => ((await page.locator('#status\\.editor\\.selection').textContent()) ?? '').includes(`Ln ${fix.line},`),
      { timeoutMs: 10_000 },
    );
  });
  const widget = page.locator('.action-widget');
  await stepOf('open the quick fixes (Ctrl+.)', async () => {
    await page.keyboard.press('Control+.');
    await widget.waitFor({ timeout: 15_000 });
  });
  const item = widget.locator('.monaco-list-row', { hasText: fix.title }).first();
  await item.waitFor({ timeout: 15_000 }).catch(async () => {
    const offered = await widget.locator('.monaco-list-row').allTextContents();
    throw new Error(`the quick-fix menu does not offer "${fix.title}"; it offers ${JSON.stringify(offered)}`);
  });
  if (!choose) {
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: 10_000 });
    return;
  }
  // Chosen with the keyboard, as after Ctrl+. a user does: arrows to the fix, then Enter.
  await stepOf(`choose "${fix.title}"`, async () => {
    const focused = widget.locator('.monaco-list-row.focused');
    const rows = await widget.locator('.monaco-list-row').count();
    for (let moves = 0; ; moves++) {
      const text = (await focused.textContent({ timeout: 5_000 }).catch(() => '')) ?? '';
      if (text.includes(fix.title)) break;
      if (moves > rows) throw new Error(`could not move the selection to it (focused: ${JSON.stringify(text)})`);
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: 10_000 });
  });
}
