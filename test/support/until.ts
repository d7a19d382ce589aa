/**
 * Waits for what a background process or loop is expected to do, failing by name when it does
 * not; resolves with what the condition answered once it was no longer false.
 */
export async function until<T>(what: string, condition: () => T | false | Promise<T | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const answer = await condition();
    if (answer !== false) return answer;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
