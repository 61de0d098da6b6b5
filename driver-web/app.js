// Tiffin driver app. Plain ES modules, no build step.
// Security: everything a customer or merchant typed is put on the page with textContent. The bearer
// token is kept in localStorage, unlike the kitchen tablet's: a phone closes background apps all the
// time, a driver cannot retype a password at every stop, and actions kept offline must be sent when the
// app next opens. The strict Content-Security-Policy (scripts from this origin only) is what guards it.

import { api, login, loginProblem, token, useSession } from '/common/api.js';
import { $, el, toast } from './dom.js';
import { trackLocation } from './location.js';
import { createMap, mapConfig } from './map.js';
import { money } from './money.js';
import * as outbox from './outbox.js';
import { chime, unlock } from './sound.js';
import { openStream } from '/common/stream.js';

const SESSION_KEY = 'tiffin.driver.session';
const SHIFT_KEY = 'tiffin.driver.onShift';
const ROUTE_KEY = 'tiffin.driver.route'; // the last route, so the app opens with it in a dead zone
const DONE_KEY = 'tiffin.driver.done';   // today's finished stops: the server's route lists open ones only
const DONE = new Set(['DONE', 'COMPLETED', 'DELIVERED', 'FAILED', 'CANCELLED', 'SKIPPED']);
const FAIL_PRESETS = ['Customer not answering', 'Address not found', 'Customer refused the order', 'Could not reach the place'];
const ACTION_STATUS = { arrived: 'ARRIVED', 'picked-up': 'PICKED_UP', delivered: 'DELIVERED', failed: 'FAILED' };
const ACTION_DONE = { arrived: 'Arrived', 'picked-up': 'Picked up', delivered: 'Delivered', failed: 'Reported failed' };

const state = {
  session: null,
  onShift: false,
  stops: [],              // the route as the server last sent it, in order
  known: null,            // stop ids seen so far (null before the first load: nothing counts as new)
  pending: [],            // outbox entries not yet accepted by the server
  me: null,               // last position fix
  tracker: null,
  stream: null,
  live: false,
  map: null,
  mapLoading: null,       // the map being made: the shift toggle and the route load both start it
  wakeLock: null,
};

const driverId = () => state.session?.user?.id || state.session?.user?.email;
const time = (iso) => {
  const at = iso ? new Date(iso) : null;
  return at && !Number.isNaN(at.getTime()) ? at.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' }) : '';
};

// ---------- sign in / out ----------

async function signIn(event) {
  event.preventDefault();
  unlock();
  $('#login-error').textContent = '';
  let session;
  try {
    session = await login($('#email').value.trim(), $('#password').value);
  } catch (e) {
    $('#login-error').textContent = loginProblem(e, 'No connection. Try again when you have signal.');
    return;
  }
  if (session.user?.role !== 'DRIVER') {
    $('#login-error').textContent = 'This app is for drivers. Kitchens use the board at /merchant/.';
    return;
  }
  $('#password').value = '';
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  begin(session);
}

function signOut(message) {
  stopShiftServices();
  state.stream?.close();
  state.stream = null;
  state.session = null;
  state.stops = [];
  state.known = null;
  useSession(null);
  localStorage.removeItem(SESSION_KEY);
  localStorage.removeItem(SHIFT_KEY);
  localStorage.removeItem(ROUTE_KEY);
  localStorage.removeItem(DONE_KEY);
  $('#app').hidden = true;
  $('#login-view').hidden = false;
  $('#login-error').textContent = message || '';
}

function restoreSession() {
  try {
    const saved = JSON.parse(localStorage.getItem(SESSION_KEY));
    if (saved?.token && new Date(saved.expiresAt) > new Date()) return saved;
  } catch (e) { /* nothing usable stored */ }
  localStorage.removeItem(SESSION_KEY);
  return null;
}

