import he from 'he';
import { Tokenizer } from 'htmlparser2';

/** What a reader of HTML that keeps no tree hears: text between two tags, and each tag. */
interface HtmlEvents {
  /** As written: entities not decoded, spaces not collapsed. */
  text(raw: string): void;
  open(name: string): void;
  close(name: string): void;
  /** A comment, declaration or processing instruction: no text, but it parts the text around it. */
  aside?(): void;
}

/**
 * Reads HTML as one flat stream of tags and text with htmlparser2's tokenizer, which reads each
 * character once, whatever tags are left open. Its Parser is not used: on every tag it searches
 * and shifts its stack of open elements, so a mail of many unclosed tags takes quadratic time.
 */
function readHtml(html: string, events: HtmlEvents): void {
  let text = '';
  let tag = '';
  const flush = () => {
    if (text) events.text(text);
    text = '';
  };
  const aside = () => {
    flush();
    events.aside?.();
  };
  const ignore = () => undefined;
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      ontext: (start, end) => {
        text += html.slice(start, end);
      },
      onopentagname: (start, end) => {
        flush();
        tag = html.slice(start, end).toLowerCase();
      },
      onopentagend: () => events.open(tag),
      onselfclosingtag: () => events.open(tag),
      onclosetag: (start, end) => {
        flush();
        events.close(html.slice(start, end).toLowerCase());
      },
      oncomment: aside,
      oncdata: aside,
      ondeclaration: aside,
      onprocessinginstruction: aside,
      onend: flush,
      ontextentity: ignore,
      onattribname: ignore,
      onattribdata: ignore,
      onattribentity: ignore,
      onattribend: ignore,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
}

/** Spaces collapse within the text between two tags, before entities are decoded: "&nbsp;&nbsp;" stays two spaces. */
function readable(raw: string): string {
  return he.decode(raw.replace(/\s+/g, ' ')).replace(/\u00a0/g, ' ').replace(QUOTE_MARKS, '');
}

/** Where a <blockquote> opens and closes in the text being built; never left in what it returns. */
const QUOTE_OPEN = '\ue000';
const QUOTE_CLOSE = '\ue001';
const QUOTE_MARKS = /[\ue000\ue001]/g;

/**
 * A quoted earlier message (a <blockquote>, as Gmail, Apple Mail and Thunderbird send one) as
 * plain-text mail writes it, each line after "> ": so that text written below the quote is
 * still told apart from it.
 */
function quoted(text: string): string {
  let depth = 0;
  return text
    .split('\n')
    .map((line) => {
      const marks = line.match(QUOTE_MARKS) ?? [];
      const before = depth;
      for (const mark of marks) depth = Math.max(0, depth + (mark === QUOTE_OPEN ? 1 : -1));
      const clean = line.replace(QUOTE_MARKS, '');
      const level = Math.max(before, depth);
      return level > 0 && clean.trim() ? `${'> '.repeat(level)}${clean}` : clean;
    })
    .join('\n');
}

const SKIPPED = new Set(['script', 'style', 'head']);
/** Within a cell these only separate words: Outlook wraps each cell's text in a paragraph of its own. */
const CELL_BREAKS = new Set(['p', 'div', 'br', 'span']);
const BLOCK_ENDS = new Set(['p', 'div', 'tr', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const isCell = (name: string) => name === 'td' || name === 'th';

/**
 * Turns HTML mail into text that keeps table rows as lines and cells as tab-separated values.
 * Paragraphs, breaks, list items and headings end lines, <pre> keeps its line breaks; scripts,
 * styles and the head are dropped (a head left open ends where the body starts).
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipping: string | null = null;
  let cell: string | null = null;
  let inPre = false;
  // Text on both sides of a dropped element is one text: the spaces around a <script> collapse into one.
  let text = '';
  const lineBreak = () => out.push(cell ? ' ' : '\n');
  const flush = () => {
    (inPre ? text.split(/\r?\n/) : [text]).forEach((line, i) => {
      if (i > 0) lineBreak();
      out.push(readable(line));
    });
    text = '';
  };
  readHtml(html, {
    text(raw) {
      if (!skipping) text += raw;
    },
    open(name) {
      if (skipping) {
        if (skipping === 'head' && name === 'body') skipping = null;
        return;
      }
      if (SKIPPED.has(name)) {
        skipping = name;
        return;
      }
      flush();
      if (isCell(name)) cell ??= name;
      else if (name === 'pre') inPre = true;
      if (cell && CELL_BREAKS.has(name)) out.push(' ');
      else if (name === 'br') out.push('\n');
      else if (name === 'blockquote') out.push(`\n${QUOTE_OPEN}`);
    },
    close(name) {
      if (skipping) {
        if (name === skipping) skipping = null;
        return;
      }
      flush();
      if (name === cell) {
        out.push('\t');
        cell = null;
      } else if (cell && CELL_BREAKS.has(name)) out.push(' ');
      else if (BLOCK_ENDS.has(name)) out.push('\n');
      else if (name === 'blockquote') out.push(`${QUOTE_CLOSE}\n`);
      if (name === 'pre') inPre = false;
    },
    aside() {
      if (!skipping) flush();
    },
  });
  flush();
  // Each run of spaces is matched from its first space only: from every one, a long run would be scanned again each time.
  return quoted(out.join(''))
    .replace(/(?<! ) +(?=\t)|(?<=\t) +/g, '')
    .replace(/(?<![ \t])[ \t]+(?=\n)|(?<=\n)[ \t]+/g, '')
    .replace(/^ +/, '');
}

/** A header row of a forwarded mail ("Aihe: | …") is not item data. */
function isDataRow(cells: string[]): boolean {
  return cells.filter(Boolean).length >= 2 && !(cells[0] ?? '').endsWith(':');
}

/** A real table: two rows or more with two filled cells each, whose rows a plain-text part loses. */
export function hasDataTable(html: string): boolean {
  let dataRows = 0;
  let row: string[] | null = null;
  let cell: string | null = null;
  readHtml(html, {
    text(raw) {
      if (cell !== null) cell += raw;
    },
    open(name) {
      if (name === 'tr') row ??= [];
      else if (row && cell === null && isCell(name)) cell = '';
    },
    close(name) {
      if (row && cell !== null && isCell(name)) {
        row.push(cell.trim());
        cell = null;
      } else if (row && name === 'tr') {
        if (isDataRow(row)) dataRows += 1;
        row = null;
        cell = null;
      }
    },
  });
  return dataRows >= 2;
}
