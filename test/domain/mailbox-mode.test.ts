import { describe, expect, it } from 'vitest';
import { isMailboxMode, MAILBOX_MODES, modeRules } from '../../src/domain/mailbox-mode.js';

describe('mailbox modes', () => {
  it('roll out from shadow, which writes nothing, tells nobody and leaves the mails, to review and auto', () => {
    expect(MAILBOX_MODES.map((mode) => [mode, modeRules(mode)])).toEqual([
      ['shadow', { dryRun: true, notifies: false, reviewsEveryOffer: false, marksDone: false }],
      ['review', { dryRun: false, notifies: true, reviewsEveryOffer: true, marksDone: true }],
      ['auto', { dryRun: false, notifies: true, reviewsEveryOffer: false, marksDone: true }],
    ]);
  });

  it('are known by their names only', () => {
    expect(isMailboxMode('review')).toBe(true);
    expect(isMailboxMode('Review')).toBe(false);
    expect(isMailboxMode('dry-run')).toBe(false);
  });
});
