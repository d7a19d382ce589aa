import { mkdirSync } from 'node:fs';
import type { Config } from '../config/config.js';
import type { ErpAdapter } from '../erp/ports.js';
import { ruleExtractor, withFallback, type LineExtractor } from '../extraction/line-extractor.js';
import { MemoryRunStore } from '../store/memory-run-store.js';
import { openStore } from '../store/open-store.js';
import { offerWorkflow } from '../workflow/definition.js';
import type { RunStore } from '../workflow/run-store.js';
import { WorkflowRunner } from '../workflow/runner.js';
import type { WorkflowSettings } from '../workflow/step.js';
import { catalogSnapshotFile } from '../store/catalog-snapshot-file.js';
import { openErp } from './erp-adapters.js';
import { catalogLoader, type CatalogState, type SnapshotEvent } from './catalog-loader.js';
import { catalogSearch, type CatalogSearch } from './catalog-search.js';
import { erpSource, snapshotFile } from './catalog-snapshots.js';
import { processHolders } from './process-holders.js';
import type { PartyMemory } from '../learning/party-memory.js';
import type { PhraseMemory } from '../matching/phrase-memory.js';
import type { ReplyLog } from '../answer/reply-log.js';
import type { QuestionLog } from '../answer/question-log.js';
import type { NotificationLog } from '../notify/notification-log.js';
import type { JobQueue, RetryPolicy } from '../queue/job-queue.js';
import type { MailLimits } from '../reading/mail-limits.js';
import type { MailReader } from '../reading/mail-reader.js';
import { ReadingPool } from '../reading/reading-pool.js';
import type { Accounts } from '../accounts/open-accounts.js';
import type { Clock } from '../time/clock.js';
import { workspaceAccounts } from './workspace-accounts.js';
import { readBackOffers } from '../learning/erp-read-back.js';
import { leasedPass, type PassOutcome } from '../learning/leased-pass.js';

/** Everything one data directory holds, opened together and closed together, each part by its port. */
export interface App {
  config: Config;
  /** The one clock every part of the app reads the time from. */
  clock: Clock;
  erp: ErpAdapter;
  runs: RunStore;
  memory: PhraseMemory;
  parties: PartyMemory;
  /** The store's job queue and notification log, for the service. */
  jobs(policy: RetryPolicy): JobQueue;
  notifications: NotificationLog;
  /** The one reply of each run that carried its offer to the customer. */
  replies: ReplyLog;
  questions: QuestionLog;
  checkStore(): Promise<void>;
  /** The workspace's users, sessions and API tokens. */
  accounts: Accounts;
  /** Whether the product catalog index can serve, for readiness. */
  catalogState(): CatalogState;
  /** Starts loading the catalog index now, so that the first mail does not wait for it. */
  warmCatalog(): void;
  /** Search-as-you-type over the catalog index, for the workspace. */
  catalogSearch: CatalogSearch;
  /** A dry-run runner keeps its runs in memory, so nothing of it is written anywhere. */
  runner(options: { dryRun: boolean }): WorkflowRunner;
  /**
   * Reads back the ERP offers of the last `days` and learns the products salespeople replaced
   * there, unless another process sharing the store is at it, or finished a pass after `doneAfter`.
   */
  learnFromErp(options: { days: number; doneAfter: string | null; stopping?: () => boolean }): Promise<PassOutcome>;
  /** Settles once the first catalog load has ended, loaded or not. */
  catalogSettled(): Promise<void>;
  close(): Promise<void>;
}

export function mailLimitsOf(config: Config): MailLimits {
  const { limits } = config;
  return {
    maxMailBytes: Math.round(limits.mailMegabytes * 1024 * 1024),
    maxMimeParts: limits.mimeParts,
    maxAttachments: limits.attachments,
    maxLines: limits.lines,
    maxLineCharacters: limits.lineCharacters,
    maxDescriptionCharacters: limits.descriptionCharacters,
    timeBudgetMs: limits.readingSeconds * 1000,
  };
}

function settingsOf(config: Config, limits: MailLimits): WorkflowSettings {
  return {
    currency: config.currency,
    offerValidityDays: config.offerValidityDays,
    defaultSellerNumber: config.defaultSellerNumber,
    autoAcceptThreshold: config.autoAcceptThreshold,
    preferredBrands: config.preferredBrands,
    timeZone: config.timeZone,
    limits,
  };
}

