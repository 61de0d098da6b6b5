// App shell cache: the board opens even when the network blips. The shared worker code
// (/common/sw-shell.js) fetches shell files fresh when online and serves them from cache when not;
// API calls and the live stream are never cached.
importScripts('/common/sw-shell.js');

cacheShell({
  cache: 'tiffin-merchant-v5',
  prefix: 'tiffin-merchant-',
  shell: ['./', 'index.html', 'app.css', 'app.js', 'alarm.js', 'api.js', 'board.js', 'delivery.js', 'detail.js', 'dom.js',
    'format.js', 'history.js', 'hours.js', 'import.js', 'menu.js', 'money.js', 'orders.js', 'settings.js', 'state.js', 'stream.js',
    'ticket.js', 'manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png',
    '/common/api.js', '/common/dom.js', '/common/stream.js', '/common/table.js', '/common/dashboard.js'],
  handles: (path) => path.startsWith('/merchant/') || path.startsWith('/common/'),
});
