// Delivery on the board: who drives each delivery order and when it arrives, a driver picker in the
// order dialog, and Retry / Cancel for a failed drop-off. The delivery endpoints may not exist on
// every server: a 404 (or 405/501) hides the delivery parts instead of breaking the board.

import { api, merchantPath } from './api.js';
import { el, toast } from './dom.js';
import { command, refreshOrder } from './orders.js';
import { ordersChanged, state, time } from './state.js';

const MISSING = new Set([404, 405, 501]);

const delivery = {
  available: null,       // null: not asked yet, false: this server has no delivery endpoints
  byOrder: new Map(),    // orderId -> normalised delivery
  drivers: null,         // [{ id, name, status }] or null when unknown
  announced: new Set(),  // problems the alarm has already raised, so a reload does not raise them again
};
const FINAL = new Set(['DELIVERED', 'CANCELLED', 'REJECTED']);

const list = (data, ...keys) => {
  if (Array.isArray(data)) return data;
  for (const key of keys) if (Array.isArray(data?.[key])) return data[key];
  return [];
};

/** Tolerates the shapes a delivery may come in: driver as an object or as driverId / driverName. */
function normalise(raw) {
  const status = String(raw.status || raw.state || '').toUpperCase();
  const driver = raw.driver && (raw.driver.id || raw.driver.name) ? raw.driver
    : (raw.driverId || raw.driverName ? { id: raw.driverId, name: raw.driverName } : null);
  return {
    orderId: raw.orderId || raw.order?.id,
    driver: driver ? { id: driver.id, name: driver.name || driver.firstName } : null,
    eta: raw.eta ?? raw.dropoffEta ?? raw.etaAt ?? null,
    late: raw.late === true,
    status,
    needsLocation: raw.needsLocation === true || status === 'NEEDS_LOCATION',
    locked: raw.locked === true || status === 'LOCKED' || status === 'CODE_LOCKED',
    failed: status === 'FAILED' || status === 'DELIVERY_FAILED',
    reason: raw.failureReason || raw.reason || null,
  };
}

export async function loadDeliveries() {
  if (delivery.available === false || !state.session) return;
  try {
    const data = await api('GET', merchantPath('/deliveries'));
    delivery.available = true;
    delivery.byOrder = new Map(list(data, 'deliveries', 'content', 'items').map(normalise).filter((d) => d.orderId)
      .map((d) => [d.orderId, d]));
    for (const d of delivery.byOrder.values()) {
      if (!d.failed && !d.locked) continue;
      const key = d.orderId + (d.locked ? ':locked' : ':failed');
      if (!delivery.announced.has(key)) { delivery.announced.add(key); state.problems.add(d.orderId); }
      trackProblem(d.orderId);
    }
    ordersChanged();
  } catch (error) {
    if (MISSING.has(error.status)) delivery.available = false;
  }
}

function trackProblem(orderId) {
  if (!state.orders.has(orderId)) refreshOrder(orderId).catch(() => {});
}

let reloadTimer = null;
/** A burst of delivery events (a re-plan moves many stops) costs one reload. */
export function deliveriesChanged(payload, type) {
  if ((type === 'delivery.failed' || type === 'delivery.locked') && payload?.orderId) state.problems.add(payload.orderId);
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(loadDeliveries, 400);
}

export const deliveryOf = (order) => delivery.byOrder.get(order.id) || null;
const orderFailed = (order) => ['DELIVERY_FAILED', 'FAILED'].includes(order.status) || order.delivery?.status === 'FAILED';

/** A failed drop-off or a locked code stays on the board (in Ready) until the kitchen retries or cancels. */
export function needsResolution(order) {
  if (FINAL.has(order.status) || order.fulfilment === 'PICKUP') return false;
  const d = deliveryOf(order);
  return !!(d?.failed || d?.locked || orderFailed(order));
}
const needsLocation = (order, d) => d?.needsLocation || order.needsLocation === true
  || (order.fulfilment !== 'PICKUP' && !order.deliveryAddress?.text && order.deliveryAddress?.lat == null);

function etaText(eta) {
  if (eta === null || eta === undefined || eta === '') return '';
  if (typeof eta === 'number') return 'in ' + Math.max(0, Math.round(eta)) + ' min';
  const at = new Date(eta);
  return Number.isNaN(at.getTime()) ? String(eta) : time(eta);
}

/**
 * What a delivery card says about its driver: { text, tone } or null (pickup orders, or a server
 * without delivery and nothing to flag). Tones: ok, warn, alert.
 */