async function begin(session) {
  state.session = session;
  useSession(session, signOut);
  const email = session.user?.email || '';
  $('#driver-name').textContent = email.split('@')[0] || 'Driver';
  $('#login-view').hidden = true;
  $('#app').hidden = false;
  state.stream = openStream('/api/v1/driver/events', {
    token,
    onEvent: (type, payload) => onServerEvent(type || 'message', payload),
    onState: (live) => {
      setConnection(live);
      // (re)connected: catch up on whatever happened while the stream was down
      if (live) { loadRoute(); flush(); }
    },
    onExpired: () => signOut('Your session ended. Please sign in again.'),
  });
  await refreshPending();
  showRoute(cachedRoute(), false);
  const serverShift = await readShift();
  const wanted = serverShift ?? localStorage.getItem(SHIFT_KEY) === 'true';
  if (wanted) await setShift(true, { quiet: true }); else renderShift();
  await loadRoute();
  flush();
}

// ---------- shift ----------

/** The driver's profile: their first name, and the server's view of the shift (null when unknown). */
async function readShift() {
  try {
    const me = await api('GET', '/driver/me');
    if (me?.firstName) $('#driver-name').textContent = me.firstName;
    if (typeof me?.onShift === 'boolean') return me.onShift;
    if (typeof me?.online === 'boolean') return me.online;
  } catch (e) { /* no connection: the phone remembers */ }
  return null;
}

async function setShift(online, { quiet } = {}) {
  const button = $('#shift-button');
  button.disabled = true;
  try {
    await api('PUT', '/driver/shift', { online });
  } catch (e) {
    if (e.status === 401) return;
    // offline at start-up with a shift in progress: carry on from what the phone knows
    const carryOn = quiet && e.status === 0;
    if (!carryOn) {
      if (!quiet) {
        toast(e.status === 0 ? 'No connection: try again when you have signal.'
          : (online ? 'Could not go on shift: ' : 'Could not go off shift: ') + e.message);
      }
      renderShift();
      return;
    }
  } finally {
    button.disabled = false;
  }
  state.onShift = online;
  localStorage.setItem(SHIFT_KEY, String(online));
  if (online) startShiftServices(); else stopShiftServices();
  renderShift();
  if (online) loadRoute();
}

async function startShiftServices() {
  if (!state.tracker) {
    state.tracker = trackLocation({
      send: sendLocation,
      onFix: (fix) => { state.me = fix; renderMap(); },
      onProblem: (problem) => { if (problem) $('#location-status').textContent = problem; },
    });
  }
  // Both callers may get here before the config arrives; one map only, or Leaflet refuses the container.
  state.mapLoading ??= mapConfig().then((config) => {
    state.map = createMap($('#map'), config, () => { $('#map-note').hidden = false; });
  });
  await state.mapLoading;
  requestAnimationFrame(() => { state.map?.resize(); renderMap(); });
  keepScreenOn();
}

function stopShiftServices() {
  state.tracker?.stop();
  state.tracker = null;
  state.wakeLock?.release().catch(() => {});
  state.wakeLock = null;
  $('#location-status').textContent = '';
}

async function sendLocation(fix) {
  try {
    await api('POST', '/driver/location', fix);
    $('#location-status').textContent = 'Location shared ' + time(new Date().toISOString())
      + (fix.accuracy ? ' (±' + fix.accuracy + ' m)' : '');
  } catch (e) {
    // 429: a ping crossed another one; the next goes through. Offline: the next one after signal returns.
    if (e.status === 0) $('#location-status').textContent = 'No connection: location will be shared when signal returns';
  }
}

/** A phone that sleeps stops sending its position; keep the screen on while on shift where allowed. */
async function keepScreenOn() {
  try {
    if ('wakeLock' in navigator && !state.wakeLock && document.visibilityState === 'visible') {
      state.wakeLock = await navigator.wakeLock.request('screen');
      state.wakeLock.addEventListener('release', () => { state.wakeLock = null; });
    }
  } catch (e) { /* battery saver or not supported */ }
}

function renderShift() {
  const button = $('#shift-button');
  button.setAttribute('aria-pressed', String(state.onShift));
  button.textContent = state.onShift ? 'On shift · tap to go off' : 'Go on shift';
  button.classList.toggle('on', state.onShift);
  $('#off-shift').hidden = state.onShift;
  $('#on-shift').hidden = !state.onShift;
  if (state.onShift) requestAnimationFrame(() => state.map?.resize());
}

