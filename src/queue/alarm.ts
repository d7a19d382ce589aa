/**
 * A sleep that can be cut short. A ring while nobody sleeps is kept for the next sleep, so
 * news that comes while its listener is busy (new mail during a poll) is not lost.
 */
export class Alarm {
  private readonly sleepers = new Set<() => void>();
  private rang = false;

  sleep(ms: number): Promise<void> {
    if (this.rang) {
      this.rang = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  ring(): void {
    if (this.sleepers.size === 0) this.rang = true;
    for (const wake of [...this.sleepers]) wake();
  }
}
