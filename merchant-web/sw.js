// App shell cache: the board opens even when the network blips. API calls and the live stream are
// never cached; shell files are fetched fresh when online and served from cache when not.
const CACHE = 'tiffin-merchant-v3';
const SHELL = ['./', 'index.html', 'app.css', 'app.js', 'alarm.js', 'api.js', 'board.js', 'delivery.js', 'detail.js', 'dom.js',
  'format.js', 'history.js', 'hours.js', 'import.js', 'menu.js', 'money.js', 'orders.js', 'settings.js', 'state.js', 'stream.js',
  'ticket.js', 'manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith('/merchant/')) {
    return;
  }
  event.respondWith(fetch(event.request)
    .then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(event.request, copy));
      }
      return response;
    })
    .catch(() => caches.match(event.request).then((hit) => hit || caches.match('index.html'))));
});
