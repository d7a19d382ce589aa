import { describe, expect, it } from 'vitest';
import { extractLineItems } from '../../src/extraction/line-items.js';
import { unreadListLines } from '../../src/extraction/unread-lines.js';

const unread = (body: string) => unreadListLines(body, extractLineItems(body));

describe('unreadListLines', () => {
  it('names the entries of a list that no rule could read', () => {
    const body = ['Hello,', '', 'KG pipe DN110 3m orange - 20 pcs', 'HT bend 110 87° (grey, inside) 6', '- HT cleaning eye 110, two of them', '', 'Thanks'].join('\n');
    expect(unread(body)).toEqual(['HT bend 110 87° (grey, inside) 6', '- HT cleaning eye 110, two of them']);
    expect(unread(['Palloventtiili DN20 - 5 kpl', 'Kupariputki 15x1,0 kova 10 m punainen'].join('\n'))).toEqual(['Kupariputki 15x1,0 kova 10 m punainen']);
  });

  it('leaves prose, form fields and contact lines alone', () => {
    const body = ['Palloventtiili DN20 - 5 kpl', 'Toimitus viikolla 45.', 'Date: 10.11.2026', 'Phone\t+358 40 515 0923', 'puh. 040 123 4567'].join('\n');
    expect(unread(body)).toEqual([]);
  });

  it('leaves a cover sheet\'s fields and a heading that introduces items alone', () => {
    const sheet = ['Y-tunnus\t2912926-2', 'Osoite\tAhjokatu 6, 40630 Jyväskylä', 'H-LVI-001\tKupariputki kova\t15x1,0\t60\tm'].join('\n');
    expect(unread(sheet)).toEqual([]);
    expect(unread(['Piha on KG 160:', 'KG-putki 160x3000   8 kpl'].join('\n'))).toEqual([]);
  });

  it('counts a row as read when its items were retold in pieces', () => {
    const body = ['kuusiopuuruuvi 10x100 kuumasinkitty  150 kpl', 'lukkopultti M12x150 kuumasinkitty  40 kpl + mutterit niihin (kuumasinkitty M12) 40 kpl'].join('\n');
    expect(unread(body)).toEqual([]);
  });

  it('looks only at the paragraphs that hold read items', () => {
    expect(unread(['Palloventtiili DN20 - 5 kpl', '', 'Kohde 12 / rappu B 3'].join('\n'))).toEqual([]);
    expect(unread('Tilaus 12345 koskien kohdetta 7')).toEqual([]);
  });
});
