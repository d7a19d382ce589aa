import { describe, expect, it } from 'vitest';
import { automatedBy } from '../../src/email/automated.js';

const header = (line: string) => ({ key: line.slice(0, line.indexOf(':')).toLowerCase(), line });

describe('automatedBy', () => {
  it.each([
    ['Auto-Submitted: auto-replied', 'Auto-Submitted: auto-replied'],
    ['X-Autoreply: yes', 'X-Autoreply: yes'],
    ['Precedence: bulk', 'Precedence: bulk'],
  ])('names %j', (line, expected) => {
    expect(automatedBy([header('From: a@b.fi'), header(line)])).toBe(expected);
  });

  it.each([
    'Auto-Submitted: no',
    'Precedence: normal',
    'X-Auto-Response-Suppress: All',
    // A site team's group list: its members' requests are real ones.
    'Precedence: list',
    'List-Id: <tyomaa.googlegroups.com>',
    'List-Unsubscribe: <mailto:tyomaa+unsubscribe@googlegroups.com>',
  ])('lets a person’s mail with %j through', (line) => {
    expect(automatedBy([header('From: a@b.fi'), header(line)])).toBeNull();
  });
});
