// A table of rows with a "CSV" button that downloads exactly what the table shows. Shared by the
// admin app and the owner's dashboard in the kitchen board. Cells are text only (see dom.js).

import { el } from './dom.js';

/**
 * columns: [{ label, value: (row) => any, text?: (row) => string }]; value is what the CSV gets
 * (raw numbers, minor units), text what the page shows (formatted). Answers a <figure> holding the
 * caption, the CSV button and the table.
 */
export function dataTable(caption, columns, rows, { file, empty = 'Nothing in this range.', id } = {}) {
  const text = (c, r) => String((c.text ? c.text(r) : c.value(r)) ?? '—');
  const table = el('table', { class: 'data' },
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c.label)))),
    el('tbody', {}, rows.length === 0
      ? el('tr', {}, el('td', { colspan: String(columns.length), class: 'empty' }, empty))
      : rows.map((r) => el('tr', {}, columns.map((c) => el('td', {}, text(c, r)))))));
  const download = el('button', { type: 'button', class: 'quiet csv', onclick: () => saveCsv(file || caption, columns, rows) },
    'CSV');
  return el('figure', { class: 'table-card', id },
    el('figcaption', {}, el('span', {}, caption), download), el('div', { class: 'table-scroll' }, table));
}

export function toCsv(columns, rows) {
  const cell = (v) => {
    const s = v === null || v === undefined ? '' : String(v);
    // quote what a spreadsheet would split or read as a formula
    const safe = /^[=+\-@]/.test(s) && isNaN(Number(s)) ? "'" + s : s;
    return /[",\n\r]/.test(safe) ? '"' + safe.replaceAll('"', '""') + '"' : safe;
  };
  return [columns.map((c) => cell(c.label)), ...rows.map((r) => columns.map((c) => cell(c.value(r))))]
    .map((line) => line.join(',')).join('\r\n') + '\r\n';
}

function saveCsv(name, columns, rows) {
  const blob = new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' });
  const link = el('a', { href: URL.createObjectURL(blob), download: name.toLowerCase().replace(/[^a-z0-9]+/g, '-') + '.csv' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
