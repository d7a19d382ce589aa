import { fold } from '../matching/terms.js';

/**
 * One key for the ways the same words are typed: case, Nordic letters, a decimal comma,
 * punctuation and spacing. A decimal point between digits stays, so "22.5" is not "225".
 */
export function gapKey(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
