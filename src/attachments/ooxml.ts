import { AttachmentProblem } from './line-sink.js';
import { checkedZipEntries, InvalidZip, ZipTooLarge } from './zip.js';

const COMPOUND_FILE_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

export interface OoxmlFormat {
  name: 'XLSX' | 'DOCX';
  /** The part every file of the format has, and its reader needs. */
  mainPart: string;
}

/**
 * Office saves a password-protected XLSX or DOCX not as a zip but as an OLE compound file holding
 * an EncryptedPackage stream; a compound file without one is an old .xls or .doc renamed.
 */
function compoundFileProblem(content: Buffer, format: OoxmlFormat): AttachmentProblem {
  if (content.includes(ENCRYPTED_PACKAGE)) return new AttachmentProblem('password-protected; not read');
  return new AttachmentProblem(`not a valid ${format.name} file (an old binary Office file renamed)`);
}

/** XLSX and DOCX are zips of XML parts: refuses what is encrypted, broken, a zip bomb or another kind of zip. */
export async function checkOoxml(content: Buffer, format: OoxmlFormat, maxDecompressedBytes: number): Promise<void> {
  if (content.subarray(0, COMPOUND_FILE_MAGIC.length).equals(COMPOUND_FILE_MAGIC)) throw compoundFileProblem(content, format);
  let names: string[];
  try {
    names = await checkedZipEntries(content, { bytes: maxDecompressedBytes, name: 'unpacked-size limit' });
  } catch (error) {
    if (error instanceof InvalidZip) throw new AttachmentProblem(`not a valid ${format.name} file (${error.message})`);
    if (error instanceof ZipTooLarge) throw new AttachmentProblem(`${error.message}; not read`);
    throw error;
  }
  if (!names.includes(format.mainPart)) throw new AttachmentProblem(`not a valid ${format.name} file (it has no ${format.mainPart})`);
}
