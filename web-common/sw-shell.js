// App shell cache for a service worker (loaded with importScripts): the app opens in a dead zone
// too. Shell files are fetched fresh when online and served from cache when not. API calls and
// live streams are never cached here.

/**
 * cache: this app's cache name, starting with prefix (older caches with that prefix are dropped on
 * activation, other apps' caches are left alone); shell: files to fetch at install;
 * handles(pathname): which same-origin GETs go through the cache.
 */
function cacheShell({ cache: name, prefix, shell, handles }) {
  self.addEventListener('install', (event) => {
    // a shell file that fails to download must not keep the worker from installing
    event.waitUntil(caches.open(name)
      .then((cache) => Promise.all(shell.map((url) => cache.add(url).catch(() => {}))))
      .then(() => self.skipWaiting()));
  });

  self.addEventListener('activate', (event) => {
    event.waitUntil(caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(prefix) && k !== name).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
  });

  self.addEventListener('fetch', (event) => {
    const url = new URL(event.request.url);
    if (event.request.method !== 'GET' || url.origin !== self.location.origin || !handles(url.pathname)) return;
    event.respondWith(fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(name).then((cache) => cache.put(event.request, copy));
        }
        return response;
      })
      .catch(() => caches.match(event.request).then((hit) => hit || caches.match('index.html'))));
  });
}
