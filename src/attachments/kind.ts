import { extname } from 'node:path';

export type ReadableKind = 'csv' | 'xlsx' | 'pdf' | 'docx';
export type AttachmentKind = ReadableKind | 'unsupported';

const BY_EXTENSION: Record<string, ReadableKind> = {
  '.csv': 'csv',
  '.xlsx': 'xlsx',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

const BY_CONTENT_TYPE: Record<string, ReadableKind> = {
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.bmp', '.tif', '.tiff', '.webp', '.heic', '.svg', '.emf', '.wmf']);

const OLD_OFFICE_FORMATS: Record<string, string> = {
  '.xls': 'old Excel files (.xls) are not read; ask for .xlsx, CSV or PDF',
  '.doc': 'old Word files (.doc) are not read; ask for .docx or PDF',
};

function extensionOf(filename: string): string {
  return extname(filename).toLowerCase();
}

/** "application/pdf; name=x.pdf" and "Application/PDF" are both application/pdf. */
function mediaType(contentType: string): string {
  return contentType.replace(/;.*$/s, '').trim().toLowerCase();
}

/** The extension decides when it is known, because mail clients often send documents as application/octet-stream. */
export function attachmentKind(filename: string, contentType: string): AttachmentKind {
  return BY_EXTENSION[extensionOf(filename)] ?? BY_CONTENT_TYPE[mediaType(contentType)] ?? 'unsupported';
}

/** Why an unsupported attachment is not read; none for images, which are mostly signature logos. */
export function unsupportedReason(filename: string, contentType: string): string | undefined {
  const extension = extensionOf(filename);
  const type = mediaType(contentType);
  if (IMAGE_EXTENSIONS.has(extension) || type.startsWith('image/')) return undefined;
  const what = extension || type || 'untyped';
  return OLD_OFFICE_FORMATS[extension] ?? `${what} attachments are not read; only CSV, XLSX, PDF and DOCX are`;
}
