// App shell cache: the app opens in a dead zone too. The shared worker code (/common/sw-shell.js)
// fetches shell files (and Leaflet) fresh when online and serves them from cache when not. API
// calls, the live stream and map tiles are never cached here; actions taken offline are kept by the
// app itself (outbox.js, IndexedDB).
importScripts('/common/sw-shell.js');

cacheShell({
  cache: 'tiffin-driver-v3',
  prefix: 'tiffin-driver-',
  shell: ['./', 'index.html', 'app.css', 'app.js', 'dom.js', 'location.js', 'map.js', 'money.js', 'outbox.js',
    'sound.js', 'manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png',
    '/common/api.js', '/common/dom.js', '/common/stream.js',
    '/webjars/leaflet/dist/leaflet.js', '/webjars/leaflet/dist/leaflet.css'],
  handles: (path) => path.startsWith('/driver/') || path.startsWith('/common/') || path.startsWith('/webjars/leaflet/'),
});
