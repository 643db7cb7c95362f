// From the command line's targets to the list of drafts to check: files as named, folders walked
// in a sorted, repeatable order, standard input where "-" stands.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stdinTarget } from './arguments';

export type LintTarget =
  | {
      readonly kind: 'file';
      /** Absolute: what the JSON and SARIF outputs report. */
      readonly filePath: string;
      /** As the user would recognise it (relative when they gave a relative path): for messages. */
      readonly displayPath: string;
    }
  | { readonly kind: 'stdin' };

export interface Discovery {
  readonly targets: readonly LintTarget[];
  /** One line each, already naming the path: "drafts/old: no such file or folder". */
  readonly problems: readonly string[];
}

export interface DiscoveryOptions {
  readonly cwd: string;
  /** File endings a folder walk takes (".resolution", ".res.md"); compared ignoring case. */
  readonly extensions: readonly string[];
}

export function discoverTargets(targets: readonly string[], options: DiscoveryOptions): Discovery {
  const found: LintTarget[] = [];
  const problems: string[] = [];
  const seenFiles = new Set<string>();
  // Real paths of the folders walked so far: a symbolic link back up the tree is walked once.
  const walkedFolders = new Set<string>();
  const extensions = options.extensions.map((ext) => ext.toLowerCase());

  const addFile = (filePath: string, displayPath: string): void => {
    if (seenFiles.has(filePath)) return;
    seenFiles.add(filePath);
    found.push({ kind: 'file', filePath, displayPath });
  };

  const walk = (folder: string, displayFolder: string): void => {
    let realFolder: string;
    let entries: fs.Dirent[];
    try {
      realFolder = fs.realpathSync(folder);
      if (walkedFolders.has(realFolder)) return;
      walkedFolders.add(realFolder);
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push(`${displayFolder}: cannot read the folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const entryPath = path.join(folder, entry.name);
      const displayPath = path.join(displayFolder, entry.name);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = statOrUndefined(entryPath);
        if (!target) continue; // a dangling link is not a draft
        isFolder = target.isDirectory();
        isFile = target.isFile();
      }
      if (isFolder) {
        if (!isSkippedFolder(entry.name)) walk(entryPath, displayPath);
      } else if (isFile && hasExtension(entry.name, extensions)) {
        addFile(entryPath, displayPath);
      }
    }
  };

  let stdinSeen = false;
  for (const target of targets) {
    if (target === stdinTarget) {
      if (!stdinSeen) found.push({ kind: 'stdin' });
      stdinSeen = true;
      continue;
    }
    const absolute = path.resolve(options.cwd, target);
    const stats = statOrUndefined(absolute);
    if (!stats) {
      const globHint = /[*?[\]{}]/.test(target) ? ' (patterns are not expanded here: let the shell expand them)' : '';
      problems.push(`${target}: no such file or folder${globHint}`);
    } else if (stats.isDirectory()) {
      walk(absolute, target);
    } else {
      // Named explicitly: checked whatever its ending (and even if it is a pipe, as with <(...)).
      addFile(absolute, target);
    }
  }
  return { targets: found, problems };
}

function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

function hasExtension(fileName: string, extensions: readonly string[]): boolean {
  const lower = fileName.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

function statOrUndefined(filePath: string): fs.Stats | undefined {
  try {
    return fs.statSync(filePath);
  } catch {
    return undefined;
  }
}
