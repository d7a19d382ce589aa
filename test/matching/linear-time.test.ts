import { describe, it } from 'vitest';
import { sizeValue, termsOf } from '../../src/matching/terms.js';
import { expectLinearTime, LINEAR_TIME_TEST_TIMEOUT_MS, run } from '../support/linear-time.js';

describe('reading hostile text takes linear time', { timeout: LINEAR_TIME_TEST_TIMEOUT_MS }, () => {
  it.each([
    ['a long number', run('1')],
    ['a long word', run('a')],
  ])('termsOf: %s', async (_case, build) => {
    await expectLinearTime(build, termsOf);
  });

  it('sizeValue: a long word between two other characters', async () => {
    await expectLinearTime(run('a', '-', '-'), sizeValue);
  });
});
