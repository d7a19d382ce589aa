import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { QueueCounts } from '../queue/job-queue.js';
import type { WorkflowResult } from '../workflow/result.js';

const STEP_BUCKETS = [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** What `/metrics` shows Prometheus. */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly mailsSeen = new Counter({ name: 'offerflow_mails_seen_total', help: 'Mails taken in, by mailbox', labelNames: ['mailbox'], registers: [this.registry] });
  private readonly mailboxErrors = new Counter({ name: 'offerflow_mailbox_errors_total', help: 'Mailbox reads or mails that failed, by mailbox', labelNames: ['mailbox'], registers: [this.registry] });
  private readonly runs = new Counter({ name: 'offerflow_runs_total', help: 'Runs worked on, by the status they ended in', labelNames: ['status'], registers: [this.registry] });
  private readonly steps = new Histogram({ name: 'offerflow_step_duration_seconds', help: 'Workflow step durations', labelNames: ['step'], buckets: STEP_BUCKETS, registers: [this.registry] });
  private readonly erpCalls = new Histogram({ name: 'offerflow_erp_call_duration_seconds', help: 'ERP call latency, by port method', labelNames: ['call'], buckets: STEP_BUCKETS, registers: [this.registry] });
  private readonly failures = new Counter({ name: 'offerflow_run_failures_total', help: 'Failed tries of runs, by cause and by what the queue did next (retry, dead)', labelNames: ['code', 'outcome'], registers: [this.registry] });
  private readonly erpErrors = new Counter({ name: 'offerflow_erp_call_errors_total', help: 'ERP calls that failed, by port method', labelNames: ['call'], registers: [this.registry] });

  private readonly offersReadBack = new Counter({ name: 'offerflow_erp_offers_read_back_total', help: 'ERP offers read back to learn what salespeople replaced there', registers: [this.registry] });
  private readonly learnedFromErp = new Counter({ name: 'offerflow_erp_read_back_learned_total', help: 'Products learned from rows salespeople replaced in ERP offers', registers: [this.registry] });
  private readonly readBackErrors = new Counter({
    name: 'offerflow_erp_read_back_errors_total',
    help: 'ERP read-backs that failed, by what failed: one offer, or the whole pass',
    labelNames: ['scope'],
    registers: [this.registry],
  });

  private queueCounts: (() => Promise<QueueCounts>) | null = null;

  constructor() {
    const queueCounts = () => this.queueCounts?.() ?? Promise.resolve(null);
    new Gauge({
      name: 'offerflow_queue_jobs',
      help: 'Jobs in the queue, by state',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        // An unreachable queue must not take the other metrics down with it; /readyz says why.
        const counts = await queueCounts().catch(() => null);
        if (counts) for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'offerflow_' });
  }

  /** The queue is opened with the app, after the metrics that time the app's ERP calls. */
  watchQueue(counts: () => Promise<QueueCounts>): void {
    this.queueCounts = counts;
  }

  mailSeen(mailbox: string): void {
    this.mailsSeen.inc({ mailbox });
  }

  mailboxError(mailbox: string): void {
    this.mailboxErrors.inc({ mailbox });
  }

  run(result: WorkflowResult): void {
    this.runs.inc({ status: result.status });
    for (const step of result.steps) this.steps.observe({ step: step.name }, step.ms / 1000);
  }

  runFailed(code: string, outcome: 'retry' | 'dead'): void {
    this.failures.inc({ code, outcome });
  }

  readBack(read: number, learned: number, failed: number): void {
    this.offersReadBack.inc(read);
    this.learnedFromErp.inc(learned);
    this.readBackErrors.inc({ scope: 'offer' }, failed);
  }

  readBackFailed(): void {
    this.readBackErrors.inc({ scope: 'pass' });
  }

  erpCall(call: string, seconds: number, failed: boolean): void {
    this.erpCalls.observe({ call }, seconds);
    if (failed) this.erpErrors.inc({ call });
  }
}
