// The VS Code extension in French and Spanish: what VS Code shows of the manifest (commands, their
// category, the settings and their choices) comes from package.nls.<language>.json, what the
// extension says itself (messages, dialogs, the status bar) from l10n/bundle.l10n.<language>.json,
// both chosen by VS Code's display language. Each key must exist in every language, no translation
// may lose a placeholder, a setting's name in code or a rule's default, and a message naming a
// command names it by its translated category and title.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../server/src/core/index';
import { repositoryRoot } from './check';

const translatedLanguages = ['fr', 'es'] as const;
type Strings = Record<string, string>;

function readStrings(relativePath: string): Strings {
  return JSON.parse(fs.readFileSync(path.join(repositoryRoot, relativePath), 'utf8')) as Strings;
}

/** Every "%key%" the manifest holds, wherever it stands. */
function manifestKeys(): string[] {
  const keys: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const key = /^%([^%]+)%$/u.exec(value)?.[1];
      if (key) keys.push(key);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')));
  return [...new Set(keys)].sort();
}

/** The English texts the extension passes to vscode.l10n.t, as written in client/src. */
function clientMessages(): string[] {
  const folder = path.join(repositoryRoot, 'client/src');
  const messages = new Set<string>();
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(folder, file), 'utf8');
    for (const match of source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/gu)) messages.add((match[1] ?? '').replace(/\\(.)/gu, '$1'));
    // A message the test cannot read is a message no bundle can hold: only literals in single quotes.
    assert.doesNotMatch(source, /l10n\.t\(\s*[^'\s]/u, `${file} passes vscode.l10n.t something other than a literal in single quotes`);
  }
  return [...messages].sort();
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\d+\}/gu)].map((match) => match[0]).sort();
const codeSpans = (text: string): string[] => [...text.matchAll(/`[^`]+`/gu)].map((match) => match[0]).sort();

describe('the VS Code extension in French and Spanish', () => {
  const english = readStrings('package.nls.json');

  it('defines every key of the manifest in English, and no key the manifest does not use', () => {
    const used = manifestKeys();
    assert.ok(used.length >= 50, `only ${used.length} keys in package.json`);
    assert.deepEqual(used.filter((key) => !(key in english)), [], 'keys package.json uses and package.nls.json lacks');
    assert.deepEqual(Object.keys(english).filter((key) => !used.includes(key)), [], 'keys of package.nls.json that package.json does not use');
  });

  for (const language of translatedLanguages) {
    describe(`in ${language === 'fr' ? 'French' : 'Spanish'}`, () => {
      const manifest = readStrings(`package.nls.${language}.json`);
      const bundle = readStrings(`l10n/bundle.l10n.${language}.json`);

      it(`translates every key of the manifest (package.nls.${language}.json), keeping its code`, () => {
        assert.deepEqual(Object.keys(manifest).sort(), Object.keys(english).sort());
        for (const [key, text] of Object.entries(english)) {
          const translated = manifest[key] ?? '';
          assert.notEqual(translated, text, `${key} is not translated`);
          // A setting's name, a value or a file name in code is typed as it is in every language.
          assert.deepEqual(codeSpans(translated), codeSpans(text), `${key} lost or changed its code: ${translated}`);
        }
      });

      it("gives each rule's default severity as the rule declares it", () => {
        const defaultWords = { fr: 'Par défaut :', es: 'Predeterminado:' }[language];
        const wrong = allRules
          .filter((rule) => !(manifest[`setting.rules.${rule.id}.description`] ?? '').endsWith(`${defaultWords} ${rule.defaultSeverity}.`))
          .map((rule) => `${rule.id}: ${manifest[`setting.rules.${rule.id}.description`] ?? 'missing'}`);
        assert.deepEqual(wrong, []);
      });

      it(`translates every message of the extension (l10n/bundle.l10n.${language}.json), with its placeholders`, () => {
        const messages = clientMessages();
        assert.ok(messages.length >= 30, `only ${messages.length} messages found in client/src`);
        assert.deepEqual(Object.keys(bundle).sort(), messages, 'the bundle\'s keys are not exactly the messages of client/src');
        for (const message of messages) {
          assert.deepEqual(placeholders(bundle[message] ?? ''), placeholders(message), `placeholders of "${message}"`);
        }
      });

      it('names the restart command in its messages by its translated category and title', () => {
        const command = `${manifest['command.category']}${language === 'fr' ? ' : ' : ': '}${manifest['command.restartServer.title']}`;
        const message = bundle['The Resolint server is not running: try "Resolution: Restart Server".'] ?? '';
        assert.ok(message.includes(`«${language === 'fr' ? ' ' : ''}${command}${language === 'fr' ? ' ' : ''}»`), `${message} does not name ${command}`);
      });
    });
  }

  it('names the restart command in English as the manifest does', () => {
    assert.equal(`${english['command.category']}: ${english['command.restartServer.title']}`, 'Resolution: Restart Server');
    assert.ok(clientMessages().includes('The Resolint server is not running: try "Resolution: Restart Server".'));
  });
});
