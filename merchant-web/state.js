// What the board knows right now, shared by the screens. One object, so every module reads the
// same orders and the same session.

export const state = {
  session: null,          // { token, expiresAt, user }
  merchant: null,
  settings: null,         // store rules, when the server has them
  orders: new Map(),      // id -> order (active and recent)
  unacked: new Set(),     // order ids the kitchen has not looked at yet
  late: new Set(),        // order ids the platform flagged as waiting too long
  untold: new Map(),      // order id -> why an update could not reach the customer (outside the service window)
  problems: new Set(),    // order ids whose delivery failed or whose code locked
  stream: null,           // the live connection (close() ends it)
  openOrderId: null,
  view: 'board',
};

export const time = (iso) => iso ? new Date(iso).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' }) : '';
export const minutesSince = (iso) => Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 60000));

// the board re-renders whenever the orders change; screens subscribe instead of importing each other
const listeners = [];
export const onOrdersChanged = (listener) => listeners.push(listener);
export const ordersChanged = () => listeners.forEach((listener) => listener());
