import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/email/html-text.js';

function linesOf(text: string): string[] {
  return text.split('\n').map((l) => l.trim());
}

describe('htmlToText', () => {
  it.each([
    ['header cells', '<table><tr><th>Tuote</th><th>Määrä</th></tr></table>', 'Tuote\tMäärä'],
    ['a break inside a cell', '<table><tr><td><p class=MsoNormal>Kupariputki<br>22x1,0 kova</p></td><td>60</td></tr></table>', 'Kupariputki 22x1,0 kova\t60'],
    ['several paragraphs in a cell', '<table><tr><td><p>Palloventtiili</p><p>DN20</p></td><td><p>6</p></td><td><p>kpl</p></td></tr></table>', 'Palloventtiili DN20\t6\tkpl'],
    ['upper-case tags', '<TABLE><TR><TD>Tulppa R15</TD><TD>4</TD></TR></TABLE>', 'Tulppa R15\t4'],
  ])('keeps a row on one line: %s', (_case, html, row) => {
    expect(linesOf(htmlToText(html).replace(/ {2,}/g, ' '))).toContain(row);
  });

  it('puts paragraphs, breaks and list items on lines of their own', () => {
    const text = htmlToText('<div>Hei,</div><p>tarvitsen:</p><ul><li>Puristusmuhvi 15 mm 20 kpl</li><li>Tulppa 2 kpl</li></ul>Terveisin<br>Pia');
    expect(linesOf(text).filter(Boolean)).toEqual(['Hei,', 'tarvitsen:', 'Puristusmuhvi 15 mm 20 kpl', 'Tulppa 2 kpl', 'Terveisin', 'Pia']);
  });

  it('decodes the common entities', () => {
    expect(htmlToText('<p>Rör &amp; Värme&nbsp;Ab &lt;DN15&gt; 1/2&quot; M&#228;&#228;r&#228;</p>').trim()).toBe('Rör & Värme Ab <DN15> 1/2" Määrä');
  });

  it('drops styles and scripts entirely', () => {
    const text = htmlToText('<html><head><title>x</title></head><style>p{color:red}</style><script>alert(1)</script><p>Kupariputki 15 m</p></html>');
    expect(text.trim()).toBe('Kupariputki 15 m');
  });

  it('keeps the line breaks of <pre>', () => {
    expect(linesOf(htmlToText('<pre>Tulppa R15  4 kpl\r\nMuhvi 15 mm  2 kpl</pre>'))).toEqual(['Tulppa R15 4 kpl', 'Muhvi 15 mm 2 kpl']);
  });

  it('reads a head left open as ending where the body starts', () => {
    expect(htmlToText('<html><head><title>Tarjous</title><body><p>Kupariputki 15 m</p></body></html>').trim()).toBe('Kupariputki 15 m');
  });
});
