import { sql, type Kysely, type Migration, type Selectable } from 'kysely';

/**
 * What the adapter wrote to the outbox, kept because the ERP's import takes documents away:
 * every offer's latest revision as a whole UBL document, whether it is out yet, and the ERP's own
 * number once it acknowledges; and what each kind's export file was when last read, and what was
 * wrong with it.
 */

interface OfferTable {
  number: number;
  reference: string;
  revision: number;
  /** The latest revision's UBL Quotation, exactly as written. */
  document: string;
  /** `writing` until every file of the revision is in the outbox; a retry writes them again. */
  state: 'writing' | 'delivered';
  erp_number: string | null;
}

interface ExportTable {
  /** "customers", "products", …. */
  kind: string;
  fingerprint: string;
  error: string | null;
}

export interface FilesLedgerSchema {
  files_offers: OfferTable;
  files_exports: ExportTable;
}

export const filesLedgerMigrations: Record<string, Migration> = {
  '0001_ledger': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('files_offers')
        .addColumn('number', 'integer', (c) => c.primaryKey())
        .addColumn('reference', 'text', (c) => c.notNull().unique())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('erp_number', 'text', (c) => c.unique())
        .execute();
      await db.schema
        .createTable('files_exports')
        .addColumn('kind', 'text', (c) => c.primaryKey())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .execute();
    },
  },
};

export type LedgerEntry = Selectable<OfferTable>;

export interface ExportState {
  fingerprint: string;
  error: string | null;
}

export class FilesLedger {
  constructor(
    private readonly db: Kysely<FilesLedgerSchema>,
    private readonly firstNumber: number,
  ) {}

  async byReference(reference: string): Promise<LedgerEntry | null> {
    return (await this.db.selectFrom('files_offers').selectAll().where('reference', '=', reference).executeTakeFirst()) ?? null;
  }

  /** By the ERP's number once it has acknowledged the offer, else by ours. */
  async byNumber(number: string): Promise<LedgerEntry | null> {
    const acknowledged = await this.db.selectFrom('files_offers').selectAll().where('erp_number', '=', number).executeTakeFirst();
    if (acknowledged) return acknowledged;
    if (!/^\d+$/.test(number)) return null;
    return (await this.db.selectFrom('files_offers').selectAll().where('number', '=', Number(number)).executeTakeFirst()) ?? null;
  }

  /**
   * A number for the reference, kept if it has one. The insert goes first, so the transaction
   * holds the file's write lock from its start: two processes numbering at once wait in turn.
   */
  async numberFor(reference: string, document: (number: number) => string): Promise<LedgerEntry> {
    return this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('files_offers')
        .columns(['number', 'reference', 'revision', 'document', 'state'])
        .expression((eb) =>
          eb
            .selectFrom('files_offers')
            .select([
              sql<number>`coalesce(max(number) + 1, ${this.firstNumber})`.as('number'),
              sql<string>`${reference}`.as('reference'),
              sql<number>`1`.as('revision'),
              sql<string>`''`.as('document'),
              sql<string>`'writing'`.as('state'),
            ])
            // SQLite reads ON CONFLICT after a bare SELECT as part of a join; a WHERE settles it.
            .where(sql<boolean>`true`),
        )
        .onConflict((oc) => oc.column('reference').doNothing())
        .execute();
      const entry = await trx.selectFrom('files_offers').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
      if (entry.document !== '') return entry;
      const written = { ...entry, document: document(entry.number) };
      await trx.updateTable('files_offers').set({ document: written.document }).where('number', '=', entry.number).execute();
      return written;
    });
  }

  /** Records a new revision, to be written; only a revision newer than the one kept replaces it. */
  async revise(reference: string, revision: number, document: string): Promise<void> {
    await this.db
      .updateTable('files_offers')
      .set({ revision, document, state: 'writing' })
      .where('reference', '=', reference)
      .where('revision', '<', revision)
      .execute();
  }

  async delivered(reference: string, revision: number): Promise<void> {
    await this.db.updateTable('files_offers').set({ state: 'delivered' }).where('reference', '=', reference).where('revision', '=', revision).execute();
  }

  /**
   * The ERP's number for our references, all or none; those it does not know are not this
   * ledger's and are passed over. One ERP number for two offers is refused, naming both.
   */
  async acknowledge(numbers: { reference: string; erpNumber: string }[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const { reference, erpNumber } of numbers) {
        const holder = await trx.selectFrom('files_offers').select('reference').where('erp_number', '=', erpNumber).where('reference', '!=', reference).executeTakeFirst();
        if (holder) throw new Error(`the ERP's number ${erpNumber} for ${reference} is already that of ${holder.reference}`);
        await trx.updateTable('files_offers').set({ erp_number: erpNumber }).where('reference', '=', reference).execute();
      }
    });
  }

  async exportState(kind: string): Promise<ExportState | null> {
    return (await this.db.selectFrom('files_exports').select(['fingerprint', 'error']).where('kind', '=', kind).executeTakeFirst()) ?? null;
  }

  async recordExport(kind: string, state: ExportState): Promise<void> {
    await this.db
      .insertInto('files_exports')
      .values({ kind, ...state })
      .onConflict((oc) => oc.column('kind').doUpdateSet(state))
      .execute();
  }

  async check(): Promise<void> {
    await this.db.selectFrom('files_offers').select('number').limit(1).execute();
  }
}
