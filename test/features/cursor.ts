// The one helper of the feature tests: a draft written with `$0` where the cursor stands.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, type Draft, type Span } from '../../server/src/core/index';
import { corpusFolder } from '../support/shared';

export interface DraftAtCursor {
  readonly draft: Draft;
  readonly text: string;
  /** Where `$0` stood, in the text without it. */
  readonly offset: number;
}

/** Strips the one `$0` from `marked` and parses the rest. */
export function atCursor(marked: string): DraftAtCursor {
  const offset = marked.indexOf('$0');
  if (offset === -1 || marked.indexOf('$0', offset + 1) !== -1) throw new Error(`a draft needs exactly one $0:\n${marked}`);
  const text = marked.slice(0, offset) + marked.slice(offset + 2);
  return { draft: parse(text), text, offset };
}

/** The text a span covers, so expectations read like the draft. */
export function textOf(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

export const foundingDocumentPath = path.join(corpusFolder, 'A_RES_61_181.txt');

/** The founding document (A/RES/61/181 as copied out of its PDF), or undefined where ../shared is absent. */
export function foundingDocument(): string | undefined {
  return fs.existsSync(foundingDocumentPath) ? fs.readFileSync(foundingDocumentPath, 'utf8') : undefined;
}

/** Every adopted text of the corpus (sub-folders included), by name; empty where ../shared is absent. */
export function corpusTexts(): { readonly name: string; readonly text: string }[] {
  const walk = (folder: string): string[] =>
    fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return walk(full);
      return entry.isFile() && entry.name.endsWith('.txt') ? [full] : [];
    });
  if (!fs.existsSync(corpusFolder)) return [];
  return walk(corpusFolder)
    .sort()
    .map((file) => ({ name: path.relative(corpusFolder, file), text: fs.readFileSync(file, 'utf8') }));
}
