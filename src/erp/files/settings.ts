import { z } from 'zod';
import { normalizeBusinessId } from '../../domain/business-id.js';
import { IMPORT_KINDS, type ImportKindName } from '../../import/kinds.js';
import { OFFER_CSV_FIELDS } from './offer-csv.js';

/**
 * One kind of export file: which file in the export folder (a name, or a pattern with `*` such as
 * `asiakkaat_*.csv`, where the newest match is read), and which of its headers holds each of our
 * columns. Columns not named keep our own name; `file: null` says the ERP exports none of this kind.
 */
function exportKind(kind: ImportKindName) {
  const ours = IMPORT_KINDS[kind].columns as readonly string[];
  return z
    .object({
      file: z.string().min(1).regex(/^[^/\\]+$/, 'must be a file name or pattern inside exportDir, not a path').nullable().default(`${kind}.csv`),
      columns: z
        .record(z.string(), z.string().min(1))
        .refine((columns) => Object.keys(columns).every((column) => ours.includes(column)), `names a column Offerflow does not read; its columns are: ${ours.join(', ')}`)
        .default({}),
    })
    .default({ file: `${kind}.csv`, columns: {} });
}

const csvColumn = z.object({ field: z.enum(OFFER_CSV_FIELDS), header: z.string().min(1).optional() });

const filesSettingsSchema = z.object({
  exportDir: z.string().min(1),
  outboxDir: z.string().min(1),
  /** Where the ERP's import writes back its own offer numbers; none when not given. */
  ackDir: z.string().min(1).nullable().default(null),
  format: z.enum(['ubl', 'csv', 'both']).default('ubl'),
  /** How often, at most, reads look whether an export or acknowledgement file has changed. */
  refreshSeconds: z.coerce.number().min(0).max(86_400).default(60),
  /** Tries again of a document write that failed (a share that hiccups), each after twice the wait of the one before. */
  writeRetries: z.coerce.number().int().min(0).max(10).default(3),
  retryBaseMs: z.coerce.number().int().min(1).max(60_000).default(500),
  /** Offerflow numbers its offers until the ERP acknowledges them; start clear of the ERP's own series. */
  firstOfferNumber: z.coerce.number().int().positive().default(900_001),
  sellerName: z.string().min(1),
  sellerBusinessId: z.string().transform((id, ctx) => {
    const normalized = normalizeBusinessId(id);
    if (normalized === null) ctx.addIssue({ code: 'custom', message: 'is not a valid Finnish business id (Y-tunnus)' });
    return normalized ?? id;
  }),
  exports: z
    .object({
      customers: exportKind('customers'),
      persons: exportKind('persons'),
      products: exportKind('products'),
      pricelists: exportKind('pricelists'),
    })
    .prefault({}),
  csv: z
    .object({
      delimiter: z.enum([';', ',', '\t']).default(';'),
      decimalSeparator: z.enum(['.', ',']).default(','),
      encoding: z.enum(['utf-8', 'windows-1252']).default('utf-8'),
      columns: z.array(csvColumn).min(1).default(OFFER_CSV_FIELDS.map((field) => ({ field }))),
    })
    .prefault({}),
});

export type FilesSettings = z.infer<typeof filesSettingsSchema>;
export type ExportKindSettings = FilesSettings['exports'][ImportKindName];

export function parseFilesSettings(settings: Record<string, unknown>): FilesSettings {
  const parsed = filesSettingsSchema.safeParse(settings);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `erp.settings.${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid files ERP settings:\n  ${problems.join('\n  ')}`);
}
