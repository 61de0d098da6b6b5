// Tiffin kitchen board. Plain ES modules, no build step.
// Security: the bearer token lives in memory and in sessionStorage (this tab only, gone when it
// closes), never in localStorage. Everything a customer typed is put on the page with textContent.

import { api, isOwner, merchantPath, useSession } from './api.js';
import { $, el, toast } from './dom.js';
import { wireImport, resetImport } from './import.js';
import { loadMenu, renderMenu } from './menu.js';
import { money } from './money.js';

const API = '/api/v1';
const VIEWS = ['board', 'menu', 'import', 'history'];
const ACTIVE = { PLACED: 'new', AWAITING_PAYMENT: 'new', ACCEPTED: 'accepted', PREPARING: 'preparing', READY: 'ready' };
const PREP_PRESETS = [10, 15, 20, 30, 45];
const REJECT_PRESETS = ['Kitchen is too busy', 'Item out of stock', 'Closing soon', 'Cannot deliver to this address'];
const PAUSE_PRESETS = ['Kitchen is full', 'Closing early today', 'Back in 30 minutes'];
const STORAGE_KEY = 'tiffin.merchant.session';

const state = {
  session: null,          // { token, expiresAt, user }
  merchant: null,
  orders: new Map(),      // id -> order (active and recent)
  unacked: new Set(),     // order ids the kitchen has not looked at yet
  late: new Set(),        // order ids the platform flagged as waiting too long
  lastEventId: null,
  stream: null,           // AbortController of the live connection
  retryMs: 1000,
  openOrderId: null,
  view: 'board',
};

const time = (iso) => iso ? new Date(iso).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' }) : '';
const minutesSince = (iso) => Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 60000));

// ---------- sign in / out ----------

async function signIn(event) {
  event.preventDefault();
  unlockSound();
  $('#login-error').textContent = '';
  const response = await fetch(API + '/auth/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: $('#email').value.trim(), password: $('#password').value }),
  });
  if (!response.ok) {
    $('#login-error').textContent = response.status === 429 ? 'Too many attempts. Wait a minute and try again.'
      : 'Wrong email or password.';
    return;
  }
  const session = await response.json();
  if (!['MERCHANT_OWNER', 'MERCHANT_STAFF'].includes(session.user.role) || !session.user.merchantId) {
    $('#login-error').textContent = 'This app is for restaurant owners and staff.';
    return;
  }
  $('#password').value = '';
  state.session = session;
  useSession(session, signOut);
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  start();
}

function signOut(message) {
  state.stream?.abort();
  state.stream = null;
  state.session = null;
  useSession(null);
  state.orders.clear();
  state.unacked.clear();
  state.lastEventId = null;
  sessionStorage.removeItem(STORAGE_KEY);
  stopAlarm();
  $('#app').hidden = true;
  $('#login-view').hidden = false;
  $('#login-error').textContent = message || '';
}

function restoreSession() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY));
    if (saved && new Date(saved.expiresAt) > new Date()) return saved;
  } catch (e) { /* nothing usable stored */ }
  sessionStorage.removeItem(STORAGE_KEY);
  return null;
}

async function start() {
  // staff run the kitchen; prices and imports are the owner's (the API enforces it too)
  document.querySelectorAll('.owner-only').forEach((node) => { node.hidden = !isOwner(); });
  $('#login-view').hidden = true;
  $('#app').hidden = false;
  show('board');
  await Promise.all([loadMerchant(), loadBoard()]);
  connect();
}

// ---------- merchant and pause switch ----------

async function loadMerchant() {
  state.merchant = await api('GET', merchantPath(''));
  $('#merchant-name').textContent = state.merchant.name;
  document.title = state.merchant.name + ' · Tiffin kitchen';
  renderPause();
}

function renderPause() {
  const paused = !!state.merchant?.paused;
  const button = $('#pause-button');
  button.setAttribute('aria-pressed', String(paused));
  button.textContent = paused ? 'Resume orders' : 'Pause new orders';
  const banner = $('#paused-banner');
  banner.hidden = !paused;
  banner.textContent = paused ? 'New orders are paused' + (state.merchant.pauseReason ? ': ' + state.merchant.pauseReason : '') : '';
}

async function togglePause() {
  if (state.merchant?.paused) {
    state.merchant = await api('DELETE', merchantPath('/pause'));
    renderPause();
    return;
  }
  $('#pause-reason').value = '';
  $('#pause-dialog').showModal();
}

async function confirmPause(event) {
  event.preventDefault();
  state.merchant = await api('PUT', merchantPath('/pause'), { reason: $('#pause-reason').value.trim() || null });
  $('#pause-dialog').close();
  renderPause();
}