// ---------- the route ----------

/** One stop in the shape this app uses, whatever small differences the server's shape has. */
function normalize(raw, index) {
  const kind = String(raw.kind || raw.type || 'DROPOFF').toUpperCase().replace(/[^A-Z]/g, '') === 'PICKUP' ? 'PICKUP' : 'DROPOFF';
  const location = raw.location || raw.position || {};
  const cash = raw.cashToCollect ?? raw.cash ?? raw.collect;
  const cashMinor = typeof cash === 'number' ? cash : cash?.amount ?? cash?.minor ?? null;
  const address = typeof raw.address === 'string' ? raw.address : raw.address?.text || raw.address?.line || '';
  return {
    id: String(raw.id ?? raw.stopId),
    sequence: index + 1,
    kind,
    orderId: raw.orderId,
    orderNumber: raw.orderNumber ?? raw.number ?? '',
    name: kind === 'PICKUP'
      ? raw.merchantName || raw.restaurantName || raw.name || 'Restaurant'
      : raw.customerName || raw.customer?.name || raw.name || 'Customer',
    address,
    lat: Number(location.lat ?? raw.lat),
    lng: Number(location.lng ?? location.lon ?? raw.lng),
    eta: raw.eta || raw.etaAt || null,
    itemsCount: raw.itemsCount ?? raw.itemCount ?? (Array.isArray(raw.items) ? raw.items.length : null),
    cashMinor: Number.isFinite(cashMinor) ? cashMinor : null,
    currency: cash?.currency || raw.currency || 'INR',
    phone: raw.phone || raw.customerPhone || null,
    locked: !!raw.locked,
    status: String(raw.status || 'PENDING').toUpperCase(),
    arrived: !!raw.arrivedAt || String(raw.status || '').toUpperCase() === 'ARRIVED',
  };
}

function isDone(stop) {
  return DONE.has(stop.status) || (stop.kind === 'PICKUP' && stop.status === 'PICKED_UP');
}

async function loadRoute() {
  if (!state.session) return;
  let route;
  try {
    route = await api('GET', '/driver/route');
  } catch (e) {
    if (e.status === 0) setConnection(false);
    return;
  }
  const list = Array.isArray(route) ? route : route?.stops || [];
  localStorage.setItem(ROUTE_KEY, JSON.stringify({ driver: driverId(), stops: list }));
  if (typeof route?.online === 'boolean' && route.online !== state.onShift) {
    // the server knows best (a merchant or a timeout may have taken the driver off shift)
    state.onShift = route.online;
    localStorage.setItem(SHIFT_KEY, String(route.online));
    if (route.online) startShiftServices(); else stopShiftServices();
    renderShift();
  }
  showRoute(list, true);
}

function showRoute(list, announceNew) {
  state.stops = list.map(normalize);
  const fresh = state.stops.filter((s) => !isDone(s) && state.known && !state.known.has(s.id));
  // an empty cached route says nothing about what is new: the first real load then announces nothing
  if (announceNew || list.length) state.known = new Set([...(state.known || []), ...state.stops.map((s) => s.id)]);
  if (fresh.length && announceNew) announce(fresh.length === 1 ? 'New stop: ' + describe(fresh[0]) : fresh.length + ' new stops assigned');
  renderRoute();
}

function cachedRoute() {
  try {
    const saved = JSON.parse(localStorage.getItem(ROUTE_KEY));
    if (saved?.driver === driverId() && Array.isArray(saved.stops)) return saved.stops;
  } catch (e) { /* nothing usable stored */ }
  return [];
}

function describe(stop) {
  return (stop.kind === 'PICKUP' ? 'pick up at ' : 'deliver to ') + stop.name + (stop.orderNumber ? ' (#' + stop.orderNumber + ')' : '');
}

