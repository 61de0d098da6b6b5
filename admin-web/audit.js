// The audit log: every data change by an admin or a merchant owner, newest first, with the request,
// the state before (when known) and the answer after, redacted of secrets by the server.

import { api } from '/common/api.js';
import { $, el, fill } from '/common/dom.js';
import { dataTable } from '/common/table.js';
import { toast } from './app.js';

export async function loadAudit() {
  const query = new URLSearchParams({ size: '200' });
  if ($('#audit-merchant').value.trim()) query.set('merchantId', $('#audit-merchant').value.trim());
  if ($('#audit-actor').value.trim()) query.set('actor', $('#audit-actor').value.trim());
  const page = await api('GET', '/admin/audit?' + query);
  const table = dataTable(`Changes (${page.total})`, [
    { label: 'When', value: (e) => e.at, text: (e) => new Date(e.at).toLocaleString() },
    { label: 'Who', value: (e) => e.actor.email }, { label: 'Role', value: (e) => e.actor.role },
    { label: 'What', value: (e) => e.method + ' ' + e.path }, { label: 'Merchant', value: (e) => e.merchantId || '' },
    { label: 'Before', value: (e) => e.before || '' }, { label: 'After', value: (e) => e.after || '' },
  ], page.items, { file: 'audit-log', empty: 'No changes recorded.', id: 'audit-table' });
  // before / after can be long: folded in the page, whole in the CSV
  table.querySelectorAll('tbody tr').forEach((row, i) => {
    const entry = page.items[i];
    if (!entry) return;
    const cells = row.querySelectorAll('td');
    fill(cells[5], fold(entry.before));
    fill(cells[6], fold(entry.request ? 'request ' + entry.request + '\nanswer ' + (entry.after || '') : entry.after));
  });
  fill($('#audit-list'), table);
}

function fold(text) {
  if (!text) return '—';
  return el('details', {}, el('summary', {}, text.slice(0, 40) + (text.length > 40 ? '…' : '')), el('pre', {}, text));
}

export function wireAudit() {
  $('#audit-filter').addEventListener('submit', (e) => { e.preventDefault(); loadAudit().catch((err) => toast(err.message)); });
}
