// Merchants: search by name and status, create (the onboarding API), edit the profile and channel
// bindings (secrets write-only), suspend / resume, and the merchant's users (disable, enable, a new
// password shown once, add).

import { api } from '/common/api.js';
import { $, el, fill } from '/common/dom.js';
import { dataTable } from '/common/table.js';
import { toast } from './app.js';

let editing = null;
const SECRET = 'telegramBotToken';
const BINDINGS = ['whatsappPhoneNumberId', 'instagramAccountId', 'smsNumber', SECRET];

export async function loadMerchants() {
  const query = new URLSearchParams({ size: '100' });
  if ($('#merchant-q').value.trim()) query.set('q', $('#merchant-q').value.trim());
  if ($('#merchant-status').value) query.set('status', $('#merchant-status').value);
  const page = await api('GET', '/admin/merchants?' + query);
  const actions = (m) => el('span', { class: 'row-actions' },
    el('button', { type: 'button', onclick: () => edit(m) }, 'Edit'),
    el('button', { type: 'button', onclick: () => loadUsers(m).catch((e) => toast(e.message)) }, 'Users'),
    el('button', { type: 'button', class: m.suspended ? 'primary' : 'danger', onclick: () => suspend(m, !m.suspended) },
      m.suspended ? 'Resume' : 'Suspend'));
  const table = dataTable(`Merchants (${page.total})`, [
    { label: 'Name', value: (m) => m.name },
    { label: 'Status', value: (m) => m.status },
    { label: 'WhatsApp', value: (m) => m.channels.whatsappPhoneNumberId || '' },
    { label: 'Time zone', value: (m) => m.timezone },
    { label: 'Id', value: (m) => m.id },
  ], page.items, { file: 'merchants', empty: 'No merchant matches.' });
  // the action buttons go beside each row; the CSV keeps the data columns only
  table.querySelectorAll('tbody tr').forEach((row, i) => page.items[i]
    && row.append(el('td', {}, actions(page.items[i]))));
  table.querySelector('thead tr').append(el('th', { scope: 'col' }, 'Actions'));
  fill($('#merchant-list'), table);
}

async function suspend(merchant, suspended) {
  if (suspended && !confirm(`Suspend ${merchant.name}? Its bot will tell customers it takes no orders.`)) return;
  try {
    await api('PATCH', '/admin/merchants/' + encodeURIComponent(merchant.id), { suspended });
    toast(`${merchant.name} ${suspended ? 'suspended' : 'resumed'}`);
    await loadMerchants();
  } catch (e) {
    toast(e.message);
  }
}

function edit(merchant) {
  editing = merchant;
  const form = $('#merchant-form');
  form.reset();
  form.querySelectorAll('.new-only').forEach((n) => { n.hidden = !!merchant; });
  $('#merchant-dialog-title').textContent = merchant ? 'Edit ' + merchant.name : 'New merchant';
  $('#merchant-error').textContent = '';
  if (merchant) {
    form.elements.name.value = merchant.name;
    form.elements.address.value = merchant.address || '';
    for (const b of BINDINGS.filter((x) => x !== SECRET)) form.elements[b].value = merchant.channels[b] || '';
    form.elements[SECRET].placeholder = merchant.channels.telegramBotTokenSet ? 'set: type to replace' : 'not set';
  }
  $('#merchant-dialog').showModal();
}

async function save(event) {
  event.preventDefault();
  const f = event.target.elements;
  const channels = {};
  for (const b of BINDINGS) {
    // an empty secret keeps the stored one; an emptied binding removes it
    if (b === SECRET ? f[b].value !== '' : (editing?.channels[b] || '') !== f[b].value.trim()) channels[b] = f[b].value.trim();
  }
  try {
    if (editing) {
      await api('PATCH', '/admin/merchants/' + encodeURIComponent(editing.id),
        { name: f.name.value.trim(), address: f.address.value.trim() || null, channels });
    } else {
      await api('POST', '/merchants', { name: f.name.value.trim(), currency: f.currency.value.trim(),
        timezone: f.timezone.value.trim(), address: f.address.value.trim(),
        location: { lat: Number(f.lat.value), lng: Number(f.lng.value) }, channels });
    }
    $('#merchant-dialog').close();
    await loadMerchants();
  } catch (e) {
    $('#merchant-error').textContent = e.problems?.length ? e.problems.map((p) => p.path + ' ' + p.reason).join('; ') : e.message;
  }
}

async function loadUsers(merchant) {
  const users = await api('GET', '/admin/merchants/' + encodeURIComponent(merchant.id) + '/users');
  const act = async (user, what) => {
    const answer = await api('POST', '/admin/users/' + encodeURIComponent(user.id) + '/' + what);
    if (answer.password) {
      $('#secret-value').textContent = answer.password;
      $('#secret-dialog').showModal();
    }
    await loadUsers(merchant);
  };
  const table = dataTable('Users of ' + merchant.name, [
    { label: 'Email', value: (u) => u.email }, { label: 'Role', value: (u) => u.role },
    { label: 'Can sign in', value: (u) => (u.disabled ? 'no (disabled)' : 'yes') },
  ], users, { file: 'users', empty: 'No users yet.' });
  table.querySelectorAll('tbody tr').forEach((row, i) => users[i] && row.append(el('td', {}, el('span', { class: 'row-actions' },
    el('button', { type: 'button', onclick: () => act(users[i], users[i].disabled ? 'enable' : 'disable').catch((e) => toast(e.message)) },
      users[i].disabled ? 'Enable' : 'Disable'),
    el('button', { type: 'button', onclick: () => act(users[i], 'reset-password').catch((e) => toast(e.message)) }, 'Reset password')))));
  table.querySelector('thead tr').append(el('th', { scope: 'col' }, 'Actions'));
  const email = el('input', { type: 'email', required: true, placeholder: 'email', 'aria-label': 'New user email' });
  const role = el('select', { 'aria-label': 'New user role' }, ['MERCHANT_OWNER', 'MERCHANT_STAFF', 'DRIVER'].map((r) => el('option', {}, r)));
  const add = el('form', { class: 'toolbar', onsubmit: async (e) => {
    e.preventDefault();
    const password = generated();
    try {
      await api('POST', '/merchants/' + encodeURIComponent(merchant.id) + '/users', { email: email.value.trim(), password, role: role.value });
      $('#secret-value').textContent = password;
      $('#secret-dialog').showModal();
      await loadUsers(merchant);
    } catch (err) {
      toast(err.problems?.length ? err.problems.map((p) => p.path + ' ' + p.reason).join('; ') : err.message);
    }
  } }, email, role, el('button', { type: 'submit' }, 'Add user'));
  fill($('#merchant-users'), table, add);
}

/** A first password for a new user, from the browser's secure random source, shown once. */
function generated() {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(crypto.getRandomValues(new Uint32Array(16)), (n) => alphabet[n % alphabet.length]).join('');
}

export function wireMerchants() {
  $('#merchant-search').addEventListener('submit', (e) => { e.preventDefault(); loadMerchants().catch((err) => toast(err.message)); });
  $('#merchant-new').addEventListener('click', () => edit(null));
  $('#merchant-form').addEventListener('submit', save);
  $('#merchant-cancel').addEventListener('click', () => $('#merchant-dialog').close());
  $('#secret-close').addEventListener('click', () => { $('#secret-value').textContent = ''; $('#secret-dialog').close(); });
}
