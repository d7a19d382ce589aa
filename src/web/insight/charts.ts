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

const COLUMN_WIDTH = 12;
const COLUMN_GAP = 3;
const COLUMNS_HEIGHT = 100;

function image(text: ChartText, width: number, height: number, marks: SafeHtml[]): SafeHtml {
  return html`<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" aria-labelledby="${text.id}-title ${text.id}-desc" xmlns="http://www.w3.org/2000/svg">
    <title id="${text.id}-title">${text.title}</title>
    <desc id="${text.id}-desc">${text.desc}</desc>
    ${marks}
  </svg>`;
}

const scale = (value: number, max: number, room: number) => (max > 0 ? Math.round((value / max) * room * 10) / 10 : 0);

/** One column per value, left to right; a missing value leaves its place empty. */
export function columnChart(text: ChartText, values: readonly (number | null)[]): SafeHtml {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  const width = values.length * (COLUMN_WIDTH + COLUMN_GAP);
  const columns = values.map((value, i) => {
    if (!value) return html``;
    const height = scale(value, max, COLUMNS_HEIGHT);
    return html`<rect class="bar" x="${i * (COLUMN_WIDTH + COLUMN_GAP)}" y="${COLUMNS_HEIGHT - height}" width="${COLUMN_WIDTH}" height="${height}"></rect>`;
  });
  return image(text, width, COLUMNS_HEIGHT + 1, [...columns, html`<line class="axis" x1="0" y1="${COLUMNS_HEIGHT + 0.5}" x2="${width}" y2="${COLUMNS_HEIGHT + 0.5}"></line>`]);
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
  return image(text, LABEL_WIDTH + BAR_ROOM + VALUE_ROOM, rows.length * ROW_HEIGHT, bars);
}
