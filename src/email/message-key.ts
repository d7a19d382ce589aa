import { createHash } from 'node:crypto';

/**
 * The Message-ID from the header block alone, without parsing the body: it keys the run before
 * any step has run. Mail without one is keyed by its content hash, so the same file is still
 * recognised when it comes again.
 */
export function messageKeyOf(raw: Buffer): string {
  // The rest of the line, then trimmed: a lazy match up to `\s*$` would scan a long run of spaces from each of them.
  const id = /^message-id:\s*(\S.*)$/im.exec(headerBlockOf(raw))?.[1]?.trimEnd();
  return id ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}

/** The header lines, unfolded, without reading the body. */
function headerBlockOf(raw: Buffer): string {
  const ends = [raw.indexOf('\r\n\r\n'), raw.indexOf('\n\n')].filter((i) => i >= 0);
  const headerEnd = ends.length ? Math.min(...ends) : -1;
  return raw.subarray(0, headerEnd >= 0 ? headerEnd : raw.length).toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
}

/**
 * The Message-IDs of the thread a mail answers (In-Reply-To and References), from its header
 * block alone: deciding whether a mail answers one of ours must cost no more than keying it.
 */
export function threadIdsOf(raw: Buffer): string[] {
  const ids: string[] = [];
  for (const line of headerBlockOf(raw).split(/\r?\n/)) {
    if (/^(in-reply-to|references):/i.test(line)) ids.push(...(line.match(/<[^<>\s]{1,998}>/g) ?? []));
  }
  return [...new Set(ids)];
}
