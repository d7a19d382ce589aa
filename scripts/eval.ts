/**
 * Accuracy of the whole reading path on the labelled corpus in eval/: runs the real CLI
 * (import of the demo wholesaler, then `process --json --dry-run` over every email) and
 * compares each result with eval/labels.json.
 *
 * Prints RFQ classification accuracy, customer and salesperson accuracy, line
 * precision/recall/F1 (a line is right when its sku and quantity are), the share of emails
 * fully right, and the share handled touchless (fully right and not sent to review), then
 * one line: SCORE f1=… touchless=… customer=… rfq=…
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const CORPUS = join(ROOT, 'eval', 'corpus');

const labelSchema = z.object({
  rfq: z.boolean(),
  customer: z.string().nullable(),
  salesperson: z.string().nullable(),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number() })),
});
type Label = z.infer<typeof labelSchema>;

const resultSchema = z.object({
  status: z.string(),
  customer: z.object({ number: z.string() }).nullable(),
  salesperson: z.object({ number: z.string() }).nullable(),
  lines: z.array(z.object({ match: z.object({ sku: z.string() }).nullable(), quantity: z.number().nullable() })),
});
type Result = z.infer<typeof resultSchema>;

function offerflow(args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function processCorpus(files: string[]): Result[] {
  const dataDir = mkdtempSync(join(tmpdir(), 'offerflow-eval-'));
  try {
    for (const kind of ['persons', 'products', 'customers', 'pricelists']) {
      offerflow(['import', kind, join(ROOT, 'demo', 'data', `${kind}.csv`), '--data-dir', dataDir]);
    }
    let stdout: string;
    try {
      stdout = offerflow(['process', '--json', '--dry-run', '--data-dir', dataDir, ...files.map((f) => join(CORPUS, f))]);
    } catch (error) {
      // Exit status 1 only means some email failed; its JSON line is still there.
      stdout = (error as { stdout: string }).stdout;
    }
    return stdout.trim().split('\n').map((line) => resultSchema.parse(JSON.parse(line)));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const lineKey = (sku: string, quantity: number | null) => `${sku} × ${quantity}`;

/** How many of the predicted lines are labelled lines, each labelled line used once. */
function commonLines(predicted: string[], expected: string[]): number {
  const left = [...expected];
  return predicted.filter((p) => {
    const at = left.indexOf(p);
    if (at >= 0) left.splice(at, 1);
    return at >= 0;
  }).length;
}

interface Scored {
  file: string;
  rfqRight: boolean;
  customerRight: boolean;
  salespersonRight: boolean;
  predictedLines: number;
  expectedLines: number;
  rightLines: number;
  fullyRight: boolean;
  touchless: boolean;
  problems: string[];
}

function score(file: string, label: Label, result: Result): Scored {
  const predictedRfq = result.status !== 'not_an_rfq';
  const predicted = result.lines.flatMap((l) => (l.match ? [lineKey(l.match.sku, l.quantity)] : []));
  const expected = label.lines.map((l) => lineKey(l.sku, l.quantity));
  const rightLines = commonLines(predicted, expected);
  const customer = result.customer?.number ?? null;
  const salesperson = result.salesperson?.number ?? null;
  const rfqRight = predictedRfq === label.rfq;
  const customerRight = !label.rfq || customer === label.customer;
  const salespersonRight = !label.rfq || salesperson === label.salesperson;
  // An unmatched line is flagged for review, not a wrong offer line: it costs touchless, not correctness.
  const linesRight = rightLines === predicted.length && rightLines === expected.length;
  const fullyRight = rfqRight && customerRight && salespersonRight && (!label.rfq || linesRight);
  const problems = [
    rfqRight ? null : `rfq: expected ${label.rfq}, got ${result.status}`,
    customerRight ? null : `customer: expected ${label.customer}, got ${customer}`,
    salespersonRight ? null : `salesperson: expected ${label.salesperson}, got ${salesperson}`,
    !label.rfq || linesRight ? null : `lines: expected [${expected.join(', ')}], got [${result.lines.map((l) => (l.match ? lineKey(l.match.sku, l.quantity) : `unmatched × ${l.quantity}`)).join(', ')}]`,
  ].filter((p): p is string => p !== null);
  return {
    file,
    rfqRight,
    customerRight,
    salespersonRight,
    predictedLines: predicted.length,
    expectedLines: expected.length,
    rightLines,
    fullyRight,
    touchless: fullyRight && (result.status === 'created' || result.status === 'not_an_rfq'),
    problems,
  };
}

const share = (items: Scored[], right: (s: Scored) => boolean) => (items.length ? items.filter(right).length / items.length : 1);
const fixed = (n: number) => n.toFixed(3);

const labels = z.record(z.string(), labelSchema).parse(JSON.parse(readFileSync(join(ROOT, 'eval', 'labels.json'), 'utf8')));
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.eml')).sort();
const unlabelled = files.filter((f) => !labels[f]);
if (unlabelled.length) throw new Error(`no label for: ${unlabelled.join(', ')}`);

const results = processCorpus(files);
const scored = files.map((file, i) => score(file, labels[file]!, results[i]!));
const rfqs = scored.filter((s) => labels[s.file]!.rfq);

const predictedLines = scored.reduce((n, s) => n + s.predictedLines, 0);
const expectedLines = scored.reduce((n, s) => n + s.expectedLines, 0);
const rightLines = scored.reduce((n, s) => n + s.rightLines, 0);
const precision = predictedLines ? rightLines / predictedLines : 1;
const recall = expectedLines ? rightLines / expectedLines : 1;
const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;

for (const s of scored.filter((x) => x.problems.length)) console.log(`${s.file}\n  ${s.problems.join('\n  ')}`);
console.log('');
console.log(`emails ${scored.length} (${rfqs.length} requests), labelled lines ${expectedLines}`);
console.log(`rfq classification accuracy  ${fixed(share(scored, (s) => s.rfqRight))}`);
console.log(`customer accuracy            ${fixed(share(rfqs, (s) => s.customerRight))}`);
console.log(`salesperson accuracy         ${fixed(share(rfqs, (s) => s.salespersonRight))}`);
console.log(`lines precision ${fixed(precision)}  recall ${fixed(recall)}  F1 ${fixed(f1)}`);
console.log(`fully right                  ${fixed(share(scored, (s) => s.fullyRight))}`);
console.log(`touchless (right, no review) ${fixed(share(scored, (s) => s.touchless))}`);
console.log(
  `SCORE f1=${fixed(f1)} touchless=${fixed(share(scored, (s) => s.touchless))} customer=${fixed(share(rfqs, (s) => s.customerRight))} rfq=${fixed(share(scored, (s) => s.rfqRight))}`,
);
