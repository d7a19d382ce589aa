import { z } from 'zod';
import type { Customer } from '../domain/customer.js';
import type { LineMatch } from '../domain/line-match.js';
import type { Person } from '../domain/person.js';
import type { Product } from '../domain/product.js';
import type { RequestedLine } from '../domain/requested-line.js';
import type { WorkflowContext } from '../workflow/context.js';

const decimal = z.string().trim().regex(/^\d+(?:[.,]\d+)?$/, 'a positive number such as 12 or 2,5').transform((s) => s.replace(',', '.'));
/** Index into the run's requested lines, from 0. */
const line = z.number().int().nonnegative();

/** One change a salesperson makes to a drafted offer; from a page or the API, so checked here. */
export const reviewEditSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pick'), line, sku: z.string().trim().min(1) }),
  z.object({ kind: z.literal('quantity'), line, quantity: decimal }),
  z.object({ kind: z.literal('add'), sku: z.string().trim().min(1), quantity: decimal }),
  z.object({ kind: z.literal('remove'), line }),
  z.object({ kind: z.literal('customer'), number: z.string().trim().min(1) }),
  z.object({ kind: z.literal('salesperson'), number: z.string().trim().min(1) }),
]);

export type ReviewEdit = z.infer<typeof reviewEditSchema>;

/** What an edit names, looked up in the ERP before it is applied. */
export type EditTarget = { product: Product } | { customer: Customer } | { person: Person } | null;

/** Refused edits say why in the salesperson's terms; nothing is changed. */
export class EditRefused extends Error {
  override name = 'EditRefused';
}

const chosen = (product: Product): LineMatch => ({ product, confidence: 1, method: 'chosen', alternatives: [] });

function lineAt(context: WorkflowContext, index: number): RequestedLine {
  const found = context.requestedLines[index];
  if (!found) throw new EditRefused(`the run has lines 1 to ${context.requestedLines.length}, not ${index + 1}`);
  return found;
}

function replaced<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((old, i) => (i === index ? item : old));
}

/**
 * The context as the salesperson wants it: a pick or a new quantity changes the requested line
 * and its match, which pricing and the draft are then built from again. A quantity a person
 * types is in the product's own unit, so it is taken as it is, no longer uncertain.
 */
export function applyEdit(context: WorkflowContext, edit: ReviewEdit, target: EditTarget): WorkflowContext {
  switch (edit.kind) {
    case 'pick':
      lineAt(context, edit.line);
      return { ...context, matches: replaced(context.matches, edit.line, chosen(productOf(target))) };
    case 'quantity': {
      const requested = lineAt(context, edit.line);
      const unit = context.matches[edit.line]?.product?.unit ?? requested.unit;
      return { ...context, requestedLines: replaced(context.requestedLines, edit.line, { ...requested, quantity: edit.quantity, unit, per: null, uncertain: null }) };
    }
    case 'add': {
      const product = productOf(target);
      const added: RequestedLine = { text: product.name, description: product.name, quantity: edit.quantity, unit: product.unit, code: null, per: null, uncertain: null };
      return { ...context, requestedLines: [...context.requestedLines, added], matches: [...context.matches, chosen(product)] };
    }
    case 'remove':
      lineAt(context, edit.line);
      return {
        ...context,
        requestedLines: context.requestedLines.filter((_, i) => i !== edit.line),
        matches: context.matches.filter((_, i) => i !== edit.line),
      };
    case 'customer':
      if (!target || !('customer' in target)) throw new EditRefused(`no customer ${edit.number} in the ERP`);
      return { ...context, customer: target.customer, customerFoundBy: { evidence: 'chosen', learnedFrom: null } };
    case 'salesperson':
      if (!target || !('person' in target)) throw new EditRefused(`no salesperson ${edit.number} in the ERP`);
      return { ...context, salesperson: target.person, salespersonFoundBy: { evidence: 'chosen', learnedFrom: null } };
  }
}

function productOf(target: EditTarget): Product {
  if (!target || !('product' in target)) throw new EditRefused('no such product in the ERP');
  return target.product;
}

/** The edit in a few words, for the run's history. */
export function describeEdit(edit: ReviewEdit, context: WorkflowContext, target: EditTarget): string {
  const lineText = (index: number) => `line ${index + 1} "${context.requestedLines[index]?.text ?? ''}"`;
  const product = target && 'product' in target ? `${target.product.sku} ${target.product.name}` : '';
  switch (edit.kind) {
    case 'pick':
      return `${lineText(edit.line)}: product ${product}`;
    case 'quantity':
      return `${lineText(edit.line)}: quantity ${edit.quantity}`;
    case 'add':
      return `added ${product}, quantity ${edit.quantity}`;
    case 'remove':
      return `removed ${lineText(edit.line)}`;
    case 'customer':
      return `customer ${edit.number}${target && 'customer' in target ? ` ${target.customer.name}` : ''}`;
    case 'salesperson':
      return `salesperson ${edit.number}${target && 'person' in target ? ` ${target.person.name}` : ''}`;
  }
}