// ---------- the board ----------

async function loadBoard() {
  const orders = await api('GET', merchantPath('/orders?limit=200'));
  for (const order of orders) state.orders.set(order.id, order);
  renderBoard();
}

function renderBoard() {
  const columns = { new: [], accepted: [], preparing: [], ready: [] };
  for (const order of state.orders.values()) {
    const column = ACTIVE[order.status];
    if (column) columns[column].push(order);
  }
  for (const [name, orders] of Object.entries(columns)) {
    const section = document.querySelector(`.column[data-column="${name}"]`);
    orders.sort((a, b) => new Date(a.createdAt) - new Date(b.createdAt));
    section.querySelector('.count').textContent = orders.length;
    section.querySelector('.cards').replaceChildren(...orders.map(card));
  }
  updateAlarm();
}

function card(order) {
  const column = ACTIVE[order.status];
  const customer = order.customer?.name || order.customer?.id || 'Customer';
  const classes = ['card', column === 'new' ? 'new' : '', state.unacked.has(order.id) ? 'unacked' : '',
    state.late.has(order.id) ? 'late' : ''].filter(Boolean).join(' ');
  return el('li', { class: classes, 'data-order-id': order.id, 'data-number': order.number },
    el('button', { type: 'button', class: 'card-open', 'aria-label': 'Open order ' + order.number, onclick: () => openOrder(order.id) },
      el('div', { class: 'card-head' },
        el('span', { class: 'card-number' }, '#' + order.number),
        el('span', { class: 'card-age' }, minutesSince(order.createdAt) + ' min')),
      el('div', { class: 'card-customer' }, customer),
      el('ul', { class: 'card-lines' }, (order.items || []).map((line) => el('li', {}, line.quantity + ' × ' + line.name))),
      el('div', { class: 'card-meta' },
        el('span', { class: 'badge' }, order.fulfilment === 'PICKUP' ? 'Pickup' : 'Delivery'),
        el('span', {}, order.channel),
        order.readyAt && column !== 'new' ? el('span', {}, (column === 'ready' ? 'ready since ' : 'ready by ') + time(order.readyAt)) : null,
        el('span', {}, money(order.total, order.currency)))),
    nextButton(order));
}

/** The one big button a card offers: the step a kitchen takes most often from that column. */
function nextButton(order) {
  const step = {
    PLACED: ['Accept…', () => openOrder(order.id)],
    AWAITING_PAYMENT: ['Accept…', () => openOrder(order.id)],
    ACCEPTED: ['Start preparing', () => command(order, 'preparing')],
    PREPARING: ['Mark ready', () => command(order, 'ready')],
    READY: ['Handed over', () => command(order, 'picked-up')],
  }[order.status];
  if (!step) return null;
  return el('button', { type: 'button', class: 'big primary next', 'aria-label': step[0].replace('…', '') + ' order ' + order.number,
    onclick: step[1] }, step[0]);
}

async function command(order, action, body) {
  acknowledge(order.id);
  try {
    const updated = await api('POST', merchantPath('/orders/' + encodeURIComponent(order.id) + '/' + action), body);
    upsert(updated);
    return updated;
  } catch (error) {
    if (error.status === 409) {
      // another tablet got there first: show what is true now
      await refreshOrder(order.id);
      toast('Order #' + order.number + ' was already changed on another tablet.');
    } else if (error.message !== 'unauthorized') {
      toast('Could not update order #' + order.number + ': ' + error.message);
    }
    return null;
  }
}

function upsert(order) {
  state.orders.set(order.id, order);
  if (!ACTIVE[order.status]) { state.unacked.delete(order.id); state.late.delete(order.id); }
  renderBoard();
  if (state.openOrderId === order.id) renderOrder(order);
  if (state.view === 'history') renderHistory();
}

async function refreshOrder(orderId) {
  const order = await api('GET', merchantPath('/orders/' + encodeURIComponent(orderId)));
  upsert(order);
  return order;
}

// ---------- order detail ----------

function openOrder(orderId) {
  acknowledge(orderId);
  state.openOrderId = orderId;
  renderOrder(state.orders.get(orderId));
  const dialog = $('#order-dialog');
  if (!dialog.open) dialog.showModal();
}

function payment(order) {
  if (order.status === 'AWAITING_PAYMENT') return 'Online payment pending';
  return order.payment?.state || 'Cash on delivery';
}

