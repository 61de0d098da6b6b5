// Tiffin kitchen board. Plain ES modules, no build step: this file signs in, switches views and
// wires the header; board.js, detail.js, ticket.js, delivery.js, settings.js, history.js, menu.js and
// import.js own their screens.
// Security: the bearer token lives in memory and in sessionStorage (this tab only, gone when it
// closes), never in localStorage. Everything a customer typed is put on the page with textContent.

import { unlockSound, updateAlarm, stopAlarm } from './alarm.js';
import { api, isOwner, login, loginProblem, merchantPath, useSession } from './api.js';
import { renderBoard } from './board.js';
import { loadDeliveries } from './delivery.js';
import { confirmReason } from './detail.js';
import { $, el, fill, toast } from './dom.js';
import { nextOpening, openAt } from './hours.js';
import { loadHistory, renderHistory } from './history.js';
import { resetImport, wireImport } from './import.js';
import { loadMenu, renderMenu } from './menu.js';
import { acknowledge, loadOrders } from './orders.js';
import { fetchSettings, loadSettings, saveSettings, wireSettings } from './settings.js';
import { onOrdersChanged, state } from './state.js';
import { connect } from './stream.js';
import { mountDashboard } from '/common/dashboard.js';

const VIEWS = ['board', 'menu', 'import', 'settings', 'history', 'dashboard'];
const OWNER_VIEWS = new Set(['import', 'settings', 'dashboard']);
const PAUSE_PRESETS = ['Kitchen is full', 'Closing early today', 'Back in 30 minutes'];
const STORAGE_KEY = 'tiffin.merchant.session';

onOrdersChanged(updateAlarm);

// ---------- sign in / out ----------

async function signIn(event) {
  event.preventDefault();
  unlockSound();
  $('#login-error').textContent = '';
  let session;
  try {
    session = await login($('#email').value.trim(), $('#password').value);
  } catch (e) {
    $('#login-error').textContent = loginProblem(e, 'No connection. Try again in a moment.');
    return;
  }
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
  state.stream?.close();
  state.stream = null;
  state.session = null;
  useSession(null);
  state.orders.clear();
  state.unacked.clear();
  state.problems.clear();
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
  // staff run the kitchen; prices, imports and store rules are the owner's (the API enforces it too)
  document.querySelectorAll('.owner-only').forEach((node) => { node.hidden = !isOwner(); });
  $('#login-view').hidden = true;
  $('#app').hidden = false;
  show('board');
  await Promise.all([loadMerchant(), loadOrders()]);
  connect(merchantPath('/events'), signOut);
  // delivery and store rules arrive on newer servers; without them the board works as before
  loadDeliveries();
  fetchSettings().then(renderStoreState);
}

// ---------- header: merchant, open or closed, pause switch ----------

async function loadMerchant() {
  state.merchant = await api('GET', merchantPath(''));
  $('#merchant-name').textContent = state.merchant.name;
  document.title = state.merchant.name + ' · Tiffin kitchen';
  renderPause();
  renderStoreState();
}

/** "Closed · opens 11:00" in the header while the store is outside its opening hours. */
function renderStoreState() {
  const rules = { ...(state.settings || {}) };
  if (typeof rules.openNow !== 'boolean' && typeof state.merchant?.openNow === 'boolean') rules.openNow = state.merchant.openNow;
  if (!rules.timezone) rules.timezone = state.merchant?.timezone;
  const open = openAt(rules);
  const pill = $('#store-state');
  pill.hidden = open !== false;
  if (open === false) {
    const next = nextOpening(rules);
    fill(pill, 'Closed', next ? el('span', { class: 'pill-detail' }, ' · ' + next) : null);
    pill.title = 'Outside opening hours: the bot takes no orders' + (next ? ' and tells customers it ' + next : '');
  }
}

function renderPause() {
  const paused = !!state.merchant?.paused;
  const button = $('#pause-button');
  button.setAttribute('aria-pressed', String(paused));
  button.textContent = paused ? 'Resume orders' : 'Pause orders';
  const banner = $('#paused-banner');
  // a suspension is the platform's, and the owner cannot lift it: say so above everything else
  const suspended = !!state.merchant?.suspended;
  banner.hidden = !paused && !suspended;
  banner.textContent = suspended ? 'Suspended by the platform: the bot tells customers you take no orders. Contact support.'
    : paused ? 'New orders are paused' + (state.merchant.pauseReason ? ': ' + state.merchant.pauseReason : '') : '';
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

// ---------- views ----------

function show(view) {
  if (OWNER_VIEWS.has(view) && !isOwner()) view = 'board';
  state.view = view;
  document.body.dataset.view = view;
  for (const name of VIEWS) {
    $('#' + name + '-view').hidden = name !== view;
    const tab = document.querySelector(`.tab[data-view="${name}"]`);
    if (name === view) tab.setAttribute('aria-current', 'page'); else tab.removeAttribute('aria-current');
  }
  if (view === 'menu') $('#menu-status').textContent = '';
  if (view === 'menu') loadMenu().catch((e) => toast('Could not load the menu: ' + e.message));
  if (view === 'import') resetImport();
  if (view === 'settings') loadSettings();
  // the admin app's dashboard, which the API limits to the owner's own merchant
  if (view === 'dashboard') mountDashboard($('#dashboard-view'), { api, title: 'Your sales' });
  if (view === 'history') loadHistory().catch((e) => toast('Could not load orders: ' + e.message));
}

// ---------- wiring ----------

function wire() {
  $('#login-form').addEventListener('submit', signIn);
  $('#logout-button').addEventListener('click', () => signOut());
  $('#pause-button').addEventListener('click', () => togglePause().catch((e) => toast(e.message)));
  $('#pause-form').addEventListener('submit', (e) => confirmPause(e).catch((err) => toast(err.message)));
  $('#pause-cancel').addEventListener('click', () => $('#pause-dialog').close());
  $('#reason-form').addEventListener('submit', confirmReason);
  $('#reason-back').addEventListener('click', () => $('#reason-dialog').close());
  $('#alert-banner').addEventListener('click', () => { unlockSound(); acknowledge(); });
  $('#order-dialog').addEventListener('close', () => { state.openOrderId = null; });
  $('#menu-search').addEventListener('input', renderMenu);
  wireImport((message) => { show('menu'); $('#menu-status').textContent = message; });
  wireSettings(renderStoreState);
  $('#settings-form').addEventListener('submit', saveSettings);
  $('#history-search').addEventListener('input', renderHistory);
  document.querySelectorAll('.tab').forEach((tab) => tab.addEventListener('click', () => show(tab.dataset.view)));
  // browsers only play sound after a tap; the first tap anywhere unlocks it
  document.addEventListener('pointerdown', unlockSound, { once: true });
  fill($('#pause-presets'), PAUSE_PRESETS.map((reason) => el('button', { type: 'button', class: 'big',
    onclick: () => { $('#pause-reason').value = reason; } }, reason)));
  // card ages and the open / closed state tick without a reload; store rules are re-read now and then
  let ticks = 0;
  setInterval(() => {
    if (!state.session) return;
    if (state.view === 'board') renderBoard();
    if (++ticks % 10 === 0) fetchSettings().then(renderStoreState); else renderStoreState();
  }, 30000);
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});
}

wire();
const saved = restoreSession();
if (saved) { state.session = saved; useSession(saved, signOut); start().catch(() => signOut()); }
