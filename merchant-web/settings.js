// Store rules (owner): opening hours per weekday in the store's time zone, minimum order, delivery
// fee (flat or by distance band), delivery radius, packaging, tax, pickup, web chat. Read with
// GET .../settings, saved whole with PUT; money typed in rupees and sent in paise (money.js). Fields
// this screen does not know are sent back as they came. No opening hours (null) means open always.
// The web chat switch lives on the merchant (PATCH /merchants/{id} {"webChat":{"enabled"}}) unless
// the settings carry it. A server without the endpoint (404) gets a plain note instead of a form.

import { api, merchantPath } from './api.js';
import { $, el, fill } from './dom.js';
import { DAYS } from './hours.js';
import { amountText, currencySymbol, parseAmount } from './money.js';
import { state } from './state.js';

let loaded = null;   // the settings as the server sent them
let draft = null;    // what the form holds
let errors = [];     // [{ field, message }]
let status = '';
let onSaved = () => {};

const currency = () => state.merchant?.currency || 'INR';
const dayName = (day) => day.charAt(0) + day.slice(1).toLowerCase();

export const wireSettings = (saved) => { onSaved = saved; };

/** Loads the store rules for the header (open or closed); quiet when the server has none. */
export async function fetchSettings() {
  try {
    state.settings = await api('GET', merchantPath('/settings'));
  } catch (error) {
    if (error.status === 404 || error.status === 403) state.settings = null;
  }
  return state.settings;
}

export async function loadSettings() {
  status = '';
  errors = [];
  fill($('#settings-form'), el('p', { class: 'muted' }, 'Loading store rules…'));
  try {
    loaded = await api('GET', merchantPath('/settings'));
  } catch (error) {
    loaded = null;
    if (error.message === 'unauthorized') return;
    fill($('#settings-form'), el('p', { class: 'notice', role: 'status' }, error.status === 404
      ? 'Store rules are not available on this server yet. Opening hours, fees and taxes can be set once it is updated.'
      : error.status === 403 ? 'Only the owner can change the store rules.' : 'Could not load the store rules: ' + error.message));
    return;
  }
  state.settings = loaded;
  draft = toDraft(loaded || {});
  render();
}

function toDraft(s) {
  const fee = s.deliveryFee || {};
  const money = (minor) => (minor === null || minor === undefined ? '' : amountText(minor, currency()));
  return {
    timezone: s.timezone || state.merchant?.timezone || Intl.DateTimeFormat().resolvedOptions().timeZone,
    alwaysOpen: !s.openingHours,
    hours: Object.fromEntries(DAYS.map((day) => [day, (s.openingHours?.[day] || []).map((i) => ({ open: i.open || '', close: i.close || '' }))])),
    minimumOrder: money(s.minimumOrder),
    feeMode: Array.isArray(fee.bands) && fee.bands.length ? 'bands' : 'flat',
    flatFee: money(fee.flat ?? 0),
    bands: (fee.bands || []).map((b) => ({ upToKm: b.upToKm ?? '', fee: money(b.fee) })),
    radiusKm: s.deliveryRadiusKm ?? '',
    packaging: money(s.packagingCharge),
    taxPercent: s.taxPercent ?? '',
    pickupAllowed: s.pickupAllowed !== false,
    webChat: webChatOn(s),
    ...moneyAndMail(state.merchant),
  };
}

/** Payment ways and email settings live on the merchant (PATCH /merchants/{id}), not in the store rules. */
function moneyAndMail(merchant) {
  const payments = merchant?.payments || { cashOnDelivery: true, online: false };
  const emails = merchant?.emails || {};
  return {
    cashOnDelivery: payments.cashOnDelivery !== false, online: payments.online === true,
    emailAddress: emails.address || '', newOrderEmails: emails.newOrders === true,
    dailySummary: emails.dailySummary === true, receipts: emails.receipts === true,
  };
}

function moneyAndMailChanged() {
  const now = moneyAndMail(state.merchant);
  return ['cashOnDelivery', 'online', 'emailAddress', 'newOrderEmails', 'dailySummary', 'receipts']
    .some((key) => now[key] !== draft[key]);
}

async function saveMoneyAndMail() {
  const emailsOn = draft.newOrderEmails || draft.dailySummary;
  const body = { payments: { cashOnDelivery: draft.cashOnDelivery, online: draft.online } };
  if (draft.emailAddress.trim() || !emailsOn) {
    body.emails = { address: draft.emailAddress.trim() || null, newOrders: draft.newOrderEmails,
      dailySummary: draft.dailySummary, receipts: draft.receipts };
  }
  try {
    state.merchant = await api('PATCH', merchantPath(''), body);
  } catch (error) {
    if (error.message === 'unauthorized') throw error;
    errors = [{ field: error.problems?.[0]?.path || 'payments', message: 'The other rules were saved, but payments and email were not: '
      + (error.problems?.[0]?.message || error.problems?.[0]?.reason || error.message) }];
  }
}

