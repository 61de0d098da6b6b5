// Small DOM helpers shared by the kitchen board and the driver app. Text only: nothing here ever
// parses a string as HTML, so a customer's name or a menu file's text cannot become markup.

export const $ = (selector) => document.querySelector(selector);

/**
 * Children as nodes: nested arrays are flattened to any depth and null / undefined / false are
 * dropped, so a builder can return [row, note ? noteRow : null] without a stray "null" or
 * "[object HTMLParagraphElement]" reaching the page (replaceChildren would print both).
 */
export function nodes(...children) {
  return children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false)
    .map((child) => (child instanceof Node ? child : document.createTextNode(String(child))));
}

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  node.append(...nodes(children));
  return node;
}

/** Replaces a node's children; takes the same nested children as el(). */
export function fill(target, ...children) {
  target.replaceChildren(...nodes(children));
  return target;
}
