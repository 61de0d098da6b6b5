// History: today's order count, sales and rejections, and a search over recent orders.

import { api, merchantPath } from './api.js';
import { $, el, fill } from './dom.js';
import { openOrder } from './detail.js';
import { customerName, statusText } from './format.js';
import { money } from './money.js';
import { onOrdersChanged, state, time } from './state.js';

let cashToday = null;

export async function loadHistory() {
  const [history, cash] = await Promise.all([api('GET', merchantPath('/orders?limit=500')),
    api('GET', merchantPath('/cash')).catch(() => null)]);
  for (const order of Array.isArray(history) ? history : []) if (!state.orders.has(order.id)) state.orders.set(order.id, order);
  cashToday = cash;
  renderHistory();
}

export function renderHistory() {
  const all = [...state.orders.values()].sort((a, b) => new Date(b.createdAt) - new Date(a.createdAt));
  const today = new Date().toDateString();
  const todays = all.filter((o) => new Date(o.createdAt).toDateString() === today);
  const kept = todays.filter((o) => !['REJECTED', 'CANCELLED'].includes(o.status));
  const currency = all[0]?.currency || state.merchant?.currency;
  fill($('#summary'),
    el('div', {}, el('strong', {}, String(todays.length)), 'orders today'),
    el('div', {}, el('strong', {}, money(kept.reduce((sum, o) => sum + o.total, 0), currency)), 'sales today'),
    el('div', {}, el('strong', {}, String(todays.length - kept.length)), 'rejected or cancelled'),
    // what the drivers collected at the door today, as recorded with each delivery
    cashToday ? el('div', { 'data-field': 'cash-today' }, el('strong', {}, money(cashToday.collected, cashToday.currency)),
      'cash collected today') : null);
  const query = $('#history-search').value.trim().toLowerCase();
  const matches = all.filter((o) => !query || [o.number, customerName(o), o.customer?.name, ...(o.items || []).map((l) => l.name)]
    .some((v) => String(v || '').toLowerCase().includes(query)));
  fill($('#history-list'), matches.slice(0, 200).map((o) => el('li', {},
    el('button', { type: 'button', 'aria-label': 'Open order ' + o.number, onclick: () => openOrder(o.id) },
      el('span', {}, '#' + o.number), el('span', { class: 'history-customer' }, customerName(o)), el('span', {}, statusText(o.status)),
      el('span', {}, time(o.createdAt)), el('span', {}, money(o.total, o.currency))))));
}
onOrdersChanged(() => { if (state.view === 'history') renderHistory(); });
