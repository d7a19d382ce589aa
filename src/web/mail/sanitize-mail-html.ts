import sanitizeHtml from 'sanitize-html';
import type { InlinePart } from '../../email/parse-email.js';
import { sanitizedMarkup, type SafeHtml } from '../html.js';

export interface MailHtmlOptions {
  /** The mail's own parts, for its `cid:` images. */
  inline: readonly InlinePart[];
  /** Remote images are shown only when the user asked for them for this mail: loading one tells the sender the mail was read. */
  remoteImages: boolean;
  /** What stands in place of a remote image not loaded. */
  blockedImageLabel: string;
}

/** Images a browser decodes as pictures only; an SVG is a document of its own, so it is not shown from a data: URI either. */
const RASTER_IMAGE = /^image\/(?:png|jpeg|gif|webp|bmp)$/i;
const RASTER_DATA_URI = /^data:image\/(?:png|jpeg|gif|webp|bmp);base64,[a-z0-9+/=\s]+$/i;
const REMOTE = /^https?:\/\//i;
const LINK = /^(?:https?:\/\/|mailto:)/i;

/**
 * A style value made of words, numbers, colours, lengths and rgb()/hsl() only: no url(),
 * expression(), image-set(), var(), CSS escapes (a backslash can spell `url` in disguise) or
 * anything else that could load a resource or break out of the declaration.
 */
const PLAIN_VALUE = /^(?:[\w\s#.,%'"!-]|(?:rgba?|hsla?)\([\d\s.,%/]+\))+$/i;
const STYLE_PROPERTIES = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'text-align',
  'text-decoration',
  'vertical-align',
  'white-space',
  'line-height',
  'width',
  'height',
  'min-width',
  'max-width',
  'padding',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'margin',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'border',
  'border-top',
  'border-right',
  'border-bottom',
  'border-left',
  'border-color',
  'border-style',
  'border-width',
  'border-collapse',
];
const ALLOWED_STYLES = { '*': Object.fromEntries(STYLE_PROPERTIES.map((property) => [property, [PLAIN_VALUE]])) };

const CELL = ['colspan', 'rowspan', 'align', 'valign', 'width', 'height', 'bgcolor'];

/** Every part of the mail that could run, load or send something is dropped; text, tables and plain formatting stay. */
const BASE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'font', 'center'],
  allowedAttributes: {
    '*': ['style', 'dir', 'lang', 'title'],
    a: ['href', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    font: ['color', 'face', 'size'],
    table: ['border', 'cellpadding', 'cellspacing', 'width', 'align', 'bgcolor'],
    td: CELL,
    th: CELL,
    tr: ['align', 'valign', 'bgcolor'],
    col: ['span', 'width'],
    colgroup: ['span', 'width'],
    ol: ['start', 'type'],
  },
  allowedStyles: ALLOWED_STYLES,
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Their text is code or chrome, not what the customer wrote.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'xmp', 'title', 'noscript'],
  disallowedTagsMode: 'discard',
};

const dataUriOf = (part: InlinePart) => `data:${part.contentType.toLowerCase()};base64,${part.content.toString('base64')}`;

/** `cid:` by its Content-ID, which may be percent-encoded in the URL (RFC 2392). */
function inlineImage(src: string, inline: readonly InlinePart[]): string | null {
  const id = decodeURIComponentSafely(src.slice('cid:'.length));
  const part = inline.find((p) => p.contentId === id);
  return part && RASTER_IMAGE.test(part.contentType) ? dataUriOf(part) : null;
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Where an image's picture comes from, or null for none: the mail's own parts and data: URIs
 * always, a remote address only when asked for. The frame it is shown in has an opaque origin
 * and no session, so an inline part is carried in the document rather than fetched.
 */
function imageSource(src: string, options: MailHtmlOptions): string | 'remote' | null {
  const trimmed = src.trim();
  if (/^cid:/i.test(trimmed)) return inlineImage(trimmed, options.inline);
  if (RASTER_DATA_URI.test(trimmed)) return trimmed;
  if (REMOTE.test(trimmed)) return options.remoteImages ? trimmed : 'remote';
  return null;
}

function transformImage(options: MailHtmlOptions): sanitizeHtml.Transformer {
  return (_tagName, attribs) => {
    const source = imageSource(attribs.src ?? '', options);
    if (source === 'remote') return { tagName: 'span', attribs: { title: attribs.alt ?? '' }, text: `[${options.blockedImageLabel}]` };
    const kept = Object.fromEntries(Object.entries(attribs).filter(([name]) => name !== 'src'));
    return { tagName: 'img', attribs: source === null ? kept : { ...kept, src: source } };
  };
}

/**
 * A link keeps only an absolute web or mail address (no relative path into the workspace, no
 * javascript:), says where it goes, and opens apart from the workspace: a new window that
 * cannot reach back (noopener) and is not told where it was opened from (noreferrer).
 */
const transformLink: sanitizeHtml.Transformer = (_tagName, attribs) => {
  const href = (attribs.href ?? '').trim();
  const kept: sanitizeHtml.Attributes = LINK.test(href) ? { href, title: href, target: '_blank', rel: 'noopener noreferrer' } : {};
  return { tagName: 'a', attribs: kept };
};

/** The customer's HTML, safe to show in the workspace's sandboxed mail frame. Pure: the same mail and options give the same text. */
export function sanitizeMailHtml(html: string, options: MailHtmlOptions): SafeHtml {
  return sanitizedMarkup(
    sanitizeHtml(html, {
      ...BASE_OPTIONS,
      allowedSchemesByTag: { img: options.remoteImages ? ['data', 'http', 'https'] : ['data'] },
      transformTags: { img: transformImage(options), a: transformLink },
    }),
  );
}
