// The menu screen: sold-out switches for everyone, price edits for the owner. Menu text comes from
// a merchant's import and is put on the page with textContent only (see dom.js).

import { api, isOwner, merchantPath } from './api.js';
import { $, el, toast } from './dom.js';
import { amountText, currencySymbol, money, parseAmount } from './money.js';

let menu = null;
// the one price being edited survives re-renders (a search, another tablet's change)
let editing = null; // { key, draft, error }

export async function loadMenu() {
  menu = (await api('GET', merchantPath('/menu'))).menu;
  renderMenu();
}

export const currentMenu = () => menu;

export const renderMenu = () => render(null);

/** focus: 'field' puts the caret in the open price field, an edit key returns it to that Edit button. */
function render(focus) {
  if (!menu) return;
  const query = $('#menu-search').value.trim().toLowerCase();
  $('#menu-list').replaceChildren(...menu.categories.map((category) => {
    const items = category.items.filter((item) => !query || item.name.toLowerCase().includes(query));
    if (!items.length) return null;
    return el('section', { class: 'menu-category' }, el('h2', {}, category.name), items.map(menuItem));
  }).filter(Boolean));
  if (focus === 'field' && editing) document.getElementById(inputId(editing.key))?.focus();
  else if (focus) document.querySelector(`.edit-price[data-edit-key="${CSS.escape(focus)}"]`)?.focus();
}

function menuItem(item) {
  const available = item.available !== false;
  const itemPath = '/menu/items/' + encodeURIComponent(item.id);
  const target = { key: 'item:' + item.id, path: itemPath, label: 'Price of ' + item.name, name: item.name, price: item.price ?? 0 };
  return el('div', { class: 'menu-item', 'data-item-id': item.id },
    el('div', { class: 'menu-row' },
      el('span', { class: 'name' }, item.name),
      el('span', { class: 'price', 'data-field': 'price' }, item.price != null ? money(item.price, menu.currency) : ''),
      editButton(target),
      toggle(available, item.name, () => setAvailable(itemPath, !available))),
    priceForm(target),
    (item.optionGroups || []).length ? el('div', { class: 'menu-options' }, item.optionGroups.flatMap((group) => group.options.map((option) => {
      const on = option.available !== false;
      const optionPath = itemPath + '/options/' + encodeURIComponent(group.id) + '/' + encodeURIComponent(option.id);
      const optionName = item.name + ' ' + option.name;
      const optionTarget = { key: 'option:' + item.id + '/' + group.id + '/' + option.id, path: optionPath,
        label: 'Extra price of ' + item.name + ', ' + group.name + ' ' + option.name, name: optionName, price: option.price ?? 0 };
      return el('div', { class: 'menu-option', 'data-option-id': group.id + '/' + option.id },
        el('div', { class: 'menu-row' },
          el('span', { class: 'name' }, group.name + ': ' + option.name),
          el('span', { class: 'price', 'data-field': 'price' }, '+ ' + money(option.price ?? 0, menu.currency)),
          editButton(optionTarget),
          toggle(on, optionName, () => setAvailable(optionPath, !on))),
        priceForm(optionTarget));
    }))) : null);
}

function toggle(on, name, action) {
  return el('button', { type: 'button', class: 'big toggle', 'aria-pressed': String(on), 'aria-label': name + (on ? ' is available' : ' is sold out'),
    onclick: action }, on ? 'Available' : 'Sold out');
}

async function setAvailable(path, available) {
  try {
    menu = (await api('PATCH', merchantPath(path), { available })).menu;
    renderMenu();
  } catch (error) {
    if (error.message !== 'unauthorized') toast('Could not change availability: ' + error.message);
  }
}

// ---------- price edits (owner only: the server refuses staff with 403 anyway) ----------

const inputId = (key) => 'price-' + key.replace(/[^a-zA-Z0-9_-]/g, '_');

function editButton(target) {
  if (!isOwner()) return null;
  const open = editing?.key === target.key;
  return el('button', { type: 'button', class: 'big edit-price', 'aria-expanded': String(open), 'aria-controls': inputId(target.key) + '-form',
    'data-edit-key': target.key, 'aria-label': 'Edit price of ' + target.name, onclick: () => startEdit(target) }, 'Edit price');
}

function startEdit(target) {
  editing = { key: target.key, draft: amountText(target.price, menu.currency), error: '' };
  render('field');
}

function priceForm(target) {
  if (!isOwner() || editing?.key !== target.key) return null;
  const id = inputId(target.key);
  const input = el('input', { id, class: 'price-input', type: 'text', inputmode: 'decimal', autocomplete: 'off', enterkeyhint: 'done',
    'aria-describedby': id + '-error', 'aria-invalid': editing.error ? 'true' : 'false' });
  input.value = editing.draft;
  input.addEventListener('input', () => { editing.draft = input.value; });
  const error = el('p', { id: id + '-error', class: 'error', role: 'alert' }, editing.error);
  return el('form', { id: id + '-form', class: 'price-form', novalidate: true, onsubmit: (event) => { event.preventDefault(); savePrice(target); } },
    el('label', { for: id }, target.label + ' (' + currencySymbol(menu.currency) + ')'),
    el('div', { class: 'price-controls' },
      input,
      el('button', { type: 'submit', class: 'big primary', 'aria-label': 'Save ' + target.label.toLowerCase() }, 'Save'),
      el('button', { type: 'button', class: 'big quiet', 'aria-label': 'Cancel editing ' + target.label.toLowerCase(),
        onclick: () => { editing = null; render(target.key); } }, 'Cancel')),
    error);
}

async function savePrice(target) {
  const parsed = parseAmount(editing.draft, menu.currency);
  if (parsed.error) {
    editing.error = parsed.error;
    render('field');
    return;
  }
  try {
    menu = (await api('PATCH', merchantPath(target.path), { price: parsed.minor })).menu;
    editing = null;
    render(target.key);
    $('#menu-status').textContent = target.label + ' is now ' + money(parsed.minor, menu.currency) + '.';
  } catch (error) {
    if (error.message === 'unauthorized') return;
    editing.error = error.status === 403 ? 'Only the owner can change prices.'
      : error.problems?.length ? error.problems.map((p) => p.reason).join('; ')
        : 'Could not save: ' + error.message;
    render('field');
  }
}
