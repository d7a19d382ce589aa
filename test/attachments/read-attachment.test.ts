import { extractLineItems } from '../../src/extraction/line-items.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTACHMENT_LIMITS, readAttachment, type AttachmentLimits } from '../../src/attachments/read-attachment.js';
import { systemClock } from '../../src/time/clock.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/attachments/', import.meta.url));
const MB = 1024 * 1024;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const ITEM_TABLE = [
  'Tuotekoodi\tNimike\tMäärä\tYks.\tHinta €',
  'KP-15\tKupariputki 15 mm\t12\tm\t4,50',
  'KY-15\tKulmayhde 15 mm\t8\tkpl\t2,10',
  'PE-22\tPutkieriste 22/20 mm\t24,5\tm\t1,95',
];

function read(filename: string, contentType: string, limits: Partial<AttachmentLimits> = {}) {
  const content = readFileSync(FIXTURES + filename);
  return readAttachment({ filename, contentType, content }, systemClock, { ...DEFAULT_ATTACHMENT_LIMITS, ...limits });
}

describe('tables', () => {
  it('reads a CSV item list saved by Excel on Windows: windows-1252, semicolons, decimal commas', async () => {
    const result = await read('nimikkeet.csv', 'text/csv');
    expect(result).toEqual({
      filename: 'nimikkeet.csv',
      kind: 'csv',
      lines: [
        'Tuotekoodi\tNimike\tMäärä\tYksikkö\tHinta',
        'KP-15\tKupariputki 15 mm\t12\tm\t4,50',
        'KY-15\tKulmayhde; juotettava\t8\tkpl\t2,10',
        'PE-22\tPutkieriste 22/20 mm\t24,5\tm\t1,95',
      ],
      warnings: [],
    });
  });

  it('reads a UTF-8 CSV with a BOM and keeps a cell with a line break on its row', async () => {
    const content = Buffer.from('\uFEFFKoodi,Nimike,Määrä\r\nKP-15,"Kupariputki\r\n15 mm",12\r\n,,\r\n');
    const result = await readAttachment({ filename: 'lista.csv', contentType: 'text/csv', content }, systemClock, DEFAULT_ATTACHMENT_LIMITS);
    expect(result.lines).toEqual(['Koodi\tNimike\tMäärä', 'KP-15\tKupariputki 15 mm\t12']);
    expect(result.warnings).toEqual([]);
  });

  it('reads a CSV with the same encoding detection as imports: UTF-16 BE with a BOM', async () => {
    const text = Buffer.from('Koodi;Nimike;Määrä\r\nPT-22;Päätetulppa 22 mm;4\r\n', 'utf16le').swap16();
    const content = Buffer.concat([Buffer.from([0xfe, 0xff]), text]);
    const result = await readAttachment({ filename: 'lista.csv', contentType: 'text/csv', content }, systemClock, DEFAULT_ATTACHMENT_LIMITS);
    expect(result.lines).toEqual(['Koodi\tNimike\tMäärä', 'PT-22\tPäätetulppa 22 mm\t4']);
    expect(result.warnings).toEqual([]);
  });

  it('refuses a CSV in UTF-16 without a BOM, saying how to save it instead', async () => {
    const content = Buffer.from('Koodi;Nimike\r\nPT-22;Päätetulppa 22 mm\r\n', 'utf16le');
    const result = await readAttachment({ filename: 'lista.csv', contentType: 'text/csv', content }, systemClock, DEFAULT_ATTACHMENT_LIMITS);
    expect(result.lines).toEqual([]);
    expect(result.warnings).toEqual([
      'lista.csv: not a valid CSV file (has NUL bytes but no UTF-16 byte-order mark, so it is UTF-16 without a BOM or not a text file at all; save it as CSV UTF-8)',
    ]);
  });

  it('reads an XLSX item list as the cells show: numbers, percentages, dates, formulas; empty rows dropped', async () => {
    const result = await read('nimikkeet.xlsx', XLSX_TYPE);
    expect(result).toEqual({
      filename: 'nimikkeet.xlsx',
      kind: 'xlsx',
      lines: [
        'Tuotekoodi\tNimike\tMäärä\tYksikkö\tHinta\tAle\tToimitus',
        'KP-15\tKupariputki 15 mm\t12\tm\t4.5\t10\t2026-03-16',
        'KY-15\tKulmayhde 15 mm\t8\tkpl\t2.1\t25.5\t2026-03-16',
        'PE-22\tPutkieriste 22/20 mm\t24.5\tm\t1.95',
      ],
      warnings: [],
    });
  });

  it('keeps the first maxRows rows of a CSV and says so', async () => {
    const result = await read('nimikkeet.csv', 'text/csv', { maxRows: 2 });
    expect(result.lines).toEqual(['Tuotekoodi\tNimike\tMäärä\tYksikkö\tHinta', 'KP-15\tKupariputki 15 mm\t12\tm\t4,50']);
    expect(result.warnings).toEqual(['nimikkeet.csv: over the 2-row limit; read the first 2 rows']);
  });

  it('reads every sheet of a workbook, a cover sheet and item sheets with title rows and merged cells', async () => {
    const result = await read('useita-valilehtia.xlsx', XLSX_TYPE);
    expect(result.lines).toEqual([
      'Tarjouspyyntö',
      'Kohde\tAs Oy Kortepohja, linjasaneeraus',
      'Tarjous viimeistään\t30.11.2026',
      'LVI-tarvikkeet',
      'Oma nro\tNimike\tKoko\tMäärä\tYks.',
      'L-01\tKupariputki kova\t22x1,0\t60\tm',
      'Venttiilit',
      'L-02\tPalloventtiili sk/sk\tDN20\t6\tkpl',
      'Sähkötarvikkeet',
      'Oma nro\tNimike\tKoko\tMäärä\tYks.',
      'S-01\tMMJ\t3x2,5S\t100\tm',
    ]);
    expect(extractLineItems(result.lines.join('\n')).map((l) => [l.description, l.quantity, l.unit])).toEqual([
      ['Kupariputki kova 22x1,0', '60', 'm'],
      ['Palloventtiili sk/sk DN20', '6', 'kpl'],
      ['MMJ 3x2,5S', '100', 'm'],
    ]);
  });

  it('keeps the first maxRows rows of an XLSX and says so', async () => {
    const result = await read('nimikkeet.xlsx', XLSX_TYPE, { maxRows: 1 });
    expect(result.lines).toEqual(['Tuotekoodi\tNimike\tMäärä\tYksikkö\tHinta\tAle\tToimitus']);
    expect(result.warnings).toEqual(['nimikkeet.xlsx: over the 1-row limit; read the first 1 row']);
  });

  it('does not warn when a table has exactly maxRows rows', async () => {
    const result = await read('nimikkeet.csv', 'text/csv', { maxRows: 4 });
    expect(result.lines).toHaveLength(4);
    expect(result.warnings).toEqual([]);
  });

  it('reports a CSV with an unclosed quote', async () => {
    const content = Buffer.from('Koodi;Määrä\nKP-15;"12\n');
    const result = await readAttachment({ filename: 'lista.csv', contentType: 'text/csv', content }, systemClock, DEFAULT_ATTACHMENT_LIMITS);
    expect(result.warnings).toEqual([expect.stringMatching(/^lista\.csv: not a valid CSV file \(Quote Not Closed/)]);
  });
});

describe('XLSX that cannot or must not be read', () => {
  it('reports a corrupt XLSX', async () => {
    const result = await read('rikki.xlsx', XLSX_TYPE);
    expect(result).toEqual({
      filename: 'rikki.xlsx',
      kind: 'xlsx',
      lines: [],
      warnings: ['rikki.xlsx: not a valid XLSX file (no zip directory; the file may be cut short)'],
    });
  });

  it('reports a password-protected XLSX', async () => {
    const result = await read('salattu.xlsx', XLSX_TYPE);
    expect(result.lines).toEqual([]);
    expect(result.warnings).toEqual(['salattu.xlsx: password-protected; not read']);
  });

  it('refuses a zip bomb by the sizes its directory declares', async () => {
    const result = await read('zip-pommi.xlsx', XLSX_TYPE);
    expect(result.lines).toEqual([]);
    expect(result.warnings).toEqual(['zip-pommi.xlsx: unpacks to 4.1 GB, over the 50 MB unpacked-size limit; not read']);
  });

  it('refuses a zip that declares less than it unpacks to', async () => {
    // The worksheet declares 1.8 KB but holds 2 MB of padding.
    const result = await read('koko-valehtelee.xlsx', XLSX_TYPE, { maxDecompressedBytes: MB });
    expect(result.lines).toEqual([]);
    expect(result.warnings).toEqual(['koko-valehtelee.xlsx: unpacks to more than 1 MB, over the 1 MB unpacked-size limit; not read']);
  });

  it('reads that same zip when it unpacks within the limit', async () => {
    const result = await read('koko-valehtelee.xlsx', XLSX_TYPE);
    expect(result.lines).toHaveLength(4);
    expect(result.warnings).toEqual([]);
  });

  it('reports a zip that is not a workbook', async () => {
    const content = readFileSync(FIXTURES + 'tarjouspyynto.docx');
    const result = await readAttachment({ filename: 'lista.xlsx', contentType: XLSX_TYPE, content }, systemClock, DEFAULT_ATTACHMENT_LIMITS);
    expect(result.lines).toEqual([]);
    expect(result.warnings).toEqual(['lista.xlsx: not a valid XLSX file (it has no xl/workbook.xml)']);
  });
});

describe('PDF', () => {
  it('reads the text layer line by line, with a table row on one line and its columns TAB-separated', async () => {
    const content = readFileSync(FIXTURES + 'tarjouspyynto.pdf');
    const original = Buffer.from(content);
    const result = await readAttachment({ filename: 'tarjouspyynto.pdf', contentType: 'application/pdf', content }, systemClock, DEFAULT_ATTACHMENT_LIMITS);
    expect(result).toEqual({
      filename: 'tarjouspyynto.pdf',
      kind: 'pdf',
      lines: [
        'Tarjouspyyntö 2026-014',
        'Hyvä myyjä, pyydämme tarjousta seuraavista tuotteista.',
        ...ITEM_TABLE,
        // One text run with four spaces in it, which pdf.js places as two pieces with a gap.
        'Toimitus:\tviikko 12',
      ],
      warnings: [],
    });
    expect(content.equals(original)).toBe(true);
  });

  it('reads every page within the page limit', async () => {
    const result = await read('kaksi-sivua.pdf', 'application/pdf');
    expect(result.lines).toEqual(['Sivu 1: Kupariputki 15 mm', 'Sivu 2: Kulmayhde 15 mm']);
    expect(result.warnings).toEqual([]);
  });

  it('reads the first maxPdfPages pages and says so', async () => {
    const result = await read('kaksi-sivua.pdf', 'application/pdf', { maxPdfPages: 1 });
    expect(result.lines).toEqual(['Sivu 1: Kupariputki 15 mm']);
    expect(result.warnings).toEqual(['kaksi-sivua.pdf: 2 pages is over the 1-page limit; read the first 1 page']);
  });

  it('says when a PDF has no text layer', async () => {
    const result = await read('skannattu.pdf', 'application/pdf');
    expect(result.lines).toEqual([]);
    expect(result.warnings).toEqual(['skannattu.pdf: has no text layer (a scanned image?); nothing read']);
  });

  it('reports a truncated PDF', async () => {
    const result = await read('katkennut.pdf', 'application/pdf');
    expect(result).toEqual({
      filename: 'katkennut.pdf',
      kind: 'pdf',
      lines: [],
      warnings: ['katkennut.pdf: not a valid PDF file (Invalid PDF structure.)'],
    });
  });

  it('reports a password-protected PDF', async () => {
    const result = await read('salattu.pdf', 'application/pdf');
    expect(result.lines).toEqual([]);
    expect(result.warnings).toEqual(['salattu.pdf: password-protected; not read']);
  });
});

describe('DOCX', () => {
  it('reads paragraphs as lines, a table row on one line, and columns laid out with spaces or tab stops as TABs', async () => {
    const result = await read('tarjouspyynto.docx', DOCX_TYPE);
    expect(result).toEqual({
      filename: 'tarjouspyynto.docx',
      kind: 'docx',
      lines: [
        'Tarjouspyyntö 2026-015',
        'Pyydämme tarjousta & toimitusaikaa:',
        ...ITEM_TABLE,
        'Lisäksi:\tKP-22\tKupariputki 22 mm\t6 m',
        'Toimitus:\tviikko 12',
      ],
      warnings: [],
    });
  });
});

describe('size and time limits', () => {
  it('does not read an attachment over maxBytes', async () => {
    const content = Buffer.alloc(11 * MB);
    const result = await readAttachment({ filename: 'tilaus.xlsx', contentType: XLSX_TYPE, content }, systemClock, DEFAULT_ATTACHMENT_LIMITS);
    expect(result).toEqual({
      filename: 'tilaus.xlsx',
      kind: 'xlsx',
      lines: [],
      warnings: ['tilaus.xlsx: 11 MB is over the 10 MB attachment limit; not read'],
    });
  });

  it('stops reading at the time limit and keeps what it read', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `KP-${i};Kupariputki ${i} mm;${i},5`);
    const content = Buffer.from(['Koodi;Nimike;Määrä', ...rows].join('\n'));
    const limits = { ...DEFAULT_ATTACHMENT_LIMITS, maxRows: Infinity, timeoutMs: 1 };
    const result = await readAttachment({ filename: 'iso.csv', contentType: 'text/csv', content }, systemClock, limits);
    expect(result.lines.length).toBeLessThan(rows.length + 1);
    expect(result.warnings).toEqual([expect.stringMatching(/^iso\.csv: reading took longer than the 1 ms time limit; (kept the \d+ rows? read before that|nothing read)$/)]);
  });
});

