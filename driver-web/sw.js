// App shell cache: the app opens in a dead zone too. Shell files (and Leaflet) are fetched fresh when
// online and served from cache when not. API calls, the live stream and map tiles are never cached
// here; actions taken offline are kept by the app itself (outbox.js, IndexedDB).
const CACHE = 'tiffin-driver-v1';
const SHELL = ['./', 'index.html', 'app.css', 'app.js', 'api.js', 'dom.js', 'location.js', 'map.js', 'money.js', 'outbox.js',
  'sound.js', 'stream.js', 'manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png',
  '/webjars/leaflet/dist/leaflet.js', '/webjars/leaflet/dist/leaflet.css'];

self.addEventListener('install', (event) => {
  // a shell file that fails to download must not keep the worker from installing
  event.waitUntil(caches.open(CACHE)
    .then((cache) => Promise.all(SHELL.map((url) => cache.add(url).catch(() => {}))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('tiffin-driver-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const shell = url.pathname.startsWith('/driver/') || url.pathname.startsWith('/webjars/leaflet/');
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !shell) return;
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