/** The route with the actions still waiting in the outbox applied, so an offline tap shows at once. */
function effectiveStops() {
  return state.stops.map((stop) => {
    const mine = state.pending.filter((a) => a.stopId === stop.id);
    if (!mine.length) return stop;
    const last = mine[mine.length - 1];
    return { ...stop, status: ACTION_STATUS[last.action] || stop.status, arrived: true, queued: true };
  });
}

function renderRoute() {
  const stops = effectiveStops();
  const open = stops.filter((s) => !isDone(s));
  const ids = new Set(stops.map((s) => s.id));
  const done = [...stops.filter(isDone), ...finishedToday().filter((s) => !ids.has(s.id))];
  const active = open[0];
  $('#stop-count').textContent = String(open.length);
  $('#route-empty').hidden = open.length > 0;
  $('#stops').replaceChildren(...open.map((stop) => stopCard(stop, stop === active)));
  $('#done-section').hidden = done.length === 0;
  $('#done-count').textContent = String(done.length);
  $('#done-stops').replaceChildren(...done.map((stop) => stopCard(stop, false)));
  renderMap();
}

function renderMap() {
  if (!state.map || !state.onShift) return;
  const open = effectiveStops().filter((s) => !isDone(s));
  state.map.show(open.map((s, i) => ({ label: String(i + 1), kind: s.kind, active: i === 0, name: s.name, lat: s.lat, lng: s.lng })), state.me);
}

function stopCard(stop, active) {
  const finished = isDone(stop);
  const kindLabel = stop.kind === 'PICKUP' ? 'Pick up' : 'Drop off';
  const hasPlace = Number.isFinite(stop.lat) && Number.isFinite(stop.lng);
  const classes = ['stop', stop.kind === 'PICKUP' ? 'pickup' : 'dropoff', active ? 'active' : '', finished ? 'finished' : ''].filter(Boolean).join(' ');
  return el('li', { class: classes, 'data-stop-id': stop.id, 'data-kind': stop.kind, 'data-order-number': stop.orderNumber, 'data-status': stop.status },
    el('div', { class: 'stop-head' },
      el('span', { class: 'kind' }, kindLabel),
      stop.orderNumber !== '' ? el('span', { class: 'order-number' }, '#' + stop.orderNumber) : null,
      finished ? el('span', { class: 'eta done-label' }, statusText(stop))
        : stop.eta ? el('span', { class: 'eta', 'data-field': 'eta' }, 'ETA ' + time(stop.eta)) : null),
    el('div', { class: 'stop-name', 'data-field': 'name' }, stop.name),
    stop.address ? el('div', { class: 'stop-address', 'data-field': 'address' }, stop.address) : null,
    el('div', { class: 'stop-facts' },
      stop.itemsCount !== null ? el('span', { 'data-field': 'items' }, stop.itemsCount + (stop.itemsCount === 1 ? ' item' : ' items')) : null,
      stop.kind === 'DROPOFF' && stop.cashMinor !== null
        ? (stop.cashMinor > 0
          ? el('span', { class: 'cash', 'data-field': 'cash' }, 'Collect ' + money(stop.cashMinor, stop.currency) + ' cash')
          : el('span', { class: 'paid', 'data-field': 'cash' }, 'Paid online: collect nothing'))
        : null),
    stop.queued ? el('div', { class: 'queued' }, 'Saved on this phone: will be sent when the connection is back') : null,
    finished ? null : el('div', { class: 'nav-links' },
      hasPlace ? el('a', { class: 'big nav', href: directionsUrl(stop), target: '_blank', rel: 'noopener noreferrer',
        'aria-label': 'Directions to ' + stop.name }, 'Directions') : null,
      hasPlace ? el('a', { class: 'big nav', href: 'geo:' + stop.lat + ',' + stop.lng + '?q=' + stop.lat + ',' + stop.lng,
        'aria-label': 'Open ' + stop.name + ' in the maps app' }, 'Maps app') : null,
      active && stop.phone ? el('a', { class: 'big nav', href: 'tel:' + stop.phone.replace(/[^+\d]/g, ''), 'aria-label': 'Call ' + stop.name }, 'Call') : null),
    active && !finished ? actions(stop) : null);
}

