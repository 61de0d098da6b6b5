// Tiffin admin app. Plain ES modules, no build step: this file signs in and switches views;
// merchants.js, operations.js and audit.js own their screens, /common/dashboard.js the dashboard.
// The bearer token lives in sessionStorage (this tab only), never in localStorage, as on the board.

import { api, login, loginProblem, useSession } from '/common/api.js';
import { mountDashboard } from '/common/dashboard.js';
import { $, el } from '/common/dom.js';
import { loadAudit, wireAudit } from './audit.js';
import { loadMerchants, wireMerchants } from './merchants.js';
import { loadOperations } from './operations.js';

const VIEWS = ['dashboard', 'merchants', 'operations', 'audit'];
const STORAGE_KEY = 'tiffin.admin.session';

export function toast(message) {
  const note = el('div', { class: 'toast', role: 'alert' }, message);
  $('#toasts').append(note);
  setTimeout(() => note.remove(), 5000);
}

async function signIn(event) {
  event.preventDefault();
  $('#login-error').textContent = '';
  try {
    const session = await login($('#email').value.trim(), $('#password').value);
    if (session.user.role !== 'ADMIN') {
      $('#login-error').textContent = 'This app is for platform admins. Owners find their dashboard in the kitchen board.';
      return;
    }
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    start(session);
  } catch (e) {
    $('#login-error').textContent = loginProblem(e, 'No connection. Try again.');
  }
}

function signOut(message) {
  sessionStorage.removeItem(STORAGE_KEY);
  $('#app').hidden = true;
  $('#login-view').hidden = false;
  $('#login-error').textContent = message || '';
}

async function start(session) {
  useSession(session, signOut);
  $('#login-view').hidden = true;
  $('#app').hidden = false;
  $('#who').textContent = session.user.email;
  let merchants = [];
  try {
    merchants = (await api('GET', '/admin/merchants?size=200')).items;
  } catch (e) {
    toast('Could not load merchants: ' + e.message);
  }
  mountDashboard($('#dashboard-view'), { api, merchants, title: 'Platform dashboard' });
  show('dashboard');
}

function show(view) {
  for (const name of VIEWS) {
    $('#' + name + '-view').hidden = name !== view;
    const tab = document.querySelector(`.tab[data-view="${name}"]`);
    if (name === view) tab.setAttribute('aria-current', 'page'); else tab.removeAttribute('aria-current');
  }
  const load = { merchants: loadMerchants, operations: loadOperations, audit: loadAudit }[view];
  load?.().catch((e) => toast(e.message));
}

$('#login-form').addEventListener('submit', signIn);
$('#logout-button').addEventListener('click', () => signOut());
document.querySelectorAll('.tab').forEach((tab) => tab.addEventListener('click', () => show(tab.dataset.view)));
wireMerchants();
wireAudit();
if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});
const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
if (saved && new Date(saved.expiresAt) > new Date()) start(saved); else signOut();
