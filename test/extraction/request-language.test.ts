import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../src/email/parse-email.js';
import { requestLanguage } from '../../src/extraction/request-language.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');

describe('the language of a request', () => {
  // The examples' names say the language they were written in: 01-fi-…, 03-sv-…, 04-en-….
  it.each(readdirSync(EXAMPLES).filter((f) => f.endsWith('.eml')))('is read from the words of %s', async (file) => {
    const { email } = await parseEmail(readFileSync(join(EXAMPLES, file)));
    expect(requestLanguage(`${email.subject}\n${email.text}`)).toBe(file.split('-')[1]);
  });

  it('is not guessed from product lines alone', () => {
    expect(requestLanguage('Cu 15x1,0 120 m\nPV DN20 6\nM8x40 A4 200')).toBeNull();
  });

  it('is not guessed when two languages tie', () => {
    expect(requestLanguage('Hej, please')).toBeNull();
  });
});
