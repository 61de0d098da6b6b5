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
  // the customer's first name (and phone, if given) go with every message, so the kitchen sees who ordered
  const profile = JSON.parse(window.localStorage.getItem('tiffin.chat.profile') || 'null') || {};
  const intro = document.getElementById('intro');
  let merchant = null;
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
      body: JSON.stringify({ merchant, sessionId, messageId: randomId(), name: profile.name, phone: profile.phone || undefined, ...body })
    });
    if (!res.ok) {
      const err = await res.json().catch(() => ({}));
      const about = (err.problems || []).find(p => p.path === 'name' || p.path === 'phone');
      bubble('⚠️ ' + (about ? 'Your ' + about.path + ' ' + about.reason : err.message || 'could not send, try again'), 'bot');
      if (about) askName();
    }
    poll();
  }

  let polling = false;
  async function poll() {
    if (!merchant || polling) return;
    polling = true;
    try {
      const q = new URLSearchParams({ merchant, sessionId });
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

  function askName() {
    form.hidden = true;
    intro.hidden = false;
    document.getElementById('first-name').focus();
  }

  intro.addEventListener('submit', e => {
    e.preventDefault();
    const name = document.getElementById('first-name').value.trim();
    const phone = document.getElementById('phone').value.trim();
    if (!name) return;
    profile.name = name;
    profile.phone = phone || null;
    window.localStorage.setItem('tiffin.chat.profile', JSON.stringify(profile));
    intro.hidden = true;
    form.hidden = false;
    input.focus();
  });

  async function start() {
    // links name a merchant by its public slug: /chat/?m=<slug>
    const slug = params.get('m') || params.get('merchant');
    const res = await fetch('/chat/api/merchant' + (slug ? '?m=' + encodeURIComponent(slug) : ''));
    if (!res.ok) {
      status.textContent = 'this chat is not available';
      form.hidden = true;
      return;
    }
    const m = await res.json();
    merchant = m.slug;
    if (!profile.name) askName();
    document.getElementById('merchant-name').textContent = m.name;
    document.title = m.name + ' · Tiffin chat';
    status.textContent = 'online';
    await poll();
    setInterval(poll, 1000);
  }
  start();
})();
