import { html, type SafeHtml } from '../html.js';

/**
 * Charts drawn on the server as inline SVG: no script and no chart library, attributes only
 * (the CSP forbids inline style). Each is one image to a screen reader, named by its title and
 * described by its desc; the page shows the same numbers in a table beside it.
 */
export interface ChartText {
  /** Unique on the page: the title's and desc's ids hang from it. */
  id: string;
  title: string;
  desc: string;
}

/** Columns share one width however many weeks there are, so a year's chart is as tall as a month's. */
const COLUMNS_WIDTH = 300;
const COLUMNS_HEIGHT = 100;
const COLUMN_FILL = 0.8;

function image(kind: 'columns' | 'bars', text: ChartText, width: number, height: number, marks: SafeHtml[]): SafeHtml {
  return html`<svg class="chart ${kind}" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-labelledby="${text.id}-title ${text.id}-desc" xmlns="http://www.w3.org/2000/svg">
    <title id="${text.id}-title">${text.title}</title>
    <desc id="${text.id}-desc">${text.desc}</desc>
    ${marks}
  </svg>`;
}

/** Tenths of a unit: sharp enough on any screen, and the markup stays short. */
const round = (n: number) => Math.round(n * 10) / 10;
const scale = (value: number, max: number, room: number) => (max > 0 ? round((value / max) * room) : 0);

/** One column per value, left to right; a missing value leaves its place empty. */
export function columnChart(text: ChartText, values: readonly (number | null)[]): SafeHtml {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  const step = COLUMNS_WIDTH / Math.max(1, values.length);
  const columns = values.map((value, i) => {
    if (!value) return html``;
    const height = scale(value, max, COLUMNS_HEIGHT);
    return html`<rect class="bar" x="${round(i * step)}" y="${round(COLUMNS_HEIGHT - height)}" width="${round(step * COLUMN_FILL)}" height="${height}"></rect>`;
  });
  const axis = html`<line class="axis" x1="0" y1="${COLUMNS_HEIGHT + 0.5}" x2="${COLUMNS_WIDTH}" y2="${COLUMNS_HEIGHT + 0.5}"></line>`;
  return image('columns', text, COLUMNS_WIDTH, COLUMNS_HEIGHT + 1, [...columns, axis]);
}

const ROW_HEIGHT = 22;
const LABEL_WIDTH = 230;
const BAR_ROOM = 200;
const VALUE_ROOM = 40;

/** One bar per row, its label before it and its value after it. */
export function barChart(text: ChartText, rows: readonly { label: string; value: number }[]): SafeHtml {
  const max = Math.max(0, ...rows.map((r) => r.value));
  const bars = rows.map((row, i) => {
    const y = i * ROW_HEIGHT;
    const width = scale(row.value, max, BAR_ROOM);
    return html`<text x="${LABEL_WIDTH - 6}" y="${y + 15}" text-anchor="end">${row.label}</text>
      <rect class="bar" x="${LABEL_WIDTH}" y="${y + 3}" width="${width}" height="${ROW_HEIGHT - 6}"></rect>
      <text x="${LABEL_WIDTH + width + 4}" y="${y + 15}">${row.value}</text>`;
  });
  return image('bars', text, LABEL_WIDTH + BAR_ROOM + VALUE_ROOM, rows.length * ROW_HEIGHT, bars);
}
