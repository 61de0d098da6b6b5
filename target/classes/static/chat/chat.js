// The built-in web chat: sends what the customer types to /chat/api/messages and polls for replies.
(() => {
  const log = document.getElementById('log');
  const form = document.getElementById('composer');
  const input = document.getElementById('text');
  const status = document.getElementById('status');
  const params = new URLSearchParams(location.search);
  const store = window.sessionStorage;
  const randomId = () => (crypto.randomUUID ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join(''));
  const sessionId = store.getItem('tiffin.chat.session') || randomId();
  store.setItem('tiffin.chat.session', sessionId);
  let merchantId = null;
  let lastId = null;
  let failures = 0;

  function bubble(text, who, choices) {
    const div = document.createElement('div');
    div.className = 'msg ' + who;
    div.textContent = text.replace(/\*([^*\n]+)\*/g, '$1');  // WhatsApp-style bold marks read as plain text here
    if (choices && choices.length) {
      const row = document.createElement('div');
      row.className = 'choices';
      for (const c of choices) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = c.title;
        b.addEventListener('click', () => {
          row.querySelectorAll('button').forEach(x => x.disabled = true);
          send({ reply: { id: c.id, title: c.title } }, c.title);
        });
        row.appendChild(b);
      }
      div.appendChild(row);
    }
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
  }

  async function send(body, echo) {
    bubble(echo, 'me');
    const res = await fetch('/chat/api/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ merchantId, sessionId, messageId: randomId(), ...body })
    });
    if (!res.ok) {
      const err = await res.json().catch(() => ({}));
      bubble('⚠️ ' + (err.message || 'could not send, try again'), 'bot');
    }
    poll();
  }

  let polling = false;
  async function poll() {
    if (!merchantId || polling) return;
    polling = true;
    try {
      const q = new URLSearchParams({ merchantId, sessionId });
      if (lastId) q.set('after', lastId);
      const res = await fetch('/chat/api/messages?' + q);
      if (!res.ok) throw new Error(res.status);
      for (const m of await res.json()) {
        bubble(m.text, 'bot', m.buttons);
        lastId = m.id;
      }
      failures = 0;
      status.textContent = 'online';
    } catch (e) {
      failures++;
      status.textContent = 'reconnecting…';
    } finally {
      polling = false;
    }
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send({ text }, text);
  });

  document.getElementById('share-location').addEventListener('click', () => {
    if (!navigator.geolocation) {
      bubble('Your browser cannot share a location; please type your address.', 'bot');
      return;
    }
    navigator.geolocation.getCurrentPosition(
      p => send({ location: { lat: p.coords.latitude, lng: p.coords.longitude } }, '📍 My location'),
      () => bubble('Location is blocked; please type your address.', 'bot'));
  });

  async function start() {
    const q = params.get('merchant') ? '?id=' + encodeURIComponent(params.get('merchant')) : '';
    const res = await fetch('/chat/api/merchant' + q);
    if (!res.ok) {
      status.textContent = 'no merchant to chat with yet';
      return;
    }
    const m = await res.json();
    merchantId = m.id;
    document.getElementById('merchant-name').textContent = m.name;
    document.title = m.name + ' · Tiffin chat';
    status.textContent = 'online';
    await poll();
    setInterval(poll, 1000);
  }
  start();
})();
