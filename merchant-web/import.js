// Menu import: the owner picks a JSON (MENU-FORMAT.md) or CSV (docs/menu-csv.md) file, the server
// checks it without storing (POST .../menu/preview), the owner sees what would change, then confirms
// (PUT .../menu). Everything from the file or the server is shown as text, never as HTML.

import { api, merchantPath } from './api.js';
import { $, el } from './dom.js';
import { money } from './money.js';

const MAX_BYTES = 1024 * 1024;

let pending = null; // { name, text, contentType }
let onImported = () => {};

export function wireImport(imported) {
  onImported = imported;
  $('#import-file').addEventListener('change', () => pick($('#import-file').files[0]));
}

export function resetImport() {
  pending = null;
  $('#import-file').value = '';
  $('#import-result').replaceChildren();
}

function contentTypeOf(name, text) {
  if (/\.csv$/i.test(name)) return 'text/csv';
  if (/\.json$/i.test(name)) return 'application/json';
  return text.trimStart().startsWith('{') ? 'application/json' : 'text/csv';
}

async function pick(file) {
  pending = null;
  if (!file) { $('#import-result').replaceChildren(); return; }
  if (file.size > MAX_BYTES) { showProblems(file.name, 'The file is larger than 1 MB.', []); return; }
  const text = await file.text();
  const contentType = contentTypeOf(file.name, text);
  if (contentType === 'application/json') {
    try { JSON.parse(text); } catch (e) { showProblems(file.name, 'This is not valid JSON: ' + e.message, []); return; }
  }
  showBusy('Checking ' + file.name + '…');
  try {
    const preview = await api('POST', merchantPath('/menu/preview'), text, contentType);
    pending = { name: file.name, text, contentType };
    showPreview(file.name, preview, await currentMenu());
  } catch (error) {
    if (error.message !== 'unauthorized') refused(file.name, error);
  }
}

async function currentMenu() {
  try { return (await api('GET', merchantPath('/menu'))).menu; } catch (e) { return null; }
}

async function commit() {
  if (!pending) return;
  const { name, text, contentType } = pending;
  showBusy('Importing ' + name + '…');
  try {
    const stored = await api('PUT', merchantPath('/menu'), text, contentType);
    resetImport();
    const count = stored.menu.categories.reduce((sum, c) => sum + c.items.length, 0);
    onImported('Menu imported from ' + name + ': ' + count + ' items.');
  } catch (error) {
    pending = null;
    if (error.message !== 'unauthorized') refused(name, error);
  }
}

function refused(name, error) {
  const summary = error.status === 400 ? 'This menu was not imported. Fix the file and choose it again; the current menu is unchanged.'
    : error.status === 403 ? 'Only the owner can import a menu.'
      : 'Could not check the file: ' + error.message;
  showProblems(name, summary, error.status === 400 ? error.problems : [], error.status === 400 ? error.message : null);
}

function showBusy(message) {
  $('#import-result').replaceChildren(el('p', { role: 'status' }, message));
}

function showProblems(name, summary, problems, detail) {
  $('#import-result').replaceChildren(el('div', { class: 'import-errors', role: 'alert' },
    el('h3', {}, name + ': ' + (problems.length ? problems.length + (problems.length === 1 ? ' problem' : ' problems') : 'not imported')),
    el('p', {}, summary),
    !problems.length && detail ? el('p', { class: 'problem-detail' }, detail) : null,
    problems.length ? el('ul', { class: 'problems', 'aria-label': 'Problems in ' + name }, problems.map((p) =>
      el('li', {}, el('code', { class: 'problem-path' }, p.path || '(whole file)'), el('span', { class: 'problem-reason' }, p.reason)))) : null));
}

function showPreview(name, preview, current) {
  const { menu } = preview;
  const categories = menu.categories.map((c) => c.name + ' (' + c.items.length + ')').join(', ');
  $('#import-result').replaceChildren(el('div', { class: 'import-preview' },
    el('h3', {}, name + ' is ready to import'),
    el('dl', { class: 'detail-grid', 'aria-label': 'What the file holds' },
      el('dt', {}, 'Categories'), el('dd', { 'data-field': 'categories' }, String(preview.categories)),
      el('dt', {}, 'Items'), el('dd', { 'data-field': 'items' }, String(preview.items)),
      el('dt', {}, 'Options'), el('dd', { 'data-field': 'options' }, String(preview.options)),
      el('dt', {}, 'Currency'), el('dd', {}, menu.currency || '—')),
    el('p', { class: 'preview-categories' }, categories),
    changes(current, menu),
    el('p', {}, 'Importing replaces the whole menu. Customers see it from their next message.'),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'big primary', onclick: commit }, 'Replace the menu'),
      el('button', { type: 'button', class: 'big quiet', onclick: resetImport }, 'Cancel import'))));
}

/** What the merchant most needs to notice: dishes that would vanish and prices that would move. */
function changes(current, next) {
  if (!current) return null;
  const items = (menu) => new Map(menu.categories.flatMap((c) => c.items).map((i) => [i.id, i]));
  const before = items(current);
  const after = items(next);
  const added = [...after.values()].filter((i) => !before.has(i.id)).map((i) => i.name);
  const removed = [...before.values()].filter((i) => !after.has(i.id)).map((i) => i.name);
  const repriced = [...after.values()].filter((i) => before.has(i.id) && before.get(i.id).price !== i.price)
    .map((i) => i.name + ' ' + money(before.get(i.id).price, current.currency) + ' → ' + money(i.price, next.currency));
  const list = (label, names, field) => names.length
    ? el('li', { 'data-field': field }, label + ' (' + names.length + '): ' + names.slice(0, 12).join(', ') + (names.length > 12 ? ', …' : ''))
    : null;
  const lines = [list('New', added, 'added'), list('Removed', removed, 'removed'), list('Price changes', repriced, 'repriced')].filter(Boolean);
  return el('ul', { class: 'changes', 'aria-label': 'Changes from the current menu' },
    lines.length ? lines : el('li', {}, 'Same dishes and prices as the current menu.'));
}
