/**
 * The document uses the PDF standard fonts, which every reader has and which need no font file
 * shipped; they write WinAnsi (Latin-1 and cp1252's extras: €, quotes, dashes, Š, Ž, Œ…), which
 * covers Finnish, Swedish and English. A character outside it (a customer's name in Polish, an
 * emoji) would print as garbage, so it becomes its base letter where it has one, else "?".
 */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Letters that are not a base letter with a mark, so that taking the mark off does not reach them. */
const BASE_LETTERS: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't' };

function winAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.has(char);
}

export function printable(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(/\u2212/g, '-').replace(/[\u2009\u202f]/g, '\u00a0').replace(/[\t\r\n]+/g, ' ')) {
    if (winAnsi(char)) out += char;
    else {
      const base = BASE_LETTERS[char] ?? char.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length > 0 && [...base].every(winAnsi) ? base : '?';
    }
  }
  return out;
}
