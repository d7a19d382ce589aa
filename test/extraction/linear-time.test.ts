import { describe, it } from 'vitest';
import { splitBody } from '../../src/extraction/body-text.js';
import { companyFacts } from '../../src/extraction/company-facts.js';
import { addressIn, forwardedMessage } from '../../src/extraction/forwarded.js';
import { codeIn } from '../../src/extraction/items/codes.js';
import { extractLines } from '../../src/extraction/line-items.js';
import { expectLinearTime, LINEAR_TIME_TEST_TIMEOUT_MS, run } from '../support/linear-time.js';

describe('reading hostile mail takes linear time', { timeout: LINEAR_TIME_TEST_TIMEOUT_MS }, () => {
  it.each([
    ['a line of dashes', run('-', 'Putki ')],
    ['a run of spaces', run(' ', 'Putki ', ' b')],
    ['a run of spaces with no letters', run(' ', '1', '2')],
    ['a run of spaces between two items', run(' ', '2 kpl Putki ', ' 3 kpl Tulppa')],
    ['a run of spaces before x', run(' ', 'X', 'y')],
    ['groups of thousands', run(' 000', 'Putki 1', ' x')],
    ['groups of thousands in a list of items', run(' 000', '2 kpl putki ja 1', ' x')],
    ['dots in a description', run('.', 'Putki ', 'a 5 kpl')],
    ['a long number as what each pack holds', run('1', 'Putki 2 rll à ', ' m')],
    ['a long number of packs', run('1', 'Putki ', ' rll à 100 m')],
    ['a run of counts times a length', run('1 x ', 'Putki ', '5 m')],
    ['a long word after a leading count', run('a', '1 ', '')],
    ['a run of spaces after a count', run(' ', 'Putki 2 kpl', 'x')],
    ['many words after a count', run('ab ', 'Putki 2 kpl ', '1')],
    ['a run of spaces before what a pack holds', run(' ', 'Putki', '100 kpl/ltk 2 ltk')],
    ['thousands with commas', run(',000', 'Putki 1', ' pcs')],
    ['a run of dozens', run('3 dozen ', 'Putki ', 'x')],
  ])('extractLines: %s', async (_case, build) => {
    await expectLinearTime(build, extractLines);
  });

  it('codeIn: slashed capitals', async () => {
    await expectLinearTime(run('/A'), codeIn);
  });

  it.each([
    ['a long word', run('a')],
    ['a run of dashes before an @', run('-', '', '-.-@+@-.-')],
    ['a run of spaces after a bracket', run(' ', '(', 'T matti@x.fi')],
  ])('addressIn: %s', async (_case, build) => {
    await expectLinearTime(build, addressIn);
  });

  it.each([
    ['a long line of dashes', run('-', '', '\nFrom: x')],
    ['a long line of underscores before a header', run('_', '', '\nFrom: a@b.fi\nSent: 1')],
    ['many short lines ending in wrote', run('On 2026 wrote\n')],
    ['a long line of ">"', run('>')],
    ['a long line of spaces and stars before a colon', run(' *', 'From', ':')],
  ])('splitBody: %s', async (_case, build) => {
    await expectLinearTime(build, splitBody);
  });

  it('forwardedMessage: a header line with a long run of tabs', async () => {
    await expectLinearTime(run('\t', 'CC:', 'I\rI'), (text) => forwardedMessage(text, 'FW: tarjous'));
  });

  // A checker calls this pattern quadratic; it is not, as its four words are bounded: kept so it stays so.
  it('companyFacts: capitals and tabs', async () => {
    await expectLinearTime(run('A\t'), (text) => companyFacts(text, null));
  });
});