export function deliveryStatus(order) {
  if (order.fulfilment === 'PICKUP') return null;
  const d = deliveryOf(order);
  if (d?.locked) return { text: 'Code locked', tone: 'alert' };
  if (d?.failed || orderFailed(order)) return { text: 'Delivery failed', tone: 'alert' };
  if (needsLocation(order, d)) return { text: 'Needs a location', tone: 'warn' };
  if (d?.driver) {
    const eta = etaText(d.eta);
    return { text: (d.driver.name || 'Driver') + (eta ? ' · ETA ' + eta : '') + (d.late ? ' · late' : ''), tone: d.late ? 'warn' : 'ok' };
  }
  // a new order is planned once accepted: "Unassigned" before that would only be noise
  if (delivery.available && assignable(order)) return { text: 'Unassigned', tone: 'warn' };
  return null;
}

export function deliveryBadge(order) {
  const status = deliveryStatus(order);
  if (!status) return null;
  return el('span', { class: 'delivery-status ' + status.tone, 'data-field': 'delivery' }, status.text);
}

// ---------- in the order dialog ----------

const DRIVER_STATUS = { AVAILABLE: 'available', ON_DELIVERY: 'on a delivery', BUSY: 'on a delivery', OFFLINE: 'offline' };
const assignable = (order) => ['ACCEPTED', 'PREPARING', 'READY'].includes(order.status) || orderFailed(order);

async function loadDrivers() {
  try {
    const data = await api('GET', merchantPath('/drivers'));
    delivery.drivers = list(data, 'drivers', 'content').filter((d) => d && d.id);
  } catch (error) {
    delivery.drivers = MISSING.has(error.status) ? [] : delivery.drivers;
  }
}

/** The delivery block of the order dialog: driver and ETA, the picker, a failure's reason. */
export function deliverySection(order, rerender) {
  if (order.fulfilment === 'PICKUP' || delivery.available !== true) return null;
  const d = deliveryOf(order);
  const status = deliveryStatus(order);
  const picker = assignable(order) ? driverPicker(order, d, rerender) : null;
  const placing = needsLocation(order, d) && !FINAL.has(order.status) ? locationForm(order, rerender) : null;
  return el('section', { class: 'delivery-section', 'aria-label': 'Delivery' },
    el('h3', {}, 'Delivery'),
    el('p', { class: 'delivery-status ' + (status?.tone || 'ok'), 'data-field': 'delivery' },
      status?.text || (assignable(order) ? 'Unassigned' : 'A driver is planned once the order is accepted')),
    d?.reason ? el('p', { 'data-field': 'delivery-reason' }, 'Reason: ' + d.reason) : null,
    placing,
    placing ? null : picker);
}

function driverPicker(order, d, rerender) {
  if (delivery.drivers === null) {
    loadDrivers().then(rerender);
    return el('p', { class: 'muted' }, 'Loading drivers…');
  }
  if (!delivery.drivers.length) return el('p', { class: 'muted' }, 'No drivers yet: add DRIVER users to assign by hand.');
  const select = el('select', { id: 'driver-select', class: 'driver-select' },
    el('option', { value: '' }, 'Choose a driver'),
    delivery.drivers.map((driver) => {
      const status = DRIVER_STATUS[String(driver.status || '').toUpperCase()] || String(driver.status || '').toLowerCase();
      const stale = driver.reachable === false && String(driver.status).toUpperCase() === 'AVAILABLE' ? ', no recent location' : '';
      return el('option', { value: driver.id, selected: d?.driver?.id === driver.id },
        (driver.name || driver.firstName || 'Driver') + (status ? ' (' + status + stale + ')' : ''));
    }));
  return el('form', { class: 'driver-picker', onsubmit: (event) => { event.preventDefault(); assign(order, select.value, rerender); } },
    el('label', { for: 'driver-select' }, d?.driver ? 'Reassign to' : 'Assign a driver'),
    el('div', { class: 'picker-row' }, select,
      el('button', { type: 'submit', class: 'big primary', 'aria-label': 'Assign driver to order ' + order.number }, 'Assign')));
}

