import { Command } from 'commander';
import { registerCorrect } from './commands/correct.js';
import { registerDemo } from './commands/demo.js';
import { registerImport } from './commands/import.js';
import { registerJobs } from './commands/jobs.js';
import { registerLearnFromErp } from './commands/learn-from-erp.js';
import { registerOffers } from './commands/offers.js';
import { registerProcess } from './commands/process.js';
import { registerReplay } from './commands/replay.js';
import { registerRuns } from './commands/runs.js';
import { registerServe } from './commands/serve.js';
import { registerSim } from './commands/sim.js';
import { registerUsers } from './commands/users.js';

export function buildProgram(): Command {
  const program = new Command('offerflow')
    .description('Turns request-for-quotation emails into draft offers in your ERP')
    .option('--data-dir <dir>', 'where all state lives (default: $OFFERFLOW_DATA_DIR or ./.offerflow)')
    .option('--config <file>', 'config file (default: $OFFERFLOW_CONFIG or <data-dir>/offerflow.json)')
    .showHelpAfterError();
  registerProcess(program);
  registerOffers(program);
  registerRuns(program);
  registerCorrect(program);
  registerLearnFromErp(program);
  registerImport(program);
  registerDemo(program);
  registerServe(program);
  registerReplay(program);
  registerJobs(program);
  registerSim(program);
  registerUsers(program);
  return program;
}
