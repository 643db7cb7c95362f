// From the command line's targets to the list of drafts to check: files as named, folders walked
// in a sorted, repeatable order, patterns ("drafts/**/*.resolution", quoted so that the shell leaves
// them) matched by walking their folder the same way, standard input where "-" stands.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { describeFileError } from '../node/file-errors';
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

  /**
   * Walks `folder`, adding the files `accepts` takes: by name and by their path below the walk's
   * root (`relativeFolder`, with "/" between names).
   */
  const walk = (folder: string, displayFolder: string, accepts: (name: string, relativePath: string) => boolean, relativeFolder = ''): void => {
    let realFolder: string;
    let entries: fs.Dirent[];
    try {
      realFolder = fs.realpathSync(folder);
      if (walkedFolders.has(realFolder)) return;
      walkedFolders.add(realFolder);
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push(`${displayFolder}: cannot read the folder (${describeFileError(error)})`);
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
      const relativePath = relativeFolder ? `${relativeFolder}/${entry.name}` : entry.name;
      if (isFolder) {
        if (!isSkippedFolder(entry.name)) walk(entryPath, displayPath, accepts, relativePath);
      } else if (isFile && accepts(entry.name, relativePath)) {
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
    const pattern = stats ? undefined : picomatch.scan(target);
    const before = found.length;
    if (pattern?.isGlob) {
      // The files the pattern names, whatever their endings (it names them itself); hidden folders
      // and node_modules are passed over, as in a folder walk.
      const root = path.resolve(options.cwd, pattern.base || '.');
      const matches = picomatch(pattern.glob);
      if (statOrUndefined(root)?.isDirectory()) walk(root, pattern.base || '.', (_name, relativePath) => matches(relativePath));
      if (found.length === before) problems.push(`${target}: no file matches this pattern`);
    } else if (!stats) {
      problems.push(`${target}: no such file or folder`);
    } else if (stats.isDirectory()) {
      walk(absolute, target, (name) => hasExtension(name, extensions));
      if (found.length === before) problems.push(`${target}: no drafts in this folder (files ending ${options.extensions.join(', ')} are checked; --ext sets the endings)`);
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
