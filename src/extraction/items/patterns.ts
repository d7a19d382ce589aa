import { UNIT_PATTERN } from '../../domain/units.js';

/**
 * "12", "12,5", and thousands written with a space: "1 000", "12 500,5". At most four groups of
 * thousands (no one orders 10^15 of anything): unbounded, every group of a long "000 000 …" run
 * would start a scan to its end. A standard's number is no thousands: "DIN 440 200 kpl" is 200.
 * A quantity never starts inside a decimal: "MMJ 3x1,5 100 m" is 100 m, not 5 100 m.
 */
export const QTY = String.raw`((?<!(?:DIN|ISO|EN|SFS|SS|NS)\s)(?<!\d[.,])\d{1,3}(?:[ \u00a0]\d{3}){1,4}(?:[.,]\d+)?|\d+(?:[.,]\d+)?)`;
/** A unit, also doubled for two languages ("kpl/st"). */
export const UNIT = String.raw`(${UNIT_PATTERN})\.?(?:\s*/\s*(?:${UNIT_PATTERN})\.?)?`;
/** What may stand right after a quantity and its unit. */
const AFTER = String.raw`(?=$|[\s).,;:!?])`;

/** A quantity with a unit, or an "x 6" / "6 x" count: what makes a piece of text an item. */
export const MENTION = new RegExp(
  String.raw`(?:^|[\s(])${QTY}\s*${UNIT}${AFTER}|(?:^|\s)${UNIT}\s+${QTY}${AFTER}|(?:^|\s)[x×]\s?\d+${AFTER}|(?:^|\s)\d+\s?[x×](?=\s|$)`,
  'i',
);
/** A count before a noun, in a sentence that lists several items: "also 5 thermostatic valves". */
export const BARE_COUNT = /(?:^|\s)\d{1,4}\s+(?=\p{L}{3})/u;
