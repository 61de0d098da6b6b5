// The kitchen ticket, printed on an 80 mm receipt roll (print CSS in app.css: @page 80 mm, only the
// ticket shows). Every line with its quantity, options and note; who, where, how paid, the price lines.

import { $, el, fill } from './dom.js';
import { addressText, channelName, customerName, customerPhone, declinedText, isPickup, lineNote, optionText, orderNote, payment,
  priceLines } from './format.js';
import { money } from './money.js';
import { state, time } from './state.js';

export function ticketNodes(order, merchantName) {
  const placed = new Date(order.createdAt);
  const phone = customerPhone(order);
  const name = customerName(order);
  return [
    el('p', { class: 'ticket-merchant' }, merchantName || ''),
    el('h1', { class: 'ticket-number' }, '#' + order.number),
    el('p', { class: 'ticket-kind' }, (isPickup(order) ? 'PICKUP' : 'DELIVERY') + ' · ' + channelName(order.channel)),
    el('p', {}, 'Placed ' + placed.toLocaleDateString([], { day: 'numeric', month: 'short' }) + ' ' + time(order.createdAt)),
    order.readyAt ? el('p', {}, 'Ready by ' + time(order.readyAt)) : null,
    el('p', {}, 'Customer: ' + name + (phone && phone !== name ? ' · ' + phone : '')),
    el('p', {}, (isPickup(order) ? 'Pickup: ' : 'Deliver to: ') + addressText(order)),
    el('hr'),
    (order.items || []).map((line) => el('div', { class: 'ticket-line' },
      el('p', { class: 'line' }, el('span', {}, line.quantity + ' × ' + line.name), el('span', {}, money(line.lineTotal, order.currency))),
      optionText(line) ? el('p', { class: 'sub' }, optionText(line)) : null,
      declinedText(line) ? el('p', { class: 'sub note', 'data-field': 'declined' }, declinedText(line).toUpperCase()) : null,
      lineNote(line) ? el('p', { class: 'sub note' }, 'NOTE: ' + lineNote(line)) : null)),
    orderNote(order) ? el('p', { class: 'note' }, 'ORDER NOTE: ' + orderNote(order)) : null,
    el('hr'),
    priceLines(order).map((line) => el('p', { class: line.kind === 'TOTAL' ? 'line total' : 'line price' },
      el('span', {}, line.kind === 'TOTAL' ? 'TOTAL' : line.label), el('span', {}, line.text))),
    el('p', { class: 'ticket-payment' }, payment(order)),
  ];
}

const MM_PER_PX = 25.4 / 96;

export function printTicket(order) {
  const ticket = fill($('#ticket'), ticketNodes(order, state.merchant?.name));
  // one page exactly as long as the ticket: a receipt printer feeds no blank paper and cuts once
  const heightMm = Math.max(40, Math.ceil(ticket.getBoundingClientRect().height * MM_PER_PX) + 2);
  let page = document.getElementById('ticket-page');
  if (!page) {
    page = document.createElement('style');
    page.id = 'ticket-page';
    document.head.append(page);
  }
  page.textContent = '@media print { @page { size: 80mm ' + heightMm + 'mm; margin: 0; } }';
  window.print();
}
