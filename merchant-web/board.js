// The board: New / Accepted / Preparing / Ready, each with its count, compact cards (number, age,
// customer, items, fulfilment, driver, total) and the one step a kitchen takes most from that column.

import { deliveryBadge, needsResolution } from './delivery.js';
import { el, fill } from './dom.js';
import { openOrder } from './detail.js';
import { customerName, declinedText, isPickup, lineNote, unverified } from './format.js';
import { money } from './money.js';
import { ACTIVE, command } from './orders.js';
import { minutesSince, onOrdersChanged, state, time } from './state.js';

export function renderBoard() {
  const columns = { new: [], accepted: [], preparing: [], ready: [] };
  for (const order of state.orders.values()) {
    const column = ACTIVE[order.status] || (needsResolution(order) ? 'ready' : null);
    if (column) columns[column].push(order);
  }
  for (const [name, orders] of Object.entries(columns)) {
    const section = document.querySelector(`.column[data-column="${name}"]`);
    orders.sort((a, b) => new Date(a.createdAt) - new Date(b.createdAt));
    section.querySelector('.count').textContent = orders.length;
    fill(section.querySelector('.cards'), orders.length ? orders.map((order) => card(order, name))
      : el('li', { class: 'empty' }, 'No orders'));
  }
}
onOrdersChanged(renderBoard);

function card(order, column) {
  const classes = ['card', column === 'new' ? 'new' : '', state.unacked.has(order.id) || state.problems.has(order.id) ? 'unacked' : '',
    state.late.has(order.id) ? 'late' : '', needsResolution(order) ? 'problem' : ''].filter(Boolean).join(' ');
  // a refused extra ("no extra cheese") is something the cook must read, like a note
  const noted = (order.items || []).some((line) => lineNote(line) || declinedText(line));
  // the time that matters in each column: how long a new order has waited, when an accepted one is due
  const when = column === 'new' || !order.readyAt ? minutesSince(order.createdAt) + ' min'
    : (column === 'ready' ? 'ready ' : 'by ') + time(order.readyAt);
  return el('li', { class: classes, 'data-order-id': order.id, 'data-number': order.number },
    el('button', { type: 'button', class: 'card-open', 'aria-label': 'Open order ' + order.number, onclick: () => openOrder(order.id) },
      el('span', { class: 'card-head' },
        el('span', { class: 'card-number' }, '#' + order.number),
        el('span', { class: 'card-customer', 'data-field': 'customer' }, customerName(order)),
        el('span', { class: 'card-age', title: 'Placed ' + time(order.createdAt) }, when)),
      el('span', { class: 'card-lines' }, (order.items || []).map((line) => line.quantity + ' × ' + line.name).join(' · ')),
      el('span', { class: 'card-meta' },
        // delivery is the usual case: a pickup is flagged, a delivery shows its driver (or what blocks it) when known
        isPickup(order) ? el('span', { class: 'badge pickup' }, 'Pickup') : deliveryBadge(order),
        unverified(order) ? el('span', { class: 'badge warn' }, 'Unverified') : null,
        untold(order) ? el('span', { class: 'badge warn', title: untold(order) }, 'Not told') : null,
        noted ? el('span', { class: 'badge note' }, 'Note') : null,
        el('span', { class: 'card-total' }, money(order.total, order.currency)))),
    nextButton(order));
}

/** Why an update did not reach the customer: heard live, or kept with the order (so a reload still shows it). */
function untold(order) {
  return state.untold.get(order.id) || order.customerNotTold?.reason || null;
}

/** The one big button a card offers: the step a kitchen takes most often from that column. */
function nextButton(order) {
  const step = {
    PLACED: ['Accept…', () => openOrder(order.id)],
    AWAITING_PAYMENT: ['Accept…', () => openOrder(order.id)],
    ACCEPTED: ['Start preparing', () => command(order, 'preparing')],
    PREPARING: ['Mark ready', () => command(order, 'ready')],
    READY: ['Handed over', () => command(order, 'picked-up')],
  }[order.status] || (needsResolution(order) || ACTIVE[order.status] ? ['Resolve…', () => openOrder(order.id)] : null);
  if (!step) return null;
  return el('button', { type: 'button', class: 'big primary next', 'aria-label': step[0].replace('…', '') + ' order ' + order.number,
    onclick: step[1] }, step[0]);
}
