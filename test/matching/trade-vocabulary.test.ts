import { describe, expect, it } from 'vitest';
import { toCatalogWords } from '../../src/matching/trade-vocabulary.js';

describe('toCatalogWords', () => {
  it.each([
    ['Hex bolt DIN 933 M12x50 8.8 hot dip galv.', 'kuusioruuvi DIN 933 M12x50 8.8 kuumasinkitty'],
    ['Threaded rod DIN 975 M12x1000 zinc plated', 'kierretanko DIN 975 M12x1000 sinkitty'],
    ['Kulventil DN20 3/4" inv/inv med spak', 'palloventtiili DN20 3/4" sk/sk vipukahva'],
    ['Kopparrör 15x1,0 hårt', 'kupariputki 15x1,0 kova'],
    ['Ball valve DN15 F/M lever', 'palloventtiili DN15 sk/uk vipukahva'],
    ['Jordfelsbrytare 40A 30mA 4-polig', 'vikavirtasuojakytkin 40A 30mA 4-polig'],
    ['Cable ties 7,6x280 black', 'nippuside 7,6x280 musta'],
    ['Flat washer M12 A4 DIN 125', 'aluslevy M12 A4 DIN 125'],
    ['Planbricka DIN 125 M8', 'aluslevy DIN 125 M8'],
    ['HT bend 110 87°', 'HT käyrä 110 87°'],
    ['mutter M12 varmförz.', 'kuusiomutteri M12 varmförz.'],
    ['Stainless press male adapter 28 x 1"', 'rst press ulkokierre 28 x 1"'],
    ['Copper press female adapter 15 x 1/2"', 'Copper press sisäkierre 15 x 1/2"'],
    ['Pipe clamps with rubber for 35 mm pipe, stainless A4', 'putkikannake kumilla for 35 mm , rst A4'],
    ['Rörklammer utan gummi för 28 mm rör', 'putkikannake ilman kumia för 28 mm '],
    ['Eurocone adapters for the 16x2.0 pipe', 'eurokartio adapters for the 16x2.0 '],
    ['100 st franska skruvar 10x100 varmförz.', '100 st kuusiopuuruuvi 10x100 varmförz.'],
    ['slätkupiga skruvar M10x150 med mutter', 'lukkopultti M10x150 mutterilla'],
    ['carriage bolt M12x120 HDG with nut', 'lukkopultti M12x120 kuumasinkitty mutterilla'],
    ['Underfloor heating manifold with flow meters 8 circuits', 'lattialämmitysjakotukki virtausmittarein 8 piiri'],
    ['Composite press straight coupling, PPSU 16-16', 'Composite press suora liitin, PPSU 16-16'],
  ])('%j → %j', (request, catalog) => {
    expect(toCatalogWords(request)).toBe(catalog);
  });

  it('reads thread ends in capitals, not millimetres', () => {
    expect(toCatalogWords('Ball valve 1" MM butterfly handle')).toBe('palloventtiili 1" uk/uk perhoskahva');
    expect(toCatalogWords('Ball valve 3/4" FF lever')).toBe('palloventtiili 3/4" sk/sk vipukahva');
    expect(toCatalogWords('Elbow 15 mm FM')).toBe('Elbow 15 mm sk/uk');
  });

  it('leaves a nut of a kind as it is: only one named by no kind is the hex nut', () => {
    expect(toCatalogWords('lukkomutteri M10')).toBe('lukkomutteri M10');
    expect(toCatalogWords('Coupling nut M12')).toBe('jatkomutteri M12');
    expect(toCatalogWords('copper press bend 22')).toBe('copper puristuskulma 22');
  });

  it('leaves Finnish catalog words and words that only contain a vocabulary word alone', () => {
    expect(toCatalogWords('Kupariputki 22x1,0 kova')).toBe('Kupariputki 22x1,0 kova');
    expect(toCatalogWords('Vitrine hardware, rakennus')).toBe('Vitrine hardware, rakennus');
  });
});
