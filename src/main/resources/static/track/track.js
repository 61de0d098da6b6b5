// The customer's tracking page, opened from the link in their chat: /t/{token}. No login; the token
// is the only key, and the API answers for that one order only. Refreshes every POLL_MS while the
// order is open. Everything from the server is put on the page as text.

const POLL_MS = 10000;
const FINAL = new Set(['DELIVERED', 'CANCELLED', 'REJECTED', 'FAILED', 'EXPIRED']);
// a failed hand-over may still be retried by the restaurant, so the page keeps watching it
const ENDED = new Set(['DELIVERED', 'CANCELLED', 'REJECTED', 'EXPIRED']);
const STEPS = ['Placed', 'Cooking', 'Ready', 'On the way', 'Delivered'];
const STEP_OF = {
  PLACED: 0, AWAITING_PAYMENT: 0, ACCEPTED: 1, PREPARING: 1, READY: 2, ASSIGNED: 2,
  PICKED_UP: 3, OUT_FOR_DELIVERY: 3, ON_THE_WAY: 3, IN_TRANSIT: 3, ARRIVED: 3, AT_DROPOFF: 3, DELIVERED: 4,
};
const STATUS_TEXT = {
  PLACED: 'Waiting for the restaurant to accept', AWAITING_PAYMENT: 'Waiting for your payment',
  ACCEPTED: 'Accepted: the kitchen is on it', PREPARING: 'Being prepared', READY: 'Ready, waiting for the driver',
  ASSIGNED: 'A driver is on the way to the restaurant', PICKED_UP: 'On the way to you', OUT_FOR_DELIVERY: 'On the way to you',
  ON_THE_WAY: 'On the way to you', IN_TRANSIT: 'On the way to you', ARRIVED: 'Your driver has arrived',
  AT_DROPOFF: 'Your driver is at your door',
  DELIVERED: 'Delivered. Enjoy your meal!', CANCELLED: 'This order was cancelled', REJECTED: 'The restaurant could not take this order',
  FAILED: 'The delivery did not go through: the restaurant will contact you',
};

const $ = (selector) => document.querySelector(selector);
const token = (/^\/t\/([A-Za-z0-9_-]{8,200})\/?$/.exec(location.pathname) || [])[1];
let timer = null;
let map = null;
let marker = null;
const mapConfig = loadMapConfig();
let mapConfigNow = null;

function show(view) {
  for (const id of ['loading', 'tracking', 'not-found']) $('#' + id).hidden = id !== view;
}

function clock(iso) {
  const at = iso ? new Date(iso) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
}

async function refresh() {
  clearTimeout(timer);
  if (!token) { show('not-found'); return; }
  let response;
  try {
    response = await fetch('/api/v1/track/' + encodeURIComponent(token), { cache: 'no-store' });
  } catch (e) {
    $('#updated').textContent = 'No connection: trying again…';
    timer = setTimeout(refresh, POLL_MS);
    return;
  }
  if (response.status === 404 || response.status === 410 || response.status === 400) { show('not-found'); return; }
  if (!response.ok) {
    $('#updated').textContent = 'Could not refresh: trying again…';
    timer = setTimeout(refresh, POLL_MS);
    return;
  }
  const order = await response.json();
  render(order);
  const status = shownStatus(order);
  if (!ENDED.has(status)) timer = setTimeout(refresh, POLL_MS);
}

/** The order's status, except where the delivery says more: the driver at the door, or a failed hand-over. */
function shownStatus(order) {
  const delivery = String(order.deliveryStatus || '').toUpperCase();
  if (delivery === 'FAILED' || delivery === 'AT_DROPOFF') return delivery;
  return String(order.status || '').toUpperCase();
}

function render(order) {
  show('tracking');
  const status = shownStatus(order);
  $('#order-number').textContent = order.orderNumber != null ? '#' + order.orderNumber : '';
  document.title = 'Order ' + $('#order-number').textContent + ' · Tiffin';
  const statusLine = $('#status');
  statusLine.dataset.status = status;
  statusLine.textContent = STATUS_TEXT[status] || status.replaceAll('_', ' ').toLowerCase();

  const reached = STEP_OF[status] ?? -1;
  $('#steps').replaceChildren(...STEPS.map((label, i) => {
    const li = document.createElement('li');
    li.textContent = label;
    if (i <= reached) li.className = 'reached';
    if (i === reached) li.setAttribute('aria-current', 'step');
    return li;
  }));

  const eta = clock(order.eta);
  $('#eta-box').hidden = !eta || FINAL.has(status);
  if (eta) {
    $('#eta').textContent = eta.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
    const minutes = Math.round((eta.getTime() - Date.now()) / 60000);
    $('#eta-in').textContent = minutes > 1 ? 'in about ' + minutes + ' min' : 'any minute now';
  }

  const driver = order.driver || null;
  const name = driver?.name || driver?.firstName || '';
  $('#driver').hidden = !name || FINAL.has(status);
  $('#driver').textContent = name ? name + (reached >= 3 ? ' is bringing your order' : ' will bring your order') : '';

  const where = driver?.location;
  const onItsWay = where && Number.isFinite(Number(where.lat)) && Number.isFinite(Number(where.lng)) && !FINAL.has(status);
  $('#map-wrap').hidden = !onItsWay;
  if (onItsWay) placeDriver(Number(where.lat), Number(where.lng), name);
  $('#updated').textContent = 'Updated ' + new Date().toLocaleTimeString([], { hour: 'numeric', minute: '2-digit', second: '2-digit' });
}

function placeDriver(lat, lng, name) {
  const L = window.L;
  if (!L) { $('#map-wrap').hidden = true; return; }
  if (!map) {
    const config = mapConfigNow || { tileUrl: '', attribution: '', maxZoom: 19 };
    map = L.map('map', { zoomControl: true }).setView([lat, lng], 15);
    map.attributionControl.setPrefix(false);
    L.tileLayer(config.tileUrl, { maxZoom: config.maxZoom || 19, attribution: escapeText(config.attribution) })
      .once('tileerror', () => { $('#map-note').hidden = false; })
      .addTo(map);
    marker = L.marker([lat, lng], {
      icon: L.divIcon({ className: 'driver-pin', html: '', iconSize: [28, 28], iconAnchor: [14, 14] }),
      title: name || 'Your driver', keyboard: false,
    }).addTo(map);
  } else {
    marker.setLatLng([lat, lng]);
    if (!map.getBounds().pad(-0.2).contains([lat, lng])) map.panTo([lat, lng]);
  }
  map.invalidateSize();
}

async function loadMapConfig() {
  const fallback = { tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors', maxZoom: 19 };
  try {
    const response = await fetch('/api/v1/maps/config');
    if (response.ok) return { ...fallback, ...(await response.json()) };
  } catch (e) { /* offline */ }
  return fallback;
}

function escapeText(text) {
  return String(text || '').replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && !$('#tracking').hidden) refresh();
});
// the first refresh waits for the tile settings so the map can be drawn at once
mapConfig.then((config) => { mapConfigNow = config; }).finally(refresh);
