import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A temporary file this old is a writer's that died: no write takes so long. */
const ABANDONED_AFTER_MS = 60 * 60_000;

export function catalogSnapshotFile(dataDir: string): string {
  return join(dataDir, 'catalog-index.snapshot');
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The file's bytes in a buffer of their own, so that its sections can be viewed in place; null
 * when there is no file.
 */
export async function readCatalogSnapshotFile(file: string): Promise<Uint8Array | null> {
  const handle = await open(file, 'r').catch((error: unknown) => {
    if (isMissing(error)) return null;
    throw error;
  });
  if (!handle) return null;
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}

async function removeAbandoned(file: string, now: number): Promise<void> {
  const prefix = `${basename(file)}.`;
  const dir = dirname(file);
  for (const name of await readdir(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > ABANDONED_AFTER_MS) await rm(path, { force: true });
  }
}

/**
 * Writes the pieces one after another to a temporary file beside `file`, then renames it over
 * `file`: processes sharing the data directory read the old snapshot or the new one, never half
 * of one, and two writing at once leave one whole. The pieces are written as they are given, so
 * nothing is copied into one big buffer first.
 */
export async function writeCatalogSnapshotFile(file: string, pieces: Iterable<Uint8Array>, now: Date): Promise<void> {
  await removeAbandoned(file, now.getTime());
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx');
  try {
    for (const piece of pieces) {
      for (let at = 0; at < piece.length; ) at += (await handle.write(piece, at, piece.length - at)).bytesWritten;
    }
    // On disk before the rename, so that a crash cannot leave the name on an unwritten file.
    await handle.sync();
    await handle.close();
    await rename(temp, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}