function statusText(stop) {
  return { DELIVERED: 'Delivered', FAILED: 'Failed', PICKED_UP: 'Picked up', CANCELLED: 'Cancelled' }[stop.status] || 'Done';
}

function directionsUrl(stop) {
  return 'https://www.google.com/maps/dir/?api=1&destination=' + encodeURIComponent(stop.lat + ',' + stop.lng);
}

function actions(stop) {
  const order = stop.orderNumber !== '' ? ' order ' + stop.orderNumber : '';
  const buttons = [];
  if (!stop.arrived) {
    buttons.push(el('button', { type: 'button', class: 'big', 'aria-label': 'Arrived' + order, onclick: () => act(stop, 'arrived') }, 'Arrived'));
  }
  if (stop.kind === 'PICKUP') {
    buttons.push(el('button', { type: 'button', class: 'big primary', 'aria-label': 'Picked up' + order, onclick: () => act(stop, 'picked-up') }, 'Picked up'));
  } else if (stop.locked) {
    // five wrong codes: only the restaurant can release it
    buttons.push(el('p', { class: 'locked', role: 'note' }, 'Too many wrong codes: this delivery is locked. Call the restaurant.'));
  } else {
    buttons.push(el('button', { type: 'button', class: 'big primary', 'aria-label': 'Delivered' + order, onclick: () => askCode(stop) }, 'Delivered…'));
    buttons.push(el('button', { type: 'button', class: 'big danger', 'aria-label': 'Failed' + order, onclick: () => askReason(stop) }, 'Failed…'));
  }
  return el('div', { class: 'actions' }, buttons);
}

// ---------- stop actions, through the outbox ----------

let flushChain = Promise.resolve();
// actions whose outcome the tap that made them reports itself, with that outcome once known: a send
// already queued (the 'online' event, a reconnect, the 20 s retry) may take the action before the
// tap's own send runs, and its outcome must still reach the tap
const watching = new Map();

/** Keeps the action on the phone first, then tries to send everything kept, in order. */
async function act(stop, action, body) {
  const entry = await outbox.add({ driverId: driverId(), stopId: stop.id, orderNumber: stop.orderNumber, action, body: body || null });
  watching.set(entry.seq, null);
  await refreshPending();
  renderRoute();
  await flush();
  const outcome = watching.get(entry.seq) || { kept: true };
  watching.delete(entry.seq);
  if (outcome.ok) toast(ACTION_DONE[action] + (stop.orderNumber !== '' ? ': order #' + stop.orderNumber : ''));
  else if (outcome.kept) toast('No connection: saved on this phone, it will be sent when the signal is back.');
  else if (!body) refused(entry, outcome.refused); // the code and reason dialogs show their own refusals
  return outcome;
}

function flush() {
  flushChain = flushChain.then(sendKept, sendKept);
  return flushChain;
}

async function sendKept() {
  if (!state.session) return;
  let tried = false;
  const settle = (entry, outcome) => {
    tried = true;
    if (watching.has(entry.seq)) watching.set(entry.seq, outcome);
  };
  for (const entry of await outbox.list(driverId())) {
    try {
      const stop = await api('POST', '/driver/stops/' + encodeURIComponent(entry.stopId) + '/' + entry.action, entry.body ?? undefined);
      remember(stop, entry);
      await outbox.remove(entry.seq);
      settle(entry, { ok: true });
    } catch (e) {
      if (e.status === 0 || e.status === 401 || e.status === 429 || e.status >= 500) {
        // not refused, just not through yet: keep it, and everything after it, for the next try
        settle(entry, { kept: true });
        if (e.status === 0) setConnection(false);
        break;
      }
      await outbox.remove(entry.seq);
      settle(entry, { refused: e });
      if (!watching.has(entry.seq)) refused(entry, e);
    }
  }
  await refreshPending();
  renderRoute();
  if (tried) loadRoute();
}