describe('attachment kinds', () => {
  it('skips an image without a warning: it is mostly a signature logo', async () => {
    const result = await read('logo.png', 'image/png');
    expect(result).toEqual({ filename: 'logo.png', kind: 'unsupported', lines: [], warnings: [] });
  });

  it('skips an image known only by its content type without a warning', async () => {
    const content = readFileSync(FIXTURES + 'logo.png');
    const result = await readAttachment({ filename: 'image001', contentType: 'image/jpeg', content }, systemClock, DEFAULT_ATTACHMENT_LIMITS);
    expect(result).toEqual({ filename: 'image001', kind: 'unsupported', lines: [], warnings: [] });
  });

  it('names a document it does not read', async () => {
    const content = Buffer.from('PK\u0005\u0006');
    const zip = await readAttachment({ filename: 'liitteet.zip', contentType: 'application/zip', content }, systemClock, DEFAULT_ATTACHMENT_LIMITS);
    expect(zip).toEqual({
      filename: 'liitteet.zip',
      kind: 'unsupported',
      lines: [],
      warnings: ['liitteet.zip: .zip attachments are not read; only CSV, XLSX, PDF and DOCX are'],
    });
    const xls = await readAttachment({ filename: 'lista.XLS', contentType: 'application/vnd.ms-excel', content }, systemClock, DEFAULT_ATTACHMENT_LIMITS);
    expect(xls.warnings).toEqual(['lista.XLS: old Excel files (.xls) are not read; ask for .xlsx, CSV or PDF']);
  });

  it('goes by the content type when the name has no known extension', async () => {
    const content = readFileSync(FIXTURES + 'kaksi-sivua.pdf');
    const result = await readAttachment({ filename: 'tarjous', contentType: 'Application/PDF; name="tarjous"', content }, systemClock, DEFAULT_ATTACHMENT_LIMITS);
    expect(result.kind).toBe('pdf');
    expect(result.lines).toEqual(['Sivu 1: Kupariputki 15 mm', 'Sivu 2: Kulmayhde 15 mm']);
  });

  it('goes by the extension when a mail client sends a generic content type', async () => {
    const result = await read('nimikkeet.xlsx', 'application/octet-stream');
    expect(result.kind).toBe('xlsx');
    expect(result.lines).toHaveLength(4);
  });
});
