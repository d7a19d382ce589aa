/** How much of one mail Offerflow reads; a limit that is reached is named in a warning or a failure. */
export interface MailLimits {
  /** The mail as it came, attachments included: a larger one is not read at all. */
  maxMailBytes: number;
  /** MIME parts (the text, the HTML, each attachment, nested forwards): a mail with more is not read. */
  maxMimeParts: number;
  /** Attachments read; the rest are named, not read. */
  maxAttachments: number;
  /** Requested lines of one mail; the rest are not read, and the run goes to review. */
  maxLines: number;
  /** A text line longer than this is no item line a person wrote; it is not read. */
  maxLineCharacters: number;
  /** A requested line's description is cut here. */
  maxDescriptionCharacters: number;
  /** Time that reading one mail may take in all. */
  timeBudgetMs: number;
}

const MB = 1024 * 1024;

export const DEFAULT_MAIL_LIMITS: Readonly<MailLimits> = {
  maxMailBytes: 50 * MB,
  maxMimeParts: 10_000,
  maxAttachments: 20,
  maxLines: 500,
  maxLineCharacters: 2_000,
  maxDescriptionCharacters: 200,
  timeBudgetMs: 20_000,
};
