// Running a bundle (the language server's, the command line's) with V8's code cache. Compiling the
// megabyte of bundled JavaScript and the functions its start runs took about a third of the
// server's time from spawn to ready (wrapSafe 66 ms of 200 in a profile); with the code V8 made
// the last time, read from a file, the bundle's start took 105–125 ms instead of 180–220.
//
// Not v8-compile-cache: it asks V8 for the cache when the script is compiled, before it runs, so the
// cache holds only the top level and the bundle's modules are compiled again on every start
// (measured: 130–145 ms). Node 22's module.enableCompileCache does what this does; Node 20 has none.
//
// The cache is V8's to check: data made by another V8, with other flags or for another source is
// rejected and made again. The file's name carries a hash of the source as well, since V8 compares a
// source's length only: a bundle rebuilt to the same length must not run the old one's code.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire, wrap } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** What `runWithCodeCache` did with the cache, for tests and the benchmark. */
export interface CodeCacheUse {
  /** The file the cache is kept in, or undefined where no folder of this user's own could be had. */
  readonly file: string | undefined;
  /** The code came from the cache (V8 took it). */
  readonly used: boolean;
  /**
   * Whether a new cache is to be written, the bundle having run without one (or with one V8 refused):
   * at once, or when `whenToWrite` calls the write.
   */
  readonly written: boolean;
}

export interface CodeCacheOptions {
  /** This user's folder of code caches. */
  readonly folder?: string;
  /**
   * Calls `write` when the cache is to be written (at once by default). The server puts it off: made
   * later, the cache also holds what answering the editor compiled, and the first start after a build
   * is not held up by it. Never called (the process gone first): the next start writes it.
   */
  readonly whenToWrite?: (write: () => void) => void;
}

/** This user's folder for code caches: in the temporary folder, one per user, not readable by others. */
export function defaultCodeCacheFolder(): string {
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : os.userInfo().username;
  return path.join(os.tmpdir(), `resolint-code-cache-${user}`);
}

/**
 * Runs the CommonJS bundle at `bundlePath` as `require` would, with its compiled code taken from
 * `folder` where a cache of it is there, and put there where none was. Anything wrong with the cache
 * (no folder, another user's folder, a file that cannot be read or written) only means no cache: the
 * bundle runs all the same. An exception of the bundle's own is thrown as `require` would throw it.
 */
export function runWithCodeCache(bundlePath: string, { folder = defaultCodeCacheFolder(), whenToWrite = (write) => write() }: CodeCacheOptions = {}): CodeCacheUse {
  const bytes = fs.readFileSync(bundlePath);
  const source = bytes.toString('utf8');
  // The file's bytes hashed, not the string: a string of two bytes a unit is hashed as UTF-8 encoded again (5–7 ms against 2).
  const file = ownFolder(folder) ? path.join(folder, cacheFileName(bundlePath, bytes)) : undefined;
  const cachedData = file === undefined ? undefined : readIfThere(file);
  const script = new vm.Script(wrap(source), { filename: bundlePath, ...(cachedData ? { cachedData } : {}) });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  const moduleWrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  const module = { exports: {}, filename: bundlePath, id: bundlePath, loaded: false };
  moduleWrapper.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, path.dirname(bundlePath));
  module.loaded = true;
  // Made after the start has run: the cache then holds the functions the start compiled too.
  const written = file !== undefined && !used;
  if (written) whenToWrite(() => void writeCache(file, script.createCachedData()));
  return { file, used, written };
}

function cacheFileName(bundlePath: string, bytes: Buffer): string {
  const key = createHash('sha256').update(`${process.version}\u0000${process.arch}\u0000${process.versions.v8}\u0000`).update(bytes).digest('hex');
  // The V8 version in the name too: another node running the same bundle (an editor's own) keeps its own cache.
  return `${path.basename(bundlePath)}-${process.versions.v8}-${key.slice(0, 24)}.cache`;
}

/**
 * Whether `folder` is this user's own and closed to others, made so if it is not there. Code read
 * from a folder someone else could write to would run as this user: such a folder is not used.
 */
function ownFolder(folder: string): boolean {
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stats = fs.lstatSync(folder);
    const ownUser = typeof process.getuid === 'function' ? process.getuid() : stats.uid;
    return stats.isDirectory() && stats.uid === ownUser && (process.platform === 'win32' || (stats.mode & 0o022) === 0);
  } catch {
    return false;
  }
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache whole or not at all (a temporary file renamed: two processes starting at once
 * each write their own and the last rename wins), then removes the caches of earlier builds of the
 * same bundle, which no start will read again.
 */
function writeCache(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, data, { mode: 0o600 });
    fs.renameSync(temporary, file);
  } catch {
    try {
      fs.unlinkSync(temporary);
    } catch {
      // never written
    }
    return;
  }
  const folder = path.dirname(file);
  // The name up to the hash: the same bundle run by the same V8.
  const bundlePrefix = path.basename(file).slice(0, path.basename(file).lastIndexOf('-') + 1);
  try {
    for (const name of fs.readdirSync(folder)) {
      if (name.startsWith(bundlePrefix) && name.endsWith('.cache') && name !== path.basename(file)) fs.unlinkSync(path.join(folder, name));
    }
  } catch {
    // an old cache left behind takes room, nothing else
  }
}
