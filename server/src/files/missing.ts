/** Error codes of a read that found no file at the path: none there, a file where a folder should be, a folder, a name too long for the system. */
const noFileCodes = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG']);

/**
 * Whether a failed read means there is no file to read, rather than one that cannot be read: the
 * profile search asks about many paths that do not exist, and a profile's `from:` may name any
 * path at all (40 KB of quotes, in one fuzz input).
 */
export function isNoFileError(error: unknown): boolean {
  return noFileCodes.has((error as NodeJS.ErrnoException).code ?? '');
}