// ---------- the form ----------

const problem = (field) => errors.find((e) => e.field === field);

function input(field, label, value, attrs = {}, onInput) {
  const error = problem(field);
  const id = 'setting-' + field.replace(/[^a-zA-Z0-9_-]/g, '_');
  const node = el('input', { id, 'data-field': field, 'aria-invalid': error ? 'true' : 'false',
    'aria-describedby': error ? id + '-error' : null, ...attrs });
  node.value = value ?? '';
  node.addEventListener('input', () => onInput(node.value));
  return el('div', { class: 'field' }, el('label', { for: id }, label), node,
    error ? el('p', { id: id + '-error', class: 'error' }, error.message) : null);
}

function checkbox(field, label, checked, onChange) {
  const id = 'setting-' + field;
  const node = el('input', { id, type: 'checkbox', 'data-field': field, checked });
  node.addEventListener('change', () => onChange(node.checked));
  return el('div', { class: 'check' }, node, el('label', { for: id }, label));
}

const rupees = (label) => label + ' (' + currencySymbol(currency()) + ')';
const moneyAttrs = { type: 'text', inputmode: 'decimal', autocomplete: 'off' };

function render() {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  if (!zones.includes(draft.timezone)) zones.unshift(draft.timezone);
  const zone = el('select', { id: 'setting-timezone', 'data-field': 'timezone' },
    zones.map((z) => el('option', { value: z, selected: z === draft.timezone }, z)));
  zone.addEventListener('change', () => { draft.timezone = zone.value; });

  fill($('#settings-form'),
    errors.length ? el('div', { class: 'import-errors', role: 'alert' }, el('h3', {}, 'Not saved: ' + errors.length + (errors.length === 1 ? ' problem' : ' problems')),
      el('ul', { class: 'problems' }, errors.map((e) => el('li', {}, el('span', { class: 'problem-path' }, e.field), el('span', { class: 'problem-detail' }, e.message))))) : null,
    el('fieldset', { class: 'rules-group' }, el('legend', {}, 'Opening hours'),
      el('div', { class: 'field' }, el('label', { for: 'setting-timezone' }, 'Time zone'), zone),
      checkbox('alwaysOpen', 'Open every day, all day', draft.alwaysOpen, (v) => {
        draft.alwaysOpen = v;
        if (!v && DAYS.every((day) => !draft.hours[day].length)) DAYS.forEach((day) => draft.hours[day].push({ open: '11:00', close: '23:00' }));
        render();
      }),
      draft.alwaysOpen ? null : [
        el('p', { class: 'muted' }, 'A day with no hours is closed. A closing time before the opening time runs past midnight.'),
        problem('openingHours') ? el('p', { class: 'error' }, problem('openingHours').message) : null,
        DAYS.map(dayRow)]),
    el('fieldset', { class: 'rules-group' }, el('legend', {}, 'Orders'),
      el('div', { class: 'field-row' },
        input('minimumOrder', rupees('Minimum order'), draft.minimumOrder, moneyAttrs, (v) => { draft.minimumOrder = v; }),
        input('packagingCharge', rupees('Packaging charge per order'), draft.packaging, moneyAttrs, (v) => { draft.packaging = v; }),
        input('taxPercent', 'Tax (%)', draft.taxPercent, { type: 'text', inputmode: 'decimal' }, (v) => { draft.taxPercent = v; })),
      checkbox('pickupAllowed', 'Customers may pick up at the counter', draft.pickupAllowed, (v) => { draft.pickupAllowed = v; }),
      checkbox('webChat', 'Take orders through the web chat', draft.webChat, (v) => { draft.webChat = v; })),
    el('fieldset', { class: 'rules-group' }, el('legend', {}, 'Delivery'),
      input('deliveryRadiusKm', 'Delivery radius (km, empty for any distance)', draft.radiusKm, { type: 'text', inputmode: 'decimal' }, (v) => { draft.radiusKm = v; }),
      el('div', { class: 'segmented', role: 'radiogroup', 'aria-label': 'Delivery fee' },
        ['flat', 'bands'].map((mode) => {
          const id = 'fee-mode-' + mode;
          const radio = el('input', { type: 'radio', name: 'fee-mode', id, value: mode, checked: draft.feeMode === mode });
          radio.addEventListener('change', () => { draft.feeMode = mode; if (mode === 'bands' && !draft.bands.length) draft.bands.push({ upToKm: '', fee: '' }); render(); });
          return el('span', {}, radio, el('label', { for: id, class: 'big' }, mode === 'flat' ? 'Flat fee' : 'Fee by distance'));
        })),
      draft.feeMode === 'flat'
        ? input('deliveryFee.flat', rupees('Delivery fee'), draft.flatFee, moneyAttrs, (v) => { draft.flatFee = v; })
        : el('div', { class: 'bands' },
          draft.bands.map((band, i) => el('div', { class: 'field-row band' },
            input('deliveryFee.bands[' + i + '].upToKm', 'Up to (km)', band.upToKm, { type: 'text', inputmode: 'decimal' }, (v) => { band.upToKm = v; }),
            input('deliveryFee.bands[' + i + '].fee', rupees('Fee'), band.fee, moneyAttrs, (v) => { band.fee = v; }),
            el('button', { type: 'button', class: 'big quiet', 'aria-label': 'Remove distance band ' + (i + 1),
              onclick: () => { draft.bands.splice(i, 1); render(); } }, 'Remove'))),
          el('button', { type: 'button', class: 'big', onclick: () => { draft.bands.push({ upToKm: '', fee: '' }); render(); } }, 'Add a distance band'))),
    el('fieldset', { class: 'rules-group' }, el('legend', {}, 'Payments and email'),
      checkbox('cashOnDelivery', 'Cash on delivery (or at the counter)', draft.cashOnDelivery, (v) => { draft.cashOnDelivery = v; }),
      checkbox('online', 'Online payment (the customer gets a payment link; the order comes in once paid)', draft.online,
        (v) => { draft.online = v; }),
      problem('payments') ? el('p', { class: 'error' }, problem('payments').message) : null,
      input('emails.address', 'Email for new orders and the daily summary', draft.emailAddress,
        { type: 'email', autocomplete: 'email' }, (v) => { draft.emailAddress = v; }),
      checkbox('newOrderEmails', 'Email me each new order', draft.newOrderEmails, (v) => { draft.newOrderEmails = v; }),
      checkbox('dailySummary', 'Email me a summary every evening', draft.dailySummary, (v) => { draft.dailySummary = v; }),
      checkbox('receipts', 'Offer customers email receipts (the bot asks once)', draft.receipts, (v) => { draft.receipts = v; })),
    el('div', { class: 'settings-save' },
      el('button', { type: 'submit', class: 'big primary' }, 'Save store rules'),
      el('p', { id: 'settings-status', class: 'status', role: 'status' }, status)));
}

