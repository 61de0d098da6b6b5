// The order dialog: everything about one order in a body that scrolls, and its actions in a footer
// that stays in view (Accept, Reject and Print never fall below the fold on a 1280×800 tablet).

import { $, el, fill } from './dom.js';
import { cancelOrder, deliveryActions, deliverySection } from './delivery.js';
import { addressText, channelName, customerName, customerPhone, declinedText, isPickup, lineNote, optionText, orderNote, payment,
  priceLines, statusText, unverified } from './format.js';
import { money } from './money.js';
import { acknowledge, command } from './orders.js';
import { minutesSince, onOrdersChanged, state, time } from './state.js';
import { printTicket } from './ticket.js';

const PREP_PRESETS = [10, 15, 20, 30, 45];
export const REJECT_PRESETS = ['Kitchen is too busy', 'Item out of stock', 'Closing soon', 'Cannot deliver to this address'];
export const CANCEL_PRESETS = ['Driver could not reach the customer', 'Customer asked to cancel', 'Item ran out'];

export function openOrder(orderId) {
  acknowledge(orderId);
  state.openOrderId = orderId;
  renderOrder(state.orders.get(orderId));
  const dialog = $('#order-dialog');
  if (!dialog.open) dialog.showModal();
}

const rerenderOpen = () => {
  const order = state.orders.get(state.openOrderId);
  if (order && $('#order-dialog').open) renderOrder(order);
};
onOrdersChanged(rerenderOpen);

function renderOrder(order) {
  fill($('#order-title'), 'Order #' + order.number, el('span', { class: 'order-status' }, statusText(order.status)));
  const phone = customerPhone(order);
  const name = customerName(order);
  const details = el('dl', { class: 'detail-grid' },
    el('dt', {}, 'Customer'), el('dd', { 'data-field': 'customer' }, name,
      unverified(order) ? el('span', { class: 'badge warn' }, 'Unverified') : null),
    phone && phone !== name ? [el('dt', {}, 'Phone'), el('dd', { 'data-field': 'phone' }, phone)] : null,
    el('dt', {}, 'Channel'), el('dd', {}, channelName(order.channel)),
    el('dt', {}, isPickup(order) ? 'Pickup' : 'Deliver to'), el('dd', { 'data-field': 'address' }, addressText(order)),
    el('dt', {}, 'Payment'), el('dd', { 'data-field': 'payment' }, payment(order)),
    el('dt', {}, 'Placed'), el('dd', {}, time(order.createdAt) + ' (' + minutesSince(order.createdAt) + ' min ago)'),
    order.readyAt ? [el('dt', {}, 'Ready by'), el('dd', {}, time(order.readyAt))] : null,
    order.reason ? [el('dt', {}, 'Reason'), el('dd', {}, order.reason)] : null,
    orderNote(order) ? [el('dt', {}, 'Note'), el('dd', { class: 'line-notes', 'data-field': 'order-note' }, orderNote(order))] : null);
  const lines = el('table', { class: 'lines' },
    el('tbody', {}, (order.items || []).map((line) => el('tr', {},
      el('td', { class: 'qty' }, line.quantity + ' ×'),
      el('td', {}, el('div', {}, line.name),
        optionText(line) ? el('div', { class: 'line-options' }, optionText(line)) : null,
        declinedText(line) ? el('div', { class: 'line-notes', 'data-field': 'declined' }, declinedText(line)) : null,
        lineNote(line) ? el('div', { class: 'line-notes', 'data-field': 'notes' }, 'Note: ' + lineNote(line)) : null),
      el('td', { class: 'money' }, money(line.lineTotal, order.currency))))),
    el('tfoot', {}, priceLines(order).map((line) => el('tr', { class: line.kind === 'TOTAL' ? 'total' : 'charge', 'data-kind': line.kind },
      el('td', {}), el('td', {}, line.kind === 'TOTAL' ? el('strong', {}, line.label) : line.label),
      el('td', { class: 'money' }, line.kind === 'TOTAL' ? el('strong', {}, line.text) : line.text)))));
  const timeline = el('ol', { class: 'timeline', 'aria-label': 'Timeline' }, (order.timeline || []).map((entry) =>
    el('li', {}, time(entry.at) + ' · ' + statusText(entry.status) + (entry.note ? ' · ' + entry.note : ''))));
  fill($('#order-body'), details, deliverySection(order, rerenderOpen), lines, el('h3', {}, 'Timeline'), timeline);
  fill($('#order-actions'), actionsFor(order));
}

function actionsFor(order) {
  const can = new Set(order.allowedCommands || []);
  const button = (label, onclick, kind = 'primary', attrs = {}) => el('button', { type: 'button', class: 'big ' + kind, onclick, ...attrs }, label);
  return [
    can.has('ACCEPT') ? el('div', { class: 'accept-group', role: 'group', 'aria-label': 'Accept with preparation time' },
      el('span', { class: 'accept-label' }, 'Accept, ready in'),
      PREP_PRESETS.map((minutes) => button(minutes + ' min', () => command(order, 'accept', { prepMinutes: minutes }), 'primary',
        { 'aria-label': 'Accept, ready in ' + minutes + ' minutes' }))) : null,
    can.has('START_PREPARING') ? button('Start preparing', () => command(order, 'preparing')) : null,
    can.has('MARK_READY') ? button('Mark ready', () => command(order, 'ready')) : null,
    can.has('HAND_OVER') ? button('Handed over', () => command(order, 'picked-up')) : null,
    can.has('DELIVER') ? button('Delivered', () => command(order, 'delivered'), '') : null,
    deliveryActions(order, askCancel),
    can.has('REJECT') ? button('Reject…', () => askReject(order), 'danger') : null,
    button('Print ticket', () => printTicket(order), ''),
  ];
}

// ---------- reject / cancel with a reason the customer reads ----------

let pending = null; // { order, action }

function askReason(order, action) {
  pending = { order, action };
  const rejecting = action === 'reject';
  $('#reason-title').textContent = (rejecting ? 'Reject order #' : 'Cancel order #') + order.number;
  $('#reason-confirm').textContent = rejecting ? 'Reject order' : 'Cancel order';
  fill($('#reason-presets'), (rejecting ? REJECT_PRESETS : CANCEL_PRESETS).map((reason) => el('button', { type: 'button', class: 'big',
    onclick: () => { $('#reason-input').value = reason; } }, reason)));
  $('#reason-input').value = '';
  $('#reason-dialog').showModal();
}

const askReject = (order) => askReason(order, 'reject');
const askCancel = (order) => askReason(order, 'cancel');

export async function confirmReason(event) {
  event.preventDefault();
  const reason = $('#reason-input').value.trim();
  if (!reason || !pending) return;
  $('#reason-dialog').close();
  const { order, action } = pending;
  pending = null;
  if (action === 'reject') await command(order, 'reject', { reason });
  else await cancelOrder(order, reason);
}
