// The board's toasts; the element helpers are shared with the driver app (/common/dom.js).

import { $, el } from '/common/dom.js';

export { $, el, fill, nodes } from '/common/dom.js';

export function toast(message) {
  const note = el('div', { class: 'toast', role: 'alert' }, message);
  // an open modal dialog sits above the page: the note goes inside it to be seen
  const host = [...document.querySelectorAll('dialog[open]')].pop() || $('#toasts');
  host.append(note);
  setTimeout(() => note.remove(), 5000);
}