function dayRow(day) {
  const list = draft.hours[day];
  return el('div', { class: 'day-row', 'data-day': day },
    el('span', { class: 'day-name' }, dayName(day)),
    el('div', { class: 'day-intervals' },
      list.length ? list.map((interval, i) => el('div', { class: 'interval' },
        timeInput(day, i, 'open', interval), el('span', { 'aria-hidden': 'true' }, '–'), timeInput(day, i, 'close', interval),
        el('button', { type: 'button', class: 'big quiet', 'aria-label': 'Remove ' + dayName(day) + ' hours ' + (i + 1),
          onclick: () => { list.splice(i, 1); render(); } }, 'Remove')))
        : el('span', { class: 'closed-day' }, 'Closed'),
      problem('openingHours.' + day) ? el('p', { class: 'error' }, problem('openingHours.' + day).message) : null),
    el('button', { type: 'button', class: 'big', 'aria-label': 'Add hours on ' + dayName(day),
      onclick: () => { list.push(list.length ? { open: '', close: '' } : { open: '11:00', close: '23:00' }); render(); } }, 'Add hours'));
}

function timeInput(day, i, end, interval) {
  const node = el('input', { type: 'time', class: 'time', 'aria-label': dayName(day) + ' ' + (end === 'open' ? 'opens' : 'closes') + (i ? ' (' + (i + 1) + ')' : ''),
    'aria-invalid': problem('openingHours.' + day) ? 'true' : 'false' });
  node.value = interval[end];
  node.addEventListener('input', () => { interval[end] = node.value; });
  return node;
}

// ---------- checking and saving ----------

const DECIMAL = /^\d+(\.\d{1,2})?$/;

