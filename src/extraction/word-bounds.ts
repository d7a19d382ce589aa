/** A word's start and end that know ä, ö and å, for patterns built as strings (`\b` knows only ASCII letters). */
export const WORD_START = String.raw`(?<![\p{L}\d])`;
export const WORD_END = String.raw`(?![\p{L}\d])`;
