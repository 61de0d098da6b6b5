// Stop actions (arrived, picked up, delivered, failed) go through this outbox, kept in IndexedDB so a
// tap made in a dead zone survives a closed app and is sent, in the order it was made, once the
// phone has a connection again. The server answers a repeated action with 200 and changes nothing,
// so sending one twice (a reply lost on the way back) is harmless.

const DB = 'tiffin-driver';
const STORE = 'outbox';

let dbPromise = null;
let memory = [];          // used only where IndexedDB is unavailable (private mode on some browsers)
let sequence = 0;

function open() {
  if (!('indexedDB' in window)) return Promise.resolve(null);
  dbPromise = dbPromise || new Promise((resolve) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
  });
  return dbPromise;
}

function run(mode, work) {
  return open().then((db) => {
    if (!db) return work(null);
    return new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      let result;
      Promise.resolve(work(tx.objectStore(STORE))).then((value) => { result = value; });
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  });
}

const asPromise = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

/** Keeps an action; answers it with its sequence number. */
export function add(action) {
  const entry = { ...action, queuedAt: new Date().toISOString() };
  return run('readwrite', (store) => {
    if (!store) { entry.seq = ++sequence; memory.push(entry); return entry; }
    return asPromise(store.add(entry)).then((seq) => ({ ...entry, seq }));
  });
}

/** Every kept action, oldest first, for one driver. */
export function list(driverId) {
  return run('readonly', (store) => {
    if (!store) return memory.filter((a) => a.driverId === driverId);
    return asPromise(store.getAll()).then((all) => all.filter((a) => a.driverId === driverId));
  });
}

export function remove(seq) {
  return run('readwrite', (store) => {
    if (!store) { memory = memory.filter((a) => a.seq !== seq); return; }
    return asPromise(store.delete(seq));
  });
}
