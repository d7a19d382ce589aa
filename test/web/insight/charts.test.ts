import { describe, expect, it } from 'vitest';
import { barChart, columnChart } from '../../../src/web/insight/charts.js';

const heights = (markup: string) => [...markup.matchAll(/<rect class="bar" [^>]*height="([\d.]+)"/g)].map((m) => Number(m[1]));
const widths = (markup: string) => [...markup.matchAll(/<rect class="bar" [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));

describe('the insight charts', () => {
  it('draw columns in proportion to the highest, leaving a week without a value empty', () => {
    const { html } = columnChart({ id: 'c', title: 'Requests', desc: 'Weeks' }, [2, null, 4, 0, 1]);

    expect(heights(html)).toEqual([50, 100, 25]);
    expect(html).toContain('aria-labelledby="c-title c-desc"');
    expect(html).toContain('<title id="c-title">Requests</title>');
  });

  it('fit a year of weeks in the width of a month', () => {
    const month = columnChart({ id: 'm', title: 't', desc: 'd' }, [1, 1, 1, 1]).html;
    const year = columnChart({ id: 'y', title: 't', desc: 'd' }, Array.from({ length: 53 }, () => 1)).html;

    expect(/viewBox="([^"]+)"/.exec(year)![1]).toBe(/viewBox="([^"]+)"/.exec(month)![1]);
  });

  it('draw bars with their labels and values, escaping every text', () => {
    const { html } = barChart({ id: 'b', title: 'Causes <all>', desc: 'a & b' }, [
      { label: 'no <product>', value: 4 },
      { label: 'no customer', value: 1 },
    ]);

    expect(widths(html)).toEqual([200, 50]);
    expect(html).toContain('>no &lt;product&gt;</text>');
    expect(html).toContain('<title id="b-title">Causes &lt;all&gt;</title>');
    expect(html).toContain('<desc id="b-desc">a &amp; b</desc>');
  });
});
