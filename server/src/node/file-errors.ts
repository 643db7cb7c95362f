// What went wrong with a file or a stream, in words: one table for every message that names an error
// ("cannot write the fixed text (permission denied)"), so no message shows a bare code such as EACCES.

const causes: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  EPIPE: 'the reader stopped reading',
  EIO: 'input/output error',
};

/** The error's cause in words for the usual codes; the code (or the message) for others. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && causes[code]) return causes[code] as string;
  return code ?? (error instanceof Error ? error.message : String(error));
}
