import { z } from 'zod';
import { MAX_PAGE_SIZE } from './odata-query.js';

/**
 * Readings of Business Central that its documentation leaves open, each switchable so that the
 * adapter is tested against every one of them. The defaults are the readings chosen in
 * docs/design/business-central-api-notes.md.
 */
export const bcVariantSchema = z.strictObject({
  /**
   * A stale If-Match: the docs list both 409 ("another user has already changed the record")
   * and 412 (precondition failed) among BC's status codes and do not say which this is.
   */
  staleEtagStatus: z.union([z.literal(412), z.literal(409)]).optional(),
  /**
   * No If-Match on PATCH/DELETE: the error table's `BadRequest_InvalidToken` ("Could not
   * validate the client concurrency token") reads as a 400; HTTP itself would say 428.
   */
  missingIfMatchStatus: z.union([z.literal(400), z.literal(428)]).optional(),
  /** How the blank member of an enum (a customer's `blocked`) is written: schema 2.0's `_x0020_`, or the examples' " ". */
  blankEnumMember: z.enum(['_x0020_', ' ']).optional(),
  /**
   * Whether a POST may name the new record's `id`: v2.0 lets a client set the SystemId on
   * insert (dev-itpro/api-reference/v2.0/transition-to-api-v2.0.md), but the quote and line
   * pages mark `id` read-only and write through buffer tables, so whether they keep it is open.
   */
  clientIds: z.enum(['accepted', 'refused']).optional(),
  /**
   * A write that sets a property the page marks read-only (`number`, totals, `status`): refused,
   * or the property dropped. The docs' create example sends the quote's `number`, which the AL
   * page does not let a client set.
   */
  readOnlyWrites: z.enum(['refused', 'ignored']).optional(),
  /** Lists are paged this size when the client does not ask (`Prefer: odata.maxpagesize`); BC Online pages 20,000. */
  defaultPageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
});
export type BcVariantUpdate = z.input<typeof bcVariantSchema>;
export type BcVariant = Required<z.output<typeof bcVariantSchema>>;

export const DEFAULT_BC_VARIANT: BcVariant = { staleEtagStatus: 412, missingIfMatchStatus: 400, clientIds: 'accepted', readOnlyWrites: 'refused', blankEnumMember: '_x0020_', defaultPageSize: MAX_PAGE_SIZE };
