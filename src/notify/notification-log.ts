/** Which runs' notifications went out: a retried job does not mail the salesperson twice. */
export interface NotificationLog {
  wasSent(runId: number): Promise<boolean>;
  record(runId: number, recipient: string): Promise<void>;
}
