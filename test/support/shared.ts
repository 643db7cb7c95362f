// Where the tests find the project's shared material — the corpus of adopted texts, the specs, the
// Akoma Ntoso schema. It lives in a folder named `shared` beside the repository (../shared). A clone
// made elsewhere (a scratch clone in /tmp of a working copy, as CI's clean-clone check does) finds
// it beside the repository it was cloned from; RESOLINT_SHARED names it outright. Tests that need
// it skip, saying so, when it is nowhere to be found.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repositoryRoot = path.resolve(__dirname, '..', '..', '..');

/** A folder is the shared one when it holds the corpus with its SOURCES.md. */
function isSharedFolder(folder: string): boolean {
  return fs.existsSync(path.join(folder, 'corpus', 'SOURCES.md'));
}

/** The local repository this one was cloned from, when its origin is a path on this machine. */
function originFolder(): string | undefined {
  try {
    const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: repositoryRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const local = url.startsWith('file://') ? url.slice('file://'.length) : url;
    return path.isAbsolute(local) && fs.existsSync(local) ? local : undefined;
  } catch {
    return undefined;
  }
}

function locateSharedFolder(): string {
  const named = process.env['RESOLINT_SHARED'];
  if (named) return path.resolve(named);
  const candidates = [path.resolve(repositoryRoot, '..', 'shared')];
  const origin = originFolder();
  if (origin) candidates.push(path.resolve(origin, '..', 'shared'));
  // Unfound, the usual place: the tests that need it then skip.
  return candidates.find(isSharedFolder) ?? candidates[0]!;
}

/** The shared folder (../shared, or where RESOLINT_SHARED or the clone's origin puts it). */
export const sharedFolder = locateSharedFolder();
/** The corpus of adopted resolutions (SOURCES.md describes it). */
export const corpusFolder = path.join(sharedFolder, 'corpus');
/** Whether the corpus is there; tests that need it skip when it is not. */
export const corpusAvailable = isSharedFolder(sharedFolder);
