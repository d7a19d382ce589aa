import { DomUtils, parseDocument } from 'htmlparser2';

/** htmlparser2's element, named through htmlparser2 itself, which does not export the type. */
type Element = Parameters<typeof DomUtils.getAttributeValue>[0];

/**
 * Just enough XML for the documents this adapter writes and reads back. Written by hand rather than
 * with a library: the documents are small trees of known elements, and a few lines of escaping are
 * less to trust than a builder the project does not otherwise need. Read back with htmlparser2,
 * which the project already parses mail with.
 */
export interface XmlNode {
  name: string;
  attributes?: Record<string, string>;
  content: string | XmlNode[];
}

/** An element; children given as null (an optional part left out) are dropped. */
export function el(name: string, content: string | (XmlNode | null)[], attributes?: Record<string, string>): XmlNode {
  return { name, content: typeof content === 'string' ? content : content.filter((c): c is XmlNode => c !== null), ...(attributes ? { attributes } : {}) };
}

/** XML 1.0's `Char`: what a document can hold at all, not even as a reference otherwise. */
function isXmlCharacter(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function xmlCharacters(text: string): string {
  let kept = '';
  for (const character of text) kept += isXmlCharacter(character.codePointAt(0)!) ? character : '\ufffd';
  return kept;
}

/**
 * `\r` is written as a reference because a parser turns a literal one into `\n`. A character XML
 * cannot hold (a control character pasted into a mail) becomes U+FFFD, visibly, rather than
 * making the whole document one the ERP's import refuses.
 */
function escape(text: string): string {
  return xmlCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

function render(node: XmlNode, indent: string): string {
  const attributes = Object.entries(node.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escape(value)}"`)
    .join('');
  if (typeof node.content === 'string') return `${indent}<${node.name}${attributes}>${escape(node.content)}</${node.name}>\n`;
  const children = node.content.map((child) => render(child, `${indent}  `)).join('');
  return `${indent}<${node.name}${attributes}>\n${children}${indent}</${node.name}>\n`;
}

export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, '')}`;
}

export class XmlReadError extends Error {
  override name = 'XmlReadError';
}

/** The root element of a document. */
export type XmlElement = Element;

export function parseXml(text: string): Element {
  const root = DomUtils.getChildren(parseDocument(text, { xmlMode: true })).find(DomUtils.isTag);
  if (!root) throw new XmlReadError('has no root element');
  return root;
}

/** The child elements of `parent` named `name`. */
export function childrenNamed(parent: Element, name: string): Element[] {
  return DomUtils.getChildren(parent).filter((c): c is Element => DomUtils.isTag(c) && c.name === name);
}

/** The element at `path` below `parent`, each step the first child of that name; null where one is missing. */
export function at(parent: Element, ...path: string[]): Element | null {
  let current: Element | null = parent;
  for (const name of path) current = current ? (childrenNamed(current, name)[0] ?? null) : null;
  return current;
}

export function textAt(parent: Element, ...path: string[]): string | null {
  const found = at(parent, ...path);
  return found ? DomUtils.textContent(found) : null;
}

export function requiredText(parent: Element, ...path: string[]): string {
  const text = textAt(parent, ...path);
  if (text === null) throw new XmlReadError(`has no ${path.join('/')}`);
  return text;
}
