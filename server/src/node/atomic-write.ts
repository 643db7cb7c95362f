// Replacing a file's contents so that, whatever happens, the file holds either its old text or its
// new text, never a mix: write a temporary file beside it, flush it to disk, give it the old
// file's mode, and rename it over the old file (a rename within one folder is atomic).
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFileError } from './file-errors';

/** The file-system calls the writer makes; a test replaces some of them to make them fail. */
export interface AtomicWriteFileSystem {
  realpathSync(filePath: string): string;
  statSync(filePath: string): fs.Stats;
  accessSync(filePath: string, mode: number): void;
  openSync(filePath: string, flags: string, mode: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  fchmodSync(fd: number, mode: number): void;
  fchownSync(fd: number, uid: number, gid: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(filePath: string): void;
}

const nodeFileSystem: AtomicWriteFileSystem = {
  realpathSync: (filePath) => fs.realpathSync(filePath),
  statSync: (filePath) => fs.statSync(filePath),
  accessSync: (filePath, mode) => fs.accessSync(filePath, mode),
  openSync: (filePath, flags, mode) => fs.openSync(filePath, flags, mode),
  writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  fchmodSync: (fd, mode) => fs.fchmodSync(fd, mode),
  fchownSync: (fd, uid, gid) => fs.fchownSync(fd, uid, gid),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
  unlinkSync: (filePath) => fs.unlinkSync(filePath),
};

export type AtomicWriteResult =
  | {
      readonly ok: true;
      /** The file actually replaced: the target of `filePath` when that is a symbolic link. */
      readonly writtenPath: string;
    }
  | { readonly ok: false; readonly reason: string };

/** The temporary file's name: hidden, unique to this process and call, recognisably ours. */
export function temporaryPathFor(realPath: string): string {
  return path.join(path.dirname(realPath), `.${path.basename(realPath)}.resolint-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Replaces the contents of the existing regular file `filePath` with `contents`, atomically,
 * keeping its mode (and its owner where the system allows). Never throws: on any failure the
 * temporary file is removed, the original is left as it was, and the reason is returned.
 */
export function writeFileAtomic(
  filePath: string,
  contents: Uint8Array,
  fileSystem: Partial<AtomicWriteFileSystem> = {},
): AtomicWriteResult {
  const fsx: AtomicWriteFileSystem = { ...nodeFileSystem, ...fileSystem };
  let realPath: string;
  let original: fs.Stats;
  try {
    // A symbolic link is not replaced by a regular file: the file it points at is. The
    // temporary file is made beside that target, so the rename stays within one folder (and
    // one file system) and the link keeps pointing at the fixed text.
    realPath = fsx.realpathSync(filePath);
    original = fsx.statSync(realPath);
    if (!original.isFile()) return { ok: false, reason: 'not a regular file' };
    // A rename would replace a read-only file all the same; honour the protection instead.
    fsx.accessSync(realPath, fs.constants.W_OK);
  } catch (error) {
    return { ok: false, reason: describeFileError(error) };
  }

  const temporaryPath = temporaryPathFor(realPath);
  let fd: number | undefined;
  let created = false;
  try {
    // "wx": created afresh, never an existing file or a link planted under that name.
    fd = fsx.openSync(temporaryPath, 'wx', 0o600);
    created = true;
    let offset = 0;
    while (offset < contents.length) offset += fsx.writeSync(fd, contents, offset, contents.length - offset);
    fsx.fsyncSync(fd);
    // fchmod is not subject to the umask: the copy gets exactly the original's permission bits.
    fsx.fchmodSync(fd, original.mode & 0o7777);
    if (typeof process.getuid === 'function' && (original.uid !== process.getuid() || original.gid !== process.getgid?.())) {
      try {
        fsx.fchownSync(fd, original.uid, original.gid);
      } catch {
        // Only root may give a file away; otherwise the fixed file belongs to whoever fixed it,
        // as with any editor that saves by rename.
      }
    }
    fsx.closeSync(fd);
    fd = undefined;
    fsx.renameSync(temporaryPath, realPath);
    created = false;
  } catch (error) {
    if (fd !== undefined) {
      try {
        fsx.closeSync(fd);
      } catch {
        // already failing: the first error is the one to report
      }
    }
    if (created) {
      try {
        fsx.unlinkSync(temporaryPath);
      } catch {
        // nothing more can be done; the original is untouched either way
      }
    }
    return { ok: false, reason: describeFileError(error) };
  }
  syncFolder(path.dirname(realPath));
  return { ok: true, writtenPath: realPath };
}

/** Makes the rename itself durable where the system allows it (not on Windows); best effort. */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // some file systems refuse fsync on a folder; the rename has happened all the same
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // nothing to undo
      }
    }
  }
}