/** An action the server refused (often one kept offline): say so; the reloaded route shows what is true. */
function refused(entry, error) {
  const order = entry.orderNumber !== '' && entry.orderNumber !== undefined ? 'order #' + entry.orderNumber : 'a stop';
  const what = '"' + ACTION_DONE[entry.action] + '" for ' + order;
  if (error.status === 423 && entry.action === 'delivered') {
    toast('Too many wrong codes for ' + order + ': the delivery is locked. Call the restaurant.');
  } else if (error.status === 422 && entry.action === 'delivered') {
    toast('The code typed for ' + order + ' was wrong' + attemptsText(error) + '. Ask the customer again.');
  } else if (error.status === 404) {
    toast(what + ' was not sent: this stop is no longer yours.');
  } else {
    toast(what + ' was refused: ' + error.message);
  }
}

/** Applies the server's answer to an action; a stop it reports finished joins today's done list. */
function remember(answer, entry) {
  const index = state.stops.findIndex((s) => s.id === entry.stopId);
  const known = state.stops[index];
  const told = answer && typeof answer === 'object' && (answer.id ?? answer.stopId) !== undefined ? normalize(answer, 0) : null;
  const stop = known ? { ...known, status: told?.status || ACTION_STATUS[entry.action], arrived: true } : told;
  // until the route is reloaded, the list shows the answer rather than the route from before the tap
  if (known) state.stops[index] = stop;
  if (!stop || !isDone(stop)) return;
  const list = finishedToday().filter((s) => s.id !== stop.id);
  list.unshift({ ...stop, arrived: true });
  localStorage.setItem(DONE_KEY, JSON.stringify({ driver: driverId(), day: new Date().toDateString(), stops: list.slice(0, 60) }));
}

function finishedToday() {
  try {
    const saved = JSON.parse(localStorage.getItem(DONE_KEY));
    if (saved?.driver === driverId() && saved.day === new Date().toDateString() && Array.isArray(saved.stops)) return saved.stops;
  } catch (e) { /* nothing usable stored */ }
  return [];
}

function attemptsText(error) {
  const left = error.data?.attemptsLeft ?? error.data?.remainingAttempts;
  return Number.isFinite(left) ? ' (' + left + (left === 1 ? ' attempt' : ' attempts') + ' left)' : '';
}

async function refreshPending() {
  state.pending = state.session ? await outbox.list(driverId()) : [];
  const box = $('#outbox-status');
  box.hidden = state.pending.length === 0;
  box.textContent = state.pending.length === 1 ? '1 action waiting for a connection'
    : state.pending.length + ' actions waiting for a connection';
}

// ---------- delivered (with the customer's code) and failed (with a reason) ----------

let codeStop = null;

function askCode(stop) {
  codeStop = stop;
  $('#otp-title').textContent = 'Code for order #' + stop.orderNumber;
  $('#otp-hint').textContent = (stop.cashMinor > 0 ? 'Collect ' + money(stop.cashMinor, stop.currency) + ' cash, then ask' : 'Ask')
    + ' the customer for the 4-digit code they received.';
  $('#otp-input').value = '';
  $('#otp-input').removeAttribute('aria-invalid');
  $('#otp-error').textContent = '';
  $('#otp-confirm').disabled = false;
  $('#otp-dialog').showModal();
  $('#otp-input').focus();
}

async function confirmCode(event) {
  event.preventDefault();
  const otp = $('#otp-input').value.trim();
  if (!/^\d{4}$/.test(otp)) {
    $('#otp-error').textContent = 'The code is 4 digits.';
    $('#otp-input').setAttribute('aria-invalid', 'true');
    return;
  }
  $('#otp-confirm').disabled = true;
  const outcome = await act(codeStop, 'delivered', { otp });
  $('#otp-confirm').disabled = false;
  if (outcome.refused) {
    const error = outcome.refused;
    $('#otp-input').setAttribute('aria-invalid', 'true');
    $('#otp-input').select();
    const left = error.data?.attemptsLeft ?? error.data?.remainingAttempts;
    if (error.status === 422 && left !== 0) {
      $('#otp-error').textContent = 'Wrong code' + attemptsText(error) + '. Ask the customer to read it again.';
    } else if (error.status === 422 || error.status === 423 || /lock/i.test(error.message)) {
      $('#otp-error').textContent = 'Too many wrong codes: this delivery is locked. Call the restaurant.';
    } else if (error.status === 409) {
      $('#otp-error').textContent = 'This stop cannot be delivered yet: ' + error.message;
    } else {
      $('#otp-error').textContent = error.message;
    }
    return;
  }
  $('#otp-dialog').close();
}

