import * as fs from 'node:fs/promises';

/**
 * The file operations the adapter does on the folders it shares with the ERP. Opened with the
 * real ones; a test hands in its own to make a disk fail the way a mounted share can.
 */
export type FileSystem = Pick<typeof fs, 'open' | 'rename' | 'unlink' | 'readFile' | 'stat' | 'readdir' | 'mkdir'>;

export const realFileSystem: FileSystem = fs;

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
