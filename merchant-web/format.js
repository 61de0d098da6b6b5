// How an order reads to a kitchen: the customer's best name (never a raw id), the chosen options,
// notes, where it goes, how it is paid, and its price lines. Pure functions of the order JSON, so
// the card, the detail and the printed ticket say the same thing.

import { money } from './money.js';

const CHANNEL_NAMES = { WHATSAPP: 'WhatsApp', WEB: 'Web chat', SMS: 'SMS', VOICE: 'Phone call', TELEGRAM: 'Telegram',
  INSTAGRAM: 'Instagram' };
const PHONE_CHANNELS = new Set(['WHATSAPP', 'SMS', 'VOICE']);
// a web chat's random session id or a database id is not a name ("3f0c9a6e-…", "674ab1…")
const LOOKS_LIKE_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24}|[0-9a-f-]{32,})$/i;
const CHARGE_LABELS = { DELIVERY_FEE: 'Delivery fee', PACKAGING: 'Packaging', PACKAGING_CHARGE: 'Packaging', TAX: 'Tax',
  DISCOUNT: 'Discount', TIP: 'Tip', SERVICE_CHARGE: 'Service charge' };

export const channelName = (channel) => CHANNEL_NAMES[channel] || String(channel || '').toLowerCase() || 'Unknown';

const clean = (text) => (typeof text === 'string' ? text.trim().replace(/\s+/g, ' ') : '');

/** "+91 97000 12345"-style digits of the customer, when the channel or the profile has a phone number. */
export function customerPhone(order) {
  const customer = order.customer || {};
  const raw = clean(customer.phone) || (PHONE_CHANNELS.has(order.channel) ? clean(customer.id) : '');
  const digits = raw.replace(/[\s()-]/g, '');
  if (!/^\+?\d{6,15}$/.test(digits)) return null;
  return digits.startsWith('+') ? digits : '+' + digits;
}

/** The best name a board has: profile or first name, else the phone number, else "Web guest". */
export function customerName(order) {
  const customer = order.customer || {};
  for (const candidate of [customer.name, customer.firstName, customer.profileName, customer.displayName]) {
    const name = clean(candidate);
    if (name && !LOOKS_LIKE_ID.test(name)) return name;
  }
  const phone = customerPhone(order);
  if (phone) return phone;
  return order.channel === 'WEB' ? 'Web guest' : channelName(order.channel) + ' customer';
}

/** An order from a web chat customer nobody verified (no phone code): the board marks it. */
export const unverified = (order) => order.customer?.verified === false || order.verified === false || order.unverified === true;

export function optionText(line) {
  return (line.options || []).filter((o) => o.shown !== false).map((o) => {
    const qualifier = (o.qualifier || '').toLowerCase();
    return qualifier ? qualifier + ' ' + o.name : o.name;
  }).join(', ');
}

/** What the customer refused on a line ("no extra Cheese"): the option stays as it comes, without the extra. */
export function declinedText(line) {
  return (line.declined || []).map((o) => 'no ' + (o.qualifier || '').toLowerCase() + ' ' + o.name).join(', ');
}

/** A line's note ("less sugar"); lines carried `notes` first, `note` later. */
export const lineNote = (line) => clean(line.note) || clean(line.notes) || '';
export const orderNote = (order) => clean(order.note) || clean(order.notes) || '';

export const isPickup = (order) => order.fulfilment === 'PICKUP';

export function addressText(order) {
  if (isPickup(order)) return 'At the counter';
  const address = order.deliveryAddress;
  if (address?.text) return address.text;
  if (address && address.lat != null && address.lng != null) return address.lat + ', ' + address.lng;
  return 'Needs a location';
}

export function payment(order) {
  const paid = order.payment || {};
  const state = String(paid.state || paid.status || '').toUpperCase();
  if (order.status === 'AWAITING_PAYMENT') {
    // the provider may be down: the link is retried and the kitchen waits for the payment
    if (state === 'LINK_PENDING') return 'Payment link pending';
    if (state === 'MISMATCH') return 'Paid a different amount: check before cooking';
    return 'Online payment pending';
  }
  if (['PAID', 'CAPTURED'].includes(state)) return 'Paid online';
  if (state === 'REFUND_PENDING') return 'Refund pending';
  if (state === 'REFUND_FAILED') return 'Refund failed: refund by hand';
  if (state === 'REFUNDED') return 'Refunded';
  if (state && !['CASH', 'COD', 'NONE', 'CASH_DUE'].includes(state)) return state.replace(/_/g, ' ').toLowerCase();
  const collect = order.amountToCollect > 0 ? ': collect ' + money(order.amountToCollect, order.currency) : '';
  return (isPickup(order) ? 'Cash at pickup' : 'Cash on delivery') + collect;
}

export const statusText = (status) => String(status || '').replace(/_/g, ' ').toLowerCase();

/**
 * The price lines under the items: the items' subtotal, then each charge the server added (delivery
 * fee, packaging, tax), then the total. Without charges it is the total alone, as before.
 */
export function priceLines(order) {
  const charges = (Array.isArray(order.charges) ? order.charges : []).filter((c) => c && Number.isFinite(Number(c.amount)));
  const lines = [];
  if (charges.length) {
    const subtotal = Number.isFinite(Number(order.subtotal)) ? Number(order.subtotal)
      : (order.items || []).reduce((sum, line) => sum + (Number(line.lineTotal) || 0), 0);
    lines.push({ kind: 'SUBTOTAL', label: 'Items', amount: subtotal });
    for (const charge of charges) {
      lines.push({ kind: charge.kind || 'CHARGE', label: clean(charge.label) || CHARGE_LABELS[charge.kind] || statusText(charge.kind) || 'Charge',
        amount: Number(charge.amount) });
    }
  }
  lines.push({ kind: 'TOTAL', label: 'Total', amount: order.total });
  return lines.map((line) => ({ ...line, text: money(line.amount, order.currency) }));
}
