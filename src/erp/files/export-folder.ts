import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { errorCode, type FileSystem } from './file-system.js';

export interface ExportFile {
  path: string;
  name: string;
  /** Cheap to read on every check: whether the file may have changed. */
  stamp: string;
}

function patternOf(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/**
 * The file a name or pattern names in the export folder: with `*`, the newest match, since export
 * jobs often stamp each run's file with its date. Null when there is none.
 */
export async function findExport(fs: FileSystem, dir: string, glob: string): Promise<ExportFile | null> {
  const names = glob.includes('*') ? (await fs.readdir(dir)).filter((name) => patternOf(glob).test(name)) : [glob];
  let newest: ExportFile | null = null;
  let newestMs = -Infinity;
  for (const name of names) {
    const path = join(dir, name);
    try {
      const stat = await fs.stat(path);
      if (!stat.isFile() || stat.mtimeMs < newestMs) continue;
      newest = { path, name, stamp: `${name}|${stat.size}|${stat.mtimeMs}` };
      newestMs = stat.mtimeMs;
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
  return newest;
}

/** What the file holds: a file rewritten with the same content (a rerun export job) is not read again. */
export async function contentHash(fs: FileSystem, path: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(path)).digest('hex');
}