let failStop = null;

function askReason(stop) {
  failStop = stop;
  $('#fail-title').textContent = 'Order #' + stop.orderNumber + ' failed';
  $('#fail-reason').value = '';
  $('#fail-error').textContent = '';
  $('#fail-dialog').showModal();
}

async function confirmReason(event) {
  event.preventDefault();
  const reason = $('#fail-reason').value.trim();
  if (!reason) {
    $('#fail-error').textContent = 'Say why, so the restaurant can sort it out.';
    return;
  }
  const outcome = await act(failStop, 'failed', { reason });
  if (outcome.refused) {
    $('#fail-error').textContent = outcome.refused.message;
    return;
  }
  $('#fail-dialog').close();
}

// ---------- live events ----------

function onServerEvent(type, payload) {
  if (type === 'assignment') {
    state.known = state.known || new Set();
    loadRoute().then(() => {
      // loadRoute announces stops it has not seen; an assignment it could not tell apart still chimes
      if (!$('#assignment-banner').hidden) return;
      announce('New delivery assigned' + (payload?.orderNumber ? ': #' + payload.orderNumber : ''));
    });
  } else if (type === 'route' || type === 'stop' || type === 'message') {
    loadRoute();
  }
}

function announce(text) {
  chime();
  const banner = $('#assignment-banner');
  banner.textContent = text + ' · tap to close';
  banner.hidden = false;
}

function setConnection(live) {
  state.live = live;
  const pill = $('#connection');
  pill.textContent = live ? 'live' : 'offline';
  pill.classList.toggle('offline', !live);
}

// ---------- wiring ----------

function wire() {
  $('#login-form').addEventListener('submit', signIn);
  $('#logout-button').addEventListener('click', () => {
    if (state.onShift && !confirm('Sign out? You stay on shift until you go off shift.')) return;
    signOut();
  });
  $('#shift-button').addEventListener('click', () => {
    unlock();
    const open = effectiveStops().filter((s) => !isDone(s)).length;
    // stops not started go to other drivers; say so before they vanish from this phone
    if (state.onShift && open && !confirm('You still have ' + open + (open === 1 ? ' stop' : ' stops')
      + '. Go off shift anyway? Stops you have not started go to other drivers.')) return;
    setShift(!state.onShift);
  });
  $('#assignment-banner').addEventListener('click', () => {
    $('#assignment-banner').hidden = true;
    $('#stops .stop')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  });
  $('#otp-form').addEventListener('submit', confirmCode);
  $('#otp-cancel').addEventListener('click', () => $('#otp-dialog').close());
  $('#otp-input').addEventListener('input', () => { $('#otp-error').textContent = ''; $('#otp-input').removeAttribute('aria-invalid'); });
  $('#fail-form').addEventListener('submit', confirmReason);
  $('#fail-cancel').addEventListener('click', () => $('#fail-dialog').close());
  $('#fail-presets').replaceChildren(...FAIL_PRESETS.map((reason) => el('button', { type: 'button', class: 'big',
    onclick: () => { $('#fail-reason').value = reason; $('#fail-error').textContent = ''; } }, reason)));
  document.addEventListener('pointerdown', unlock, { once: true });
  window.addEventListener('online', () => { flush(); if (!state.live) state.stream?.kick(); });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && state.session) {
      if (state.onShift) keepScreenOn();
      loadRoute();
      flush();
    }
  });
  // whatever is kept is retried now and then too: 'online' is not fired on every network change
  setInterval(() => { if (state.session && state.pending.length) flush(); }, 20000);
  // ETAs and "done" labels stay current without a tap
  setInterval(() => { if (state.session && state.onShift) loadRoute(); }, 60000);
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});
}

wire();
const saved = restoreSession();
if (saved) begin(saved).catch(() => {});
