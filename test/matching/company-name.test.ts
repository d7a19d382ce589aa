import { describe, expect, it } from 'vitest';
import { companyNameSimilarity, companyNameWords } from '../../src/matching/company-name.js';

describe('companyNameSimilarity', () => {
  it.each([
    ['LVI Asennus Korhonen', 'LVI-Asennus Korhonen Oy'],
    ['Putkityo Virtanen Oy', 'Putkityö Virtanen Oy'],
    ['Rör och Värme Lindqvist', 'Rör & Värme Lindqvist Ab'],
    ['NORDIC FACILITY SERVICES OY', 'Nordic Facility Services Oy'],
    ['Nordic Facilty Services', 'Nordic Facility Services Oy'],
  ])('takes %j for %j', (written, customer) => {
    expect(companyNameSimilarity(written, customer)).toBeGreaterThanOrEqual(0.85);
  });

  it.each([
    ['Virtanen Oy', 'Putkityö Virtanen Oy'],
    ['Korhonen Oy', 'LVI-Asennus Korhonen Oy'],
    ['Sähkö-Nieminen Oy', 'Sähkö-Niemi Oy'],
    ['Oy', 'Putki Oy'],
  ])('does not take %j for %j', (written, customer) => {
    expect(companyNameSimilarity(written, customer)).toBeLessThan(0.85);
  });

  it('leaves out legal forms, punctuation and joining words', () => {
    expect(companyNameWords('Rör & Värme Lindqvist Ab')).toEqual(['ror', 'varme', 'lindqvist']);
    expect(companyNameWords('Turun Talotekniikka Oy – Åbo Husteknik Ab')).toEqual(['turun', 'talotekniikka', 'abo', 'husteknik']);
  });
});
