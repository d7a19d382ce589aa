import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Builds XLSX files by hand, down to the zip, for workbooks no spreadsheet program would write:
 * parts of hundreds of megabytes packed into a few hundred kilobytes, and zips that declare less
 * than they hold.
 */

/** `head`, then `piece` written `times` over, then `tail`: a part of any size, described and never built. */
export interface RepeatedText {
  head: string;
  piece: string;
  times: number;
  tail: string;
}

export interface WorkbookPart {
  name: string;
  text: string | RepeatedText;
  /** What the zip's directory says the part unpacks to; by default the truth. */
  declaredSize?: number;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** The parts every workbook needs besides its sheet and shared strings. */
const FRAME: WorkbookPart[] = [
  {
    name: '[Content_Types].xml',
    text:
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE}.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CONTENT_TYPE}.worksheet+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CONTENT_TYPE}.sharedStrings+xml"/></Types>`,
  },
  {
    name: '_rels/.rels',
    text: `<Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${OFFICE_RELATIONSHIP}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  },
  {
    name: 'xl/workbook.xml',
    text: `<workbook xmlns="${MAIN}" xmlns:r="${OFFICE_RELATIONSHIP}"><sheets><sheet name="Tuotteet" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    text:
      `<Relationships xmlns="${RELATIONSHIPS}">` +
      `<Relationship Id="rId1" Type="${OFFICE_RELATIONSHIP}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${OFFICE_RELATIONSHIP}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  },
];

const COLUMNS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A row of cells that refer to shared strings by index. */
export function sharedStringRow(row: number, indexes: number[]): string {
  return `<row r="${row}">${indexes.map((index, i) => `<c r="${COLUMNS[i]}${row}" t="s"><v>${index}</v></c>`).join('')}</row>`;
}

/** The first sheet: `rows`, then `repeated.row` written `repeated.times` over. */
export function sheet(rows: string[], repeated = { row: '', times: 0 }): WorkbookPart {
  const head = `<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}`;
  return { name: 'xl/worksheets/sheet1.xml', text: { head, piece: repeated.row, times: repeated.times, tail: '</sheetData></worksheet>' } };
}

/** The shared strings: `texts`, then `repeated.text` written `repeated.times` over. */
export function sharedStrings(texts: string[], repeated = { text: '', times: 0 }): WorkbookPart {
  const count = texts.length + repeated.times;
  const head = `<sst xmlns="${MAIN}" count="${count}" uniqueCount="${count}">${texts.map((t) => `<si><t>${t}</t></si>`).join('')}`;
  return { name: 'xl/sharedStrings.xml', text: { head, piece: `<si><t>${repeated.text}</t></si>`, times: repeated.times, tail: '</sst>' } };
}

/** About a megabyte of text at a time is packed once and its packed bytes repeated. */
const BLOCK_BYTES = 1024 * 1024;

/**
 * Deflate data that ends each block on a byte boundary (a sync flush) can be joined end to end,
 * so a long repetition is packed once and its packed bytes repeated.
 */
function packed(text: string | RepeatedText): { data: Buffer; size: number; crc: number } {
  const { head, piece, times, tail } = typeof text === 'string' ? { head: text, piece: '', times: 0, tail: '' } : text;
  const perBlock = piece ? Math.max(1, Math.floor(BLOCK_BYTES / Buffer.byteLength(piece))) : 1;
  const runs: Array<[Buffer, number]> = [
    [Buffer.from(head), 1],
    [Buffer.from(piece.repeat(perBlock)), Math.floor(times / perBlock)],
    [Buffer.from(piece.repeat(times % perBlock)), 1],
    [Buffer.from(tail), 1],
  ];
  const data: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for (const [bytes, count] of runs) {
    const block = deflateRawSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH });
    for (let i = 0; i < count; i++) {
      data.push(block);
      crc = crc32(bytes, crc);
    }
    size += bytes.length * count;
  }
  data.push(deflateRawSync(Buffer.alloc(0)));
  return { data: Buffer.concat(data), size, crc };
}

/** A zip of deflated parts, each with a local header, then the directory and its end record. */
function zip(parts: WorkbookPart[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, size, crc } = packed(part.text);
    const name = Buffer.from(part.name);
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(8, at); // deflated
      header.writeUInt32LE(crc, at + 6);
      header.writeUInt32LE(data.length, at + 10);
      header.writeUInt32LE(part.declaredSize ?? size, at + 14);
      header.writeUInt16LE(name.length, at + 18);
    };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    fields(header, 8);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    fields(entry, 10);
    entry.writeUInt32LE(offset, 42);
    local.push(header, name, data);
    central.push(entry, name);
    offset += header.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

/**
 * A workbook of one sheet. The workbook part comes first and the shared strings before the sheet,
 * as Excel writes them; exceljs's streaming reader can lose a workbook part stored last (exceljs#3064).
 */
export function workbook(strings: WorkbookPart, worksheet: WorkbookPart): Buffer {
  return zip([...FRAME, strings, worksheet]);
}
