// Live events for the board over the shared stream reader (/common/stream.js): the token rides in a
// header, not the URL, and a dropped connection comes back with back-off and Last-Event-ID. After a
// drop the board reloads its orders and deliveries, in case the server could not replay everything.

import { openStream } from '/common/stream.js';
import { deliveriesChanged } from './delivery.js';
import { $ } from './dom.js';
import { loadOrders, refreshOrder } from './orders.js';
import { state } from './state.js';

const API = '/api/v1';

export function connect(path, expired) {
  state.stream?.close();
  let reconnecting = false;
  state.stream = openStream(API + path, {
    token: () => state.session?.token,
    onEvent: dispatch,
    onState: (online) => {
      setConnection(online);
      if (!online) reconnecting = true;
      else if (reconnecting) { reconnecting = false; loadOrders().catch(() => {}); deliveriesChanged(); }
    },
    onExpired: () => expired('Your session ended. Please sign in again.'),
  });
}

async function dispatch(name, payload) {
  if (payload === undefined) return;
  const type = name || payload?.type || '';
  if (type === 'order.placed') state.unacked.add(payload.orderId);
  if (type === 'order.attention') { state.late.add(payload.orderId); state.unacked.add(payload.orderId); }
  if (type === 'order.undeliverable') state.untold.set(payload.orderId, payload.reason || 'The customer could not be told');
  // dispatch news (assigned, re-planned, failed, code locked, a driver's position) reloads the deliveries
  if (type.startsWith('delivery.') || type.startsWith('driver.') || type.startsWith('dispatch.')) deliveriesChanged(payload, type);
  if (!payload?.orderId) return;
  try {
    await refreshOrder(payload.orderId);
  } catch (e) { /* the next reconnect reloads the board */ }
}

function setConnection(online) {
  const pill = $('#connection');
  pill.textContent = online ? 'live' : 'reconnecting…';
  pill.classList.toggle('offline', !online);
}
