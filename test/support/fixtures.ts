import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url));
}

export function fixture(relative: string): Buffer {
  return readFileSync(fixturePath(relative));
}
