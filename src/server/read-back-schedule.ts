import type { App } from '../app/open-app.js';
import type { PassOutcome } from '../learning/leased-pass.js';
import type { Clock } from '../time/clock.js';

export interface ReadBackHooks {
  passed(outcome: PassOutcome): void;
  failed(error: unknown): void;
}

export interface ReadBackSchedule {
  /** Stops after the run in hand; a pass cut short is taken up whole by the next one. */
  stop(): Promise<void>;
}

/**
 * A pass once the catalog has loaded (so that it does not compete with the load for the ERP),
 * then every `everyMs`. Processes sharing a store take turns: a pass another one ended within
 * the interval counts as this one's. A failing pass is reported, and the next comes as planned.
 */
export function scheduleReadBack(app: Pick<App, 'learnFromErp' | 'catalogSettled'>, settings: { days: number; everyMs: number; clock: Clock }, hooks: ReadBackHooks): ReadBackSchedule {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const pass = async () => {
    const doneAfter = new Date(settings.clock.now().getTime() - settings.everyMs).toISOString();
    try {
      hooks.passed(await app.learnFromErp({ days: settings.days, doneAfter, stopping: () => stopped }));
    } catch (error) {
      hooks.failed(error);
    }
    if (!stopped) timer = setTimeout(() => (running = pass()), settings.everyMs);
  };
  let running: Promise<void> = app.catalogSettled().then(() => (stopped ? undefined : pass()));
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