function renderOrder(order) {
  $('#order-title').textContent = 'Order #' + order.number + ' · ' + order.status.replace('_', ' ').toLowerCase();
  const address = order.fulfilment === 'PICKUP' ? 'Pickup at the counter' : (order.deliveryAddress?.text
    || (order.deliveryAddress ? order.deliveryAddress.lat + ', ' + order.deliveryAddress.lng : '—'));
  const details = el('dl', { class: 'detail-grid' },
    el('dt', {}, 'Customer'), el('dd', { 'data-field': 'customer' }, order.customer?.name || '—'),
    el('dt', {}, 'Contact'), el('dd', {}, order.customer?.id || '—'),
    el('dt', {}, 'Channel'), el('dd', {}, order.channel),
    el('dt', {}, order.fulfilment === 'PICKUP' ? 'Pickup' : 'Deliver to'), el('dd', { 'data-field': 'address' }, address),
    el('dt', {}, 'Payment'), el('dd', {}, payment(order)),
    el('dt', {}, 'Placed'), el('dd', {}, time(order.createdAt) + ' (' + minutesSince(order.createdAt) + ' min ago)'),
    order.readyAt ? [el('dt', {}, 'Ready by'), el('dd', {}, time(order.readyAt))] : null,
    order.reason ? [el('dt', {}, 'Reason'), el('dd', {}, order.reason)] : null);
  const lines = el('table', { class: 'lines' }, el('tbody', {}, (order.items || []).map((line) => el('tr', {},
    el('td', { class: 'qty' }, line.quantity + ' ×'),
    el('td', {}, el('div', {}, line.name),
      optionText(line) ? el('div', { class: 'line-options' }, optionText(line)) : null,
      line.notes ? el('div', { class: 'line-notes', 'data-field': 'notes' }, 'Note: ' + line.notes) : null),
    el('td', { class: 'money' }, money(line.lineTotal, order.currency))))),
    el('tfoot', {}, el('tr', {}, el('td', {}), el('td', {}, el('strong', {}, 'Total')),
      el('td', { class: 'money' }, el('strong', {}, money(order.total, order.currency))))));
  const timeline = el('ol', { class: 'timeline', 'aria-label': 'Timeline' }, (order.timeline || []).map((entry) =>
    el('li', {}, time(entry.at) + ' · ' + entry.status.replace('_', ' ').toLowerCase() + (entry.note ? ' · ' + entry.note : ''))));
  $('#order-body').replaceChildren(details, lines, el('h3', {}, 'Timeline'), timeline);
  $('#order-actions').replaceChildren(...actionsFor(order));
}

function optionText(line) {
  return (line.options || []).filter((o) => o.shown).map((o) => {
    const q = (o.qualifier || '').toLowerCase();
    return q ? q + ' ' + o.name : o.name;
  }).join(', ');
}

function actionsFor(order) {
  const can = new Set(order.allowedCommands || []);
  const buttons = [];
  if (can.has('ACCEPT')) {
    buttons.push(el('div', { class: 'presets', role: 'group', 'aria-label': 'Accept with preparation time' },
      PREP_PRESETS.map((minutes) => el('button', { type: 'button', class: 'big primary', 'aria-label': 'Accept, ready in ' + minutes + ' minutes',
        onclick: () => command(order, 'accept', { prepMinutes: minutes }) }, 'Accept ' + minutes + ' min'))));
  }
  if (can.has('REJECT')) buttons.push(el('button', { type: 'button', class: 'big danger', onclick: () => askReject(order) }, 'Reject…'));
  if (can.has('START_PREPARING')) buttons.push(el('button', { type: 'button', class: 'big primary', onclick: () => command(order, 'preparing') }, 'Start preparing'));
  if (can.has('MARK_READY')) buttons.push(el('button', { type: 'button', class: 'big primary', onclick: () => command(order, 'ready') }, 'Mark ready'));
  if (can.has('HAND_OVER')) buttons.push(el('button', { type: 'button', class: 'big primary', onclick: () => command(order, 'picked-up') }, 'Handed over'));
  if (can.has('DELIVER')) buttons.push(el('button', { type: 'button', class: 'big', onclick: () => command(order, 'delivered') }, 'Delivered'));
  buttons.push(el('button', { type: 'button', class: 'big', onclick: () => printTicket(order) }, 'Print ticket'));
  return buttons;
}

let rejecting = null;

function askReject(order) {
  rejecting = order;
  $('#reject-title').textContent = 'Reject order #' + order.number;
  $('#reject-reason').value = '';
  $('#reject-dialog').showModal();
}

async function confirmReject(event) {
  event.preventDefault();
  const reason = $('#reject-reason').value.trim();
  if (!reason || !rejecting) return;
  $('#reject-dialog').close();
  await command(rejecting, 'reject', { reason });
  rejecting = null;
}

