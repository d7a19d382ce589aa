import { expect } from 'vitest';
import type { WriteFence } from '../../../src/erp/ports.js';

const STOPPED = 'worker stopped';

/** A fence that lets `writes` writes through and then stops the worker, as a lost lease does. */
export function stopsAfter(writes: number): WriteFence {
  let passed = 0;
  return async () => {
    if (passed >= writes) throw new Error(STOPPED);
    passed += 1;
  };
}

/** An ERP that makes an offer in fewer writes than the fence allows finishes it; one that needs more is stopped by it. */
export async function untilStopped(work: Promise<unknown>): Promise<void> {
  await work.catch((error: unknown) => expect(String(error)).toContain(STOPPED));
}
