import type { ErpAdapter } from '../erp/ports.js';
import type { Clock } from '../time/clock.js';

type Observe = (call: string, seconds: number, failed: boolean) => void;

const PORTS = ['customers', 'persons', 'products', 'pricing', 'offers'] as const;

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as Promise<unknown> | null)?.then === 'function';
}

/** Times every call through the ERP ports ("offers.create"), whichever adapter is behind them. Streams (iterate) pass untimed. */
function timed<T extends object>(port: T, name: string, observe: Observe, clock: Clock): T {
  return new Proxy(port, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const started = clock.monotonicMs();
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!isPromise(result)) return result;
        const call = `${name}.${String(key)}`;
        const seconds = () => (clock.monotonicMs() - started) / 1000;
        return result.then(
          (answer) => (observe(call, seconds(), false), answer),
          (error: unknown) => {
            observe(call, seconds(), true);
            throw error;
          },
        );
      };
    },
  });
}

export function instrumentErp(erp: ErpAdapter, observe: Observe, clock: Clock): ErpAdapter {
  const wrapped = Object.fromEntries(PORTS.map((port) => [port, timed(erp[port], port, observe, clock)]));
  return { ...erp, ...wrapped, check: () => erp.check(), close: () => erp.close() } as ErpAdapter;
}