// ---------- kitchen ticket (80 mm) ----------

function printTicket(order) {
  const ticket = $('#ticket');
  ticket.replaceChildren(
    el('h1', {}, '#' + order.number),
    el('p', {}, (state.merchant?.name || '') + ' · ' + new Date(order.createdAt).toLocaleString()),
    el('p', {}, (order.fulfilment === 'PICKUP' ? 'PICKUP' : 'DELIVERY') + ' · ' + order.channel),
    el('p', {}, order.customer?.name || ''),
    order.fulfilment !== 'PICKUP' && order.deliveryAddress?.text ? el('p', {}, order.deliveryAddress.text) : null,
    order.readyAt ? el('p', {}, 'Ready by ' + time(order.readyAt)) : null,
    el('hr'),
    (order.items || []).map((line) => [
      el('p', { class: 'line' }, el('span', {}, line.quantity + ' × ' + line.name), el('span', {}, money(line.lineTotal, order.currency))),
      optionText(line) ? el('p', { class: 'sub' }, optionText(line)) : null,
      line.notes ? el('p', { class: 'sub' }, 'NOTE: ' + line.notes) : null]),
    el('hr'),
    el('p', { class: 'line' }, el('span', {}, 'TOTAL'), el('span', {}, money(order.total, order.currency))),
    el('p', {}, payment(order)));
  window.print();
}

// ---------- live events (Server-Sent Events over fetch, so the token rides in a header) ----------

async function connect() {
  state.stream?.abort();
  const controller = new AbortController();
  state.stream = controller;
  const headers = { Authorization: 'Bearer ' + state.session.token, Accept: 'text/event-stream' };
  if (state.lastEventId) headers['Last-Event-ID'] = state.lastEventId;
  try {
    const response = await fetch(API + merchantPath('/events'), { headers, signal: controller.signal, cache: 'no-store' });
    if (response.status === 401) { signOut('Your session ended. Please sign in again.'); return; }
    if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
    setConnection(true);
    state.retryMs = 1000;
    if (state.reconnecting) { state.reconnecting = false; loadBoard().catch(() => {}); }
    await readEvents(response.body, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) return;
  }
  if (state.stream !== controller || !state.session) return;
  setConnection(false);
  state.reconnecting = true;
  setTimeout(() => { if (state.stream === controller && state.session) connect(); }, state.retryMs);
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
  if (event.type === 'order.placed') state.unacked.add(payload.orderId);
  if (event.type === 'order.attention') { state.late.add(payload.orderId); state.unacked.add(payload.orderId); }
  try {
    await refreshOrder(payload.orderId);
  } catch (e) { /* the next reconnect reloads the board */ }
}

function setConnection(online) {
  const pill = $('#connection');
  pill.textContent = online ? 'live' : 'reconnecting…';
  pill.classList.toggle('offline', !online);
}

// ---------- alert: sound and flash until someone acknowledges ----------

let audio = null;
let alarmTimer = null;

function unlockSound() {
  try {
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    if (audio.state === 'suspended') audio.resume();
  } catch (e) { audio = null; }
}

function beep(loud) {
  if (!audio || audio.state !== 'running') return;
  const now = audio.currentTime;
  [0, 0.25, 0.5].forEach((offset, i) => {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = loud ? 'square' : 'sine';
    osc.frequency.value = i % 2 ? 660 : 880;
    gain.gain.setValueAtTime(loud ? 0.5 : 0.25, now + offset);
    gain.gain.exponentialRampToValueAtTime(0.001, now + offset + 0.2);
    osc.connect(gain).connect(audio.destination);
    osc.start(now + offset);
    osc.stop(now + offset + 0.22);
  });
}

function updateAlarm() {
  for (const id of [...state.unacked]) {
    if (!ACTIVE[state.orders.get(id)?.status]) state.unacked.delete(id);
  }
  const waiting = [...state.unacked].map((id) => state.orders.get(id)).filter(Boolean);
  const banner = $('#alert-banner');
  if (!waiting.length) { stopAlarm(); return; }
  const loud = waiting.some((o) => state.late.has(o.id));
  banner.hidden = false;
  banner.classList.toggle('loud', loud);
  banner.textContent = (loud ? 'Waiting too long: ' : 'New order ') + waiting.map((o) => '#' + o.number).join(', ') + ' — tap to acknowledge';
  if (!alarmTimer) {
    beep(loud);
    alarmTimer = setInterval(() => beep(waiting.some((o) => state.late.has(o.id))), loud ? 1500 : 3000);
  }
}

function stopAlarm() {
  clearInterval(alarmTimer);
  alarmTimer = null;
  $('#alert-banner').hidden = true;
}

