// Operations: dead module events (with redrive), the inbox (states, and how long the oldest waiting
// message has waited), failed sends per channel in the last hour, and the email outbox (sent, or kept
// locally while SendGrid is not configured).

import { api } from '/common/api.js';
import { $, el, fill } from '/common/dom.js';
import { dataTable } from '/common/table.js';
import { toast } from './app.js';

export async function loadOperations() {
  const [dead, stats, waiting, errors, emails] = await Promise.all([api('GET', '/admin/events?state=DEAD&limit=200'),
    api('GET', '/admin/inbox/stats'), api('GET', '/admin/inbox?state=RECEIVED&limit=1000'),
    api('GET', '/admin/operations/provider-errors'), api('GET', '/admin/emails?limit=50')]);
  const oldest = waiting.length ? waiting[waiting.length - 1].receivedAt : null;
  const lag = oldest ? Math.round((Date.now() - new Date(oldest).getTime()) / 1000) + ' s' : 'none waiting';
  const deadTable = dataTable('Dead event deliveries', [
    { label: 'Handler', value: (d) => d.handler }, { label: 'Event', value: (d) => d.eventType },
    { label: 'Attempts', value: (d) => d.attempts }, { label: 'Last error', value: (d) => d.lastError },
    { label: 'Updated', value: (d) => d.updatedAt },
  ], dead, { file: 'dead-letters', empty: 'No dead letters.', id: 'dead-letters' });
  deadTable.querySelectorAll('tbody tr').forEach((row, i) => dead[i] && row.append(el('td', {},
    el('button', { type: 'button', onclick: () => redrive(dead[i]) }, 'Redrive'))));
  fill($('#operations-view'),
    el('div', { class: 'tiles' },
      el('div', { class: 'tile', id: 'inbox-lag' }, el('span', { class: 'tile-label' }, 'Inbox lag (oldest waiting)'), el('strong', {}, lag)),
      Object.entries(stats).map(([state, count]) => el('div', { class: 'tile' },
        el('span', { class: 'tile-label' }, 'Inbox ' + state.toLowerCase()), el('strong', {}, String(count))))),
    dataTable('Failed sends per channel, last hour', [{ label: 'Channel', value: (r) => r[0] }, { label: 'Failures', value: (r) => r[1] }],
      Object.entries(errors), { file: 'provider-errors', empty: 'No failed sends.', id: 'provider-errors' }),
    deadTable,
    dataTable('Email outbox (latest 50)', [{ label: 'When', value: (m) => m.createdAt }, { label: 'Kind', value: (m) => m.kind },
      { label: 'To', value: (m) => m.to }, { label: 'Subject', value: (m) => m.subject }, { label: 'State', value: (m) => m.state }],
    emails, { file: 'email-outbox', empty: 'No emails yet.', id: 'email-outbox' }));
}

async function redrive(delivery) {
  try {
    await api('POST', `/admin/events/${encodeURIComponent(delivery.entryId)}/${encodeURIComponent(delivery.handler)}/redrive`);
    toast('Queued again');
    await loadOperations();
  } catch (e) {
    toast(e.message);
  }
}