async function assign(order, driverId, rerender) {
  if (!driverId) { toast('Choose a driver first.'); return; }
  try {
    await api('POST', merchantPath('/orders/' + encodeURIComponent(order.id) + '/assign'), { driverId });
    const driver = delivery.drivers?.find((x) => x.id === driverId);
    const name = driver?.name || driver?.firstName;
    const current = delivery.byOrder.get(order.id) || normalise({ orderId: order.id });
    delivery.byOrder.set(order.id, { ...current, driver: { id: driverId, name }, failed: false, status: 'ASSIGNED' });
    toast((name || 'The driver') + ' takes order #' + order.number + '.');
    ordersChanged();
    rerender();
    loadDeliveries();
  } catch (error) {
    if (error.message === 'unauthorized') return;
    toast(MISSING.has(error.status) ? 'Assigning drivers is not available on this server yet.'
      : 'Could not assign order #' + order.number + ': ' + error.message);
  }
}

/** Footer buttons for a failed or locked drop-off: try again, or cancel with a reason. */
export function deliveryActions(order, askCancel) {
  if (order.fulfilment === 'PICKUP') return [];
  const d = deliveryOf(order);
  if (!(d?.failed || d?.locked || orderFailed(order))) return [];
  return [
    el('button', { type: 'button', class: 'big primary', onclick: () => retry(order) }, 'Retry delivery'),
    el('button', { type: 'button', class: 'big danger', onclick: () => askCancel(order) }, 'Cancel order…'),
  ];
}

async function retry(order) {
  state.problems.delete(order.id);
  try {
    await api('POST', merchantPath('/orders/' + encodeURIComponent(order.id) + '/delivery/retry'));
    toast('Delivery of order #' + order.number + ' will be planned again.');
    await Promise.all([loadDeliveries(), refreshOrder(order.id).catch(() => {})]);
  } catch (error) {
    if (error.message === 'unauthorized') return;
    toast(MISSING.has(error.status) ? 'Retrying deliveries is not available on this server yet.'
      : 'Could not retry order #' + order.number + ': ' + error.message);
  }
}

/**
 * Gives up a failed or locked delivery with the reason the customer reads: the delivery's own cancel
 * where the server has it (the order is cancelled with it), else the order's cancel.
 */
export async function cancelOrder(order, reason) {
  if (deliveryOf(order) || orderFailed(order)) {
    try {
      await api('POST', merchantPath('/orders/' + encodeURIComponent(order.id) + '/delivery/cancel'), { reason });
      state.problems.delete(order.id);
      await Promise.all([refreshOrder(order.id).catch(() => {}), loadDeliveries()]);
      return true;
    } catch (error) {
      if (error.message === 'unauthorized') return null;
      if (!MISSING.has(error.status)) {
        toast('Could not cancel order #' + order.number + ': ' + error.message);
        return null;
      }
    }
  }
  return command(order, 'cancel', { reason });
}

// ---------- placing a delivery that has no coordinates ----------

/** "12.9716, 77.5946" as copied from a maps app, or null. */
export function parseCoordinates(text) {
  const match = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(String(text || ''));
  if (!match) return null;
  const lat = Number(match[1]);
  const lng = Number(match[2]);
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : null;
}

function locationForm(order, rerender) {
  const input = el('input', { id: 'location-input', type: 'text', inputmode: 'decimal', autocomplete: 'off',
    placeholder: '12.9716, 77.5946', 'aria-describedby': 'location-help' });
  const help = el('p', { id: 'location-help', class: 'muted' },
    'Find the address in a maps app, copy its coordinates (latitude, longitude) and paste them here.');
  return el('form', { class: 'driver-picker', onsubmit: (event) => { event.preventDefault(); place(order, input, help, rerender); } },
    el('label', { for: 'location-input' }, 'Place the drop-off'),
    el('div', { class: 'picker-row' }, input,
      el('button', { type: 'submit', class: 'big primary', 'aria-label': 'Place order ' + order.number + ' on the map' }, 'Place')),
    help);
}

async function place(order, input, help, rerender) {
  const point = parseCoordinates(input.value);
  if (!point) {
    input.setAttribute('aria-invalid', 'true');
    help.className = 'error';
    help.textContent = 'Type latitude and longitude separated by a comma, for example 12.9716, 77.5946.';
    input.focus();
    return;
  }
  try {
    await api('PUT', merchantPath('/orders/' + encodeURIComponent(order.id) + '/location'), point);
    toast('Order #' + order.number + ' is placed; it will be planned now.');
    await Promise.all([loadDeliveries(), refreshOrder(order.id).catch(() => {})]);
    rerender();
  } catch (error) {
    if (error.message === 'unauthorized') return;
    toast(MISSING.has(error.status) ? 'Placing deliveries on the map is not available on this server yet.'
      : 'Could not place order #' + order.number + ': ' + error.message);
  }
}