function acknowledge(orderId) {
  if (orderId) state.unacked.delete(orderId); else state.unacked.clear();
  stopAlarm();
  renderBoard();
}

// ---------- history and daily summary ----------

let history = [];

async function loadHistory() {
  history = await api('GET', merchantPath('/orders?limit=500'));
  for (const order of history) if (!state.orders.has(order.id)) state.orders.set(order.id, order);
  renderHistory();
}

function renderHistory() {
  const all = [...state.orders.values()].sort((a, b) => new Date(b.createdAt) - new Date(a.createdAt));
  const today = new Date().toDateString();
  const todays = all.filter((o) => new Date(o.createdAt).toDateString() === today);
  const kept = todays.filter((o) => !['REJECTED', 'CANCELLED'].includes(o.status));
  const currency = all[0]?.currency || state.merchant?.currency;
  $('#summary').replaceChildren(
    el('div', {}, el('strong', {}, String(todays.length)), 'orders today'),
    el('div', {}, el('strong', {}, money(kept.reduce((sum, o) => sum + o.total, 0), currency)), 'sales today'),
    el('div', {}, el('strong', {}, String(todays.length - kept.length)), 'rejected or cancelled'));
  const query = $('#history-search').value.trim().toLowerCase();
  const matches = all.filter((o) => !query || [o.number, o.customer?.name, o.customer?.id, ...(o.items || []).map((l) => l.name)]
    .some((v) => String(v || '').toLowerCase().includes(query)));
  $('#history-list').replaceChildren(...matches.slice(0, 200).map((o) => el('li', {},
    el('button', { type: 'button', 'aria-label': 'Open order ' + o.number, onclick: () => openOrder(o.id) },
      el('span', {}, '#' + o.number), el('span', {}, o.customer?.name || ''), el('span', {}, o.status.replace('_', ' ').toLowerCase()),
      el('span', {}, time(o.createdAt)), el('span', {}, money(o.total, o.currency))))));
}

// ---------- views ----------

function show(view) {
  if (view === 'import' && !isOwner()) view = 'board';
  state.view = view;
  for (const name of VIEWS) {
    $('#' + name + '-view').hidden = name !== view;
    const tab = document.querySelector(`.tab[data-view="${name}"]`);
    if (name === view) tab.setAttribute('aria-current', 'page'); else tab.removeAttribute('aria-current');
  }
  if (view === 'menu') $('#menu-status').textContent = '';
  if (view === 'menu') loadMenu().catch((e) => toast('Could not load the menu: ' + e.message));
  if (view === 'import') resetImport();
  if (view === 'history') loadHistory().catch((e) => toast('Could not load orders: ' + e.message));
}

// ---------- wiring ----------

function wire() {
  $('#login-form').addEventListener('submit', signIn);
  $('#logout-button').addEventListener('click', () => signOut());
  $('#pause-button').addEventListener('click', () => togglePause().catch((e) => toast(e.message)));
  $('#pause-form').addEventListener('submit', (e) => confirmPause(e).catch((err) => toast(err.message)));
  $('#pause-cancel').addEventListener('click', () => $('#pause-dialog').close());
  $('#reject-form').addEventListener('submit', confirmReject);
  $('#reject-cancel').addEventListener('click', () => $('#reject-dialog').close());
  $('#alert-banner').addEventListener('click', () => { unlockSound(); acknowledge(); });
  $('#order-dialog').addEventListener('close', () => { state.openOrderId = null; });
  $('#menu-search').addEventListener('input', renderMenu);
  wireImport((message) => { show('menu'); $('#menu-status').textContent = message; });
  $('#history-search').addEventListener('input', renderHistory);
  document.querySelectorAll('.tab').forEach((tab) => tab.addEventListener('click', () => show(tab.dataset.view)));
  // browsers only play sound after a tap; the first tap anywhere unlocks it
  document.addEventListener('pointerdown', unlockSound, { once: true });
  $('#reject-presets').replaceChildren(...REJECT_PRESETS.map((reason) => el('button', { type: 'button', class: 'big',
    onclick: () => { $('#reject-reason').value = reason; } }, reason)));
  $('#pause-presets').replaceChildren(...PAUSE_PRESETS.map((reason) => el('button', { type: 'button', class: 'big',
    onclick: () => { $('#pause-reason').value = reason; } }, reason)));
  // card ages tick without a reload
  setInterval(() => { if (state.session && state.view === 'board') renderBoard(); }, 30000);
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});
}

wire();
const saved = restoreSession();
if (saved) { state.session = saved; useSession(saved, signOut); start().catch(() => signOut()); }
