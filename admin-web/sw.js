// App shell cache, as the kitchen board does it (/common/sw-shell.js): network first, the cache when
// offline; API calls are never cached. Change the cache name whenever a shell file changes.
importScripts('/common/sw-shell.js');

cacheShell({
  cache: 'tiffin-admin-v2',
  prefix: 'tiffin-admin-',
  shell: ['./', 'index.html', 'app.css', 'app.js', 'merchants.js', 'operations.js', 'audit.js', 'manifest.webmanifest',
    'icon.svg', '/common/api.js', '/common/dom.js', '/common/table.js', '/common/dashboard.js',
    '/webjars/echarts/dist/echarts.min.js'],
  handles: (path) => path.startsWith('/admin/') || path.startsWith('/common/'),
});