/**
 * An LLM, when configured, reads the lines; the rules take over whenever it fails. The AI SDK
 * is loaded only then, so that the default setup does not pay for it at every start.
 */
async function lineExtractorOf(config: Config, reader: MailReader): Promise<LineExtractor> {
  const rules = ruleExtractor((text, budget) => reader.lines(text, budget));
  if (!config.llm) return rules;
  const [{ languageModelFor }, { llmLineExtractor }] = await Promise.all([
    import('../extraction/llm/language-model.js'),
    import('../extraction/llm/llm-line-extractor.js'),
  ]);
  return withFallback(llmLineExtractor(languageModelFor(config.llm), config.llm.timeoutMs), rules);
}

/** How often a run another process is working on is looked at again, while waiting for it. */
const CLAIM_WAIT_POLL_MS = 200;

export interface AppOptions {
  clock: Clock;
  /** Wraps the ERP before anything uses it, e.g. to time its calls. */
  wrapErp?(erp: ErpAdapter): ErpAdapter;
  /** Hears what became of the catalog snapshot in the data directory, e.g. to log why it was not used. */
  onCatalogSnapshot?(event: SnapshotEvent): void;
}

export async function openApp(config: Config, options: AppOptions): Promise<App> {
  const { clock } = options;
  mkdirSync(config.dataDir, { recursive: true });
  const store = await openStore(config.dataDir, config.databaseUrl, clock);
  const opened = await openErp(config.erp.type, { dataDir: config.dataDir, settings: config.erp.settings, journal: store.offerJournal, clock }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const erp = options.wrapErp ? options.wrapErp(opened) : opened;
  const { runs, memory, parties } = store;
  const catalog = catalogLoader(erp.products, {
    clock,
    snapshots: snapshotFile(catalogSnapshotFile(config.dataDir), erpSource(config.erp.type, config.erp.settings), clock),
    onSnapshot: options.onCatalogSnapshot,
  });
  const limits = mailLimitsOf(config);
  const settings = settingsOf(config, limits);
  const reader = new ReadingPool(limits, config.service.workers, clock);
  // Loading the LLM's SDK is the one thing left that may fail; what is open so far is closed then.
  const lineExtractor = await lineExtractorOf(config, reader).catch(async (error: unknown) => {
    await Promise.all([erp.close(), store.close()]);
    throw error;
  });
  const claims = { holders: processHolders(), leaseMs: config.service.leaseSeconds * 1000, waitPollMs: CLAIM_WAIT_POLL_MS };
  const runner = ({ dryRun }: { dryRun: boolean }) =>
    new WorkflowRunner({
      definition: offerWorkflow,
      store: dryRun ? new MemoryRunStore(clock) : runs,
      erp,
      catalog: () => catalog.index(),
      lineExtractor,
      reader,
      memory,
      parties,
      settings,
      claims,
      clock,
    });
  return {
    config,
    clock,
    erp,
    runs,
    memory,
    parties,
    jobs: store.jobs,
    notifications: store.notifications,
    replies: store.replies,
    questions: store.questions,
    checkStore: store.check,
    accounts: workspaceAccounts(config, store.accounts, erp.persons, clock),
    catalogState: () => catalog.state(),
    warmCatalog: () => catalog.warm(),
    catalogSearch: catalogSearch(catalog),
    runner,
    learnFromErp: ({ days, doneAfter, stopping = () => false }) =>
      leasedPass(store.readBackLease, { holders: claims.holders, leaseMs: claims.leaseMs, clock }, doneAfter, (keepLease) =>
        readBackOffers({ runs, runner: runner({ dryRun: false }), erp, memory, log: store.readBacks, clock }, { days, keepGoing: async () => !stopping() && (await keepLease()) }),
      ),
    catalogSettled: () => catalog.index().then(() => undefined, () => undefined),
    close: async () => {
      // A snapshot being written needs no ERP, but a refresh under way does.
      await catalog.close();
      await Promise.all([erp.close(), store.close(), reader.close()]);
    },
  };
}
