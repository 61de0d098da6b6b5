// The orders the board holds and the commands a kitchen sends. Every change goes through upsert(),
// which tells the screens (board, detail, history) to redraw.

import { api, merchantPath } from './api.js';
import { toast } from './dom.js';
import { ordersChanged, state } from './state.js';

/** Board columns by status. A delivery that failed comes back to Ready for the kitchen to resolve. */
export const ACTIVE = { PLACED: 'new', AWAITING_PAYMENT: 'new', ACCEPTED: 'accepted', PREPARING: 'preparing', READY: 'ready',
  DELIVERY_FAILED: 'ready', FAILED: 'ready' };

export async function loadOrders() {
  const orders = await api('GET', merchantPath('/orders?limit=200'));
  for (const order of Array.isArray(orders) ? orders : []) state.orders.set(order.id, order);
  ordersChanged();
}

export function upsert(order) {
  state.orders.set(order.id, order);
  if (!ACTIVE[order.status]) { state.unacked.delete(order.id); state.late.delete(order.id); }
  ordersChanged();
}

export async function refreshOrder(orderId) {
  const order = await api('GET', merchantPath('/orders/' + encodeURIComponent(orderId)));
  upsert(order);
  return order;
}

/** POSTs a command (accept, ready, ...) for the order; a 409 means another tablet got there first. */
export async function command(order, action, body) {
  acknowledge(order.id);
  try {
    const updated = await api('POST', merchantPath('/orders/' + encodeURIComponent(order.id) + '/' + action), body);
    if (updated?.id) upsert(updated); else await refreshOrder(order.id);
    return updated || true;
  } catch (error) {
    if (error.status === 409) {
      await refreshOrder(order.id).catch(() => {});
      toast('Order #' + order.number + ' was already changed on another tablet.');
    } else if (error.message !== 'unauthorized') {
      toast('Could not update order #' + order.number + ': ' + error.message);
    }
    return null;
  }
}

/** Someone looked: stop the alarm for this order (or all of them). */
export function acknowledge(orderId) {
  if (orderId) { state.unacked.delete(orderId); state.problems.delete(orderId); } else { state.unacked.clear(); state.problems.clear(); }
  ordersChanged();
}
