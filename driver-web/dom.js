// The driver app's toast; the element helpers are shared with the kitchen board (/common/dom.js).

import { $ } from '/common/dom.js';

export { $, el } from '/common/dom.js';

let toastTimer = null;

/** One short message at the bottom of the screen, read out by screen readers. */
export function toast(message) {
  const box = $('#toast');
  box.textContent = message;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, 5000);
}
