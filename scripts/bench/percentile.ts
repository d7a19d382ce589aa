/** The value at percentile `p` of ascending `sorted` (nearest rank below); 0 for no values. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
