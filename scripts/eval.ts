/**
 * Accuracy of the whole reading path on the labelled mail in eval/: for each set (a folder
 * with corpus/*.eml, labels.json, and the seller's data in seller/*.csv, else the demo
 * wholesaler's), runs the real CLI (import, then `process --json --dry-run` over every email)
 * and compares each result with the labels.
 *
 * `dev` is the development set: the extractor was tuned on it, so its figures flatter.
 * `unseen` was written by people who had not read the code. Prints, per set and for all,
 * RFQ classification, customer and salesperson accuracy, line precision/recall/F1 (a line is
 * right when its sku and quantity are), the share fully right and touchless (fully right and
 * not sent to review), silent errors (ended `created` but not fully right) and what went wrong
 * by kind, then one line: SCORE f1=… touchless=… customer=… rfq=… silent_errors=…
 *
 * `npm run eval -- unseen` scores one set.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { figures, labelSchema, PROBLEM_KINDS, resultSchema, score, type Figures, type Result, type Scored } from './eval/score.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const EVAL = join(ROOT, 'eval');
const MASTER_DATA = ['persons', 'products', 'customers', 'pricelists'];

function offerflow(args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function processCorpus(sellerDir: string, mails: string[]): Result[] {
  const dataDir = mkdtempSync(join(tmpdir(), 'offerflow-eval-'));
  try {
    for (const kind of MASTER_DATA) offerflow(['import', kind, join(sellerDir, `${kind}.csv`), '--data-dir', dataDir]);
    let stdout: string;
    try {
      stdout = offerflow(['process', '--json', '--dry-run', '--data-dir', dataDir, ...mails]);
    } catch (error) {
      // Exit status 1 only means some email failed; its JSON line is still there.
      stdout = (error as { stdout: string }).stdout;
    }
    return stdout.trim().split('\n').map((line) => resultSchema.parse(JSON.parse(line)));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function scoreSet(name: string): Scored[] {
  const dir = join(EVAL, name);
  const labels = z.record(z.string(), labelSchema).parse(JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')));
  const files = readdirSync(join(dir, 'corpus')).filter((f) => f.endsWith('.eml')).sort();
  const unlabelled = files.filter((f) => !labels[f]);
  if (unlabelled.length) throw new Error(`${name}: no label for: ${unlabelled.join(', ')}`);
  const sellerDir = existsSync(join(dir, 'seller')) ? join(dir, 'seller') : join(ROOT, 'demo', 'data');
  const results = processCorpus(sellerDir, files.map((f) => join(dir, 'corpus', f)));
  return files.map((file, i) => score(`${name}/${file}`, labels[file]!, results[i]!));
}

const fixed = (n: number) => n.toFixed(3);

function report(title: string, f: Figures): void {
  console.log(`\n${title}: emails ${f.emails} (${f.requests} requests), labelled lines ${f.labelledLines}`);
  console.log(`  rfq classification accuracy  ${fixed(f.rfq)}`);
  console.log(`  customer accuracy            ${fixed(f.customer)}`);
  console.log(`  salesperson accuracy         ${fixed(f.salesperson)}`);
  console.log(`  lines precision ${fixed(f.precision)}  recall ${fixed(f.recall)}  F1 ${fixed(f.f1)}`);
  console.log(`  fully right                  ${fixed(f.fullyRight)}`);
  console.log(`  touchless (right, no review) ${fixed(f.touchless)}`);
  console.log(`  silent errors                ${f.silentErrors}`);
  console.log(`  wrong, by kind: ${PROBLEM_KINDS.map((kind) => `${kind} ${f.kinds[kind]}`).join(', ')}`);
  console.log(`  SCORE[${title}] f1=${fixed(f.f1)} touchless=${fixed(f.touchless)} customer=${fixed(f.customer)} rfq=${fixed(f.rfq)} silent_errors=${f.silentErrors}`);
}

const sets = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(EVAL).filter((d) => existsSync(join(EVAL, d, 'labels.json'))).sort();
const bySet = sets.map((name) => ({ name, scored: scoreSet(name) }));
const all = bySet.flatMap((s) => s.scored);

for (const s of all.filter((x) => x.problems.length)) console.log(`${s.file}\n  ${s.problems.join('\n  ')}`);
for (const { name, scored } of bySet) report(name, figures(scored));
const total = figures(all);
report('all', total);
console.log(`SCORE f1=${fixed(total.f1)} touchless=${fixed(total.touchless)} customer=${fixed(total.customer)} rfq=${fixed(total.rfq)} silent_errors=${total.silentErrors}`);
