// Server-Sent Events read with fetch, so the bearer token rides in the Authorization header (an
// EventSource cannot send headers, and a token in the URL would end up in logs). Reconnects with
// back-off and sends Last-Event-ID so the server can replay what was missed. Shared by the kitchen
// board and the driver app; each app decides what an event means.

/**
 * Opens the stream at url. onEvent(type, payload) gets the event's name (undefined when the server
 * named none) and its data parsed as JSON (undefined when it is not JSON). onState(live) tells when
 * the connection opens or drops; onExpired() is called once on a 401 and ends the stream.
 */
export function openStream(url, { token, onEvent, onState, onExpired }) {
  let controller = null;
  let lastEventId = null;
  let retryMs = 1000;
  let timer = null;
  let closed = false;

  async function connect() {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    const headers = { Authorization: 'Bearer ' + token(), Accept: 'text/event-stream' };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    try {
      const response = await fetch(url, { headers, signal: mine.signal, cache: 'no-store' });
      if (response.status === 401) { onExpired(); return; }
      if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
      retryMs = 1000;
      onState(true);
      await read(response.body, mine.signal);
    } catch (e) {
      if (mine.signal.aborted) return;
    }
    if (closed || controller !== mine) return;
    onState(false);
    timer = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 15000);
  }

  async function read(body, signal) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let event = { data: [] };
    while (!signal.aborted) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') {
          if (event.data.length) {
            if (event.id) lastEventId = event.id;
            let payload;
            try { payload = JSON.parse(event.data.join('\n')); } catch (e) { payload = undefined; }
            onEvent(event.type, payload);
          }
          event = { data: [] };
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') event.data.push(val);
          else if (field === 'id') event.id = val;
          else if (field === 'event') event.type = val;
          else if (field === 'retry') retryMs = Number(val) || retryMs;
        }
      }
    }
  }

  connect();
  return {
    close() { closed = true; clearTimeout(timer); controller?.abort(); },
    /** Reconnect at once (the phone is back online): no waiting out the back-off. */
    kick() { if (!closed) { clearTimeout(timer); retryMs = 1000; connect(); } },
  };
}
