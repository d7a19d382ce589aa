/**
 * How much time reading one mail may take (parsing it, its attachments, its lines), summed
 * over every reading step of its run: a mail built to make the readers slow is stopped at the
 * budget, however its cost is spread between steps.
 */
export class MailBudget {
  private spentMs = 0;

  constructor(readonly totalMs: number) {}

  get remainingMs(): number {
    return Math.max(0, this.totalMs - this.spentMs);
  }

  spend(ms: number): void {
    this.spentMs += ms;
  }
}