/** The PUT body from the draft, or the problems that keep it from being sent. */
export function toSettings(form, base, currencyCode) {
  const problems = [];
  const amount = (field, text, required) => {
    if (String(text ?? '').trim() === '') { if (required) problems.push({ field, message: 'Enter an amount, for example 30.' }); return required ? null : 0; }
    const parsed = parseAmount(text, currencyCode);
    if (parsed.error) { problems.push({ field, message: parsed.error.replace('A price', 'An amount').replace('a price', 'an amount') }); return null; }
    return parsed.minor;
  };
  const decimal = (field, text, max, what) => {
    const value = String(text ?? '').trim();
    if (!DECIMAL.test(value) || Number(value) > max) { problems.push({ field, message: 'Enter ' + what + ' from 0 to ' + max + ', for example ' + (max === 100 ? '5' : '3.5') + '.' }); return null; }
    return Number(value);
  };
  let openingHours = {};
  for (const day of DAYS) {
    const list = form.hours[day].filter((i) => i.open || i.close);
    for (const i of list) {
      if (!/^\d{2}:\d{2}$/.test(i.open) || !/^\d{2}:\d{2}$/.test(i.close)) problems.push({ field: 'openingHours.' + day, message: dayName(day) + ': give both an opening and a closing time.' });
      else if (i.open === i.close) problems.push({ field: 'openingHours.' + day, message: dayName(day) + ': opening and closing time are the same.' });
    }
    openingHours[day] = list.map((i) => ({ open: i.open, close: i.close }));
  }
  if (form.alwaysOpen) openingHours = null;
  else if (DAYS.every((day) => !openingHours[day].length)) {
    problems.push({ field: 'openingHours', message: 'Add hours on at least one day, or choose "Open every day, all day".' });
  }
  let deliveryFee;
  if (form.feeMode === 'bands') {
    let last = 0;
    const bands = form.bands.map((band, i) => {
      const upToKm = decimal('deliveryFee.bands[' + i + '].upToKm', band.upToKm, 500, 'a distance');
      if (upToKm !== null && upToKm <= last) problems.push({ field: 'deliveryFee.bands[' + i + '].upToKm', message: 'Each band must reach further than the one before.' });
      if (upToKm !== null) last = Math.max(last, upToKm);
      return { upToKm, fee: amount('deliveryFee.bands[' + i + '].fee', band.fee, true) };
    });
    if (!bands.length) problems.push({ field: 'deliveryFee.bands', message: 'Add at least one distance band, or choose a flat fee.' });
    deliveryFee = { bands };
  } else {
    deliveryFee = { flat: amount('deliveryFee.flat', form.flatFee, false) };
  }
  const body = {
    ...base,
    openingHours,
    timezone: form.timezone,
    minimumOrder: amount('minimumOrder', form.minimumOrder, false),
    deliveryFee,
    // no radius: any distance
    deliveryRadiusKm: String(form.radiusKm ?? '').trim() === '' ? null : decimal('deliveryRadiusKm', form.radiusKm, 500, 'a distance'),
    packagingCharge: amount('packagingCharge', form.packaging, false),
    taxPercent: String(form.taxPercent ?? '').trim() === '' ? 0 : decimal('taxPercent', form.taxPercent, 100, 'a percentage'),
    pickupAllowed: !!form.pickupAllowed,
  };
  // the switch travels with the settings only where the server keeps it there
  if (base && 'webChat' in base) body.webChat = { ...(base.webChat || {}), enabled: !!form.webChat };
  delete body.openNow;
  delete body.opensAt;
  delete body.nextOpening;
  return { body, problems };
}

/** The web chat switch: from the settings when they carry it, else from the merchant. */
const webChatOn = (settings) => (settings && 'webChat' in settings ? settings.webChat?.enabled === true
  : state.merchant?.webChat?.enabled === true);

async function saveWebChat(enabled) {
  try {
    state.merchant = await api('PATCH', merchantPath(''), { webChat: { enabled } });
  } catch (error) {
    if (error.message === 'unauthorized') throw error;
    errors = [{ field: 'webChat', message: error.status === 404 || error.status === 405
      ? 'Turning the web chat on or off is not available on this server yet; the other rules were saved.'
      : 'The other rules were saved, but the web chat switch was not: ' + error.message }];
  }
}

export async function saveSettings(event) {
  event.preventDefault();
  if (!draft) return;
  const { body, problems } = toSettings(draft, loaded || {}, currency());
  errors = problems;
  status = '';
  if (!draft.cashOnDelivery && !draft.online) problems.push({ field: 'payments', message: 'Take cash, online payment, or both.' });
  if ((draft.newOrderEmails || draft.dailySummary) && !draft.emailAddress.trim()) {
    problems.push({ field: 'emails.address', message: 'Give an email address for these emails.' });
  }
  if (problems.length) { render(); $('#settings-form [aria-invalid=true]')?.focus(); return; }
  try {
    const saved = await api('PUT', merchantPath('/settings'), body);
    loaded = saved && typeof saved === 'object' ? saved : body;
    if (!('webChat' in body) && draft.webChat !== webChatOn(loaded)) await saveWebChat(draft.webChat);
    if (moneyAndMailChanged()) await saveMoneyAndMail();
    state.settings = loaded;
    draft = toDraft(loaded);
    status = errors.length ? '' : 'Store rules saved.';
    render();
    onSaved();
  } catch (error) {
    if (error.message === 'unauthorized') return;
    errors = error.problems?.length ? error.problems.map((p) => ({ field: p.path || 'settings', message: p.reason || p.message || '' }))
      : [{ field: 'settings', message: error.status === 404 ? 'Store rules are not available on this server yet.' : error.message }];
    render();
  }
}
