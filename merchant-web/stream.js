// Live events: Server-Sent Events read with fetch, so the token rides in a header, not the URL. On a
// dropped connection it reconnects with back-off and Last-Event-ID; the server replays what was missed.

import { deliveriesChanged } from './delivery.js';
import { $ } from './dom.js';
import { loadOrders, refreshOrder } from './orders.js';
import { state } from './state.js';

const API = '/api/v1';
let onExpired = () => {};

export async function connect(path, expired) {
  if (expired) onExpired = expired;
  state.stream?.abort();
  const controller = new AbortController();
  state.stream = controller;
  const headers = { Authorization: 'Bearer ' + state.session.token, Accept: 'text/event-stream' };
  if (state.lastEventId) headers['Last-Event-ID'] = state.lastEventId;
  try {
    const response = await fetch(API + path, { headers, signal: controller.signal, cache: 'no-store' });
    if (response.status === 401) { onExpired('Your session ended. Please sign in again.'); return; }
    if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
    setConnection(true);
    state.retryMs = 1000;
    if (state.reconnecting) { state.reconnecting = false; loadOrders().catch(() => {}); deliveriesChanged(); }
    await readEvents(response.body, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) return;
  }
  if (state.stream !== controller || !state.session) return;
  setConnection(false);
  state.reconnecting = true;
  setTimeout(() => { if (state.stream === controller && state.session) connect(path); }, state.retryMs);
  state.retryMs = Math.min(state.retryMs * 2, 15000);
}

async function readEvents(body, signal) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { data: [] };
  while (!signal.aborted) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      if (line === '') {
        if (event.data.length) dispatch(event);
        event = { data: [] };
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') event.data.push(val);
        else if (field === 'id') event.id = val;
        else if (field === 'event') event.type = val;
        else if (field === 'retry') state.retryMs = Number(val) || state.retryMs;
      }
    }
  }
}

async function dispatch(event) {
  if (event.id) state.lastEventId = event.id;
  let payload;
  try { payload = JSON.parse(event.data.join('\n')); } catch (e) { return; }
  const type = event.type || payload?.type || '';
  if (type === 'order.placed') state.unacked.add(payload.orderId);
  if (type === 'order.attention') { state.late.add(payload.orderId); state.unacked.add(payload.orderId); }
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
