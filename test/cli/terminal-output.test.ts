import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offerflow, seeded } from '../support/cli.js';

const ESC = '\u001b';
const BEL = '\u0007';
const RTL_OVERRIDE = '\u202e';
/** Retitles the terminal, clears the screen, and turns the rest of the line around. */
const HOSTILE = `${ESC}]0;PWNED${BEL}${ESC}[2J${RTL_OVERRIDE}fdp.exe`;

function hostileMail(file: string): string {
  const subject = Buffer.from(`Tarjouspyyntö ${HOSTILE}`).toString('base64');
  writeFileSync(
    file,
    [
      'From: Matti Putkinen <matti@putki.fi>',
      'To: Mikko Myyjä <mikko@seller.fi>',
      `Subject: =?UTF-8?B?${subject}?=`,
      'Message-ID: <hostile@putki.fi>',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      `Kupariputki 15x1,0 kova ${ESC}[31mpunainen 10 m`,
      `Pallovent${BEL}tiili DN20 2 kpl`,
      '',
    ].join('\r\n'),
  );
  return file;
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const hasControls = (text: string) => /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/.test(text);

describe('what the CLI prints of a mail', () => {
  it('shows control characters from the mail escaped in every table and text, never raw', async () => {
    const dataDir = await seeded();
    const mail = hostileMail(join(dataDir, 'hostile.eml'));

    const outputs = [
      await offerflow(['process', mail, '--data-dir', dataDir]),
      await offerflow(['runs', 'list', '--data-dir', dataDir]),
      await offerflow(['runs', 'show', '1', '--data-dir', dataDir]),
      await offerflow(['offers', 'list', '--data-dir', dataDir]),
      await offerflow(['process', mail, '--json', '--data-dir', dataDir]),
    ];

    for (const output of outputs) {
      expect(output.stderr).toBe('');
      expect(hasControls(output.stdout), output.stdout).toBe(false);
    }
    expect(outputs[0]!.stdout).toContain('Kupariputki 15x1,0 kova \\u001b[31mpunainen 10 m');
    expect(outputs[1]!.stdout).toContain('\\u001b]0;PWNED');
    expect(outputs[2]!.stdout).toContain('\\u001b]0;PWNED\\u0007\\u001b[2J\\u202efdp.exe');
    expect(JSON.parse(outputs[4]!.stdout).warnings[0]).toContain('already processed');
  }, 90_000);
});
