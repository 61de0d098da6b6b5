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
  // a tap moves focus to its button, which is then disabled; with a mouse and keyboard the customer types
  // next, so the message box takes focus back (on a touch screen that would pop the keyboard over the reply)
  const typesNext = window.matchMedia('(pointer: fine)').matches;
  let merchant = null;
  let lastId = null;
  let failures = 0;

  // What this tab has shown, kept for a reload: the server keeps only the bot's replies, not what the
  // customer typed, and a message not sent yet must not be lost.
  let transcript = [];
  const transcriptKey = () => 'tiffin.chat.transcript.' + merchant;
  function save() {
    try {
      // the bubbles' elements stay out of storage
      store.setItem(transcriptKey(), JSON.stringify({ lastId, entries: transcript }, (key, value) => (key === 'el' ? undefined : value)));
    } catch (e) {
      // storage full or refused: the conversation goes on, a reload starts it afresh
    }
  }

  // WhatsApp-style *bold* runs are shown bold; the text is added as text, never as HTML
  function fill(el, text) {
    text.split(/(\*[^*\n]+\*)/).forEach(part => {
      if (/^\*[^*\n]+\*$/.test(part)) {
        const strong = document.createElement('strong');
        strong.textContent = part.slice(1, -1);
        el.appendChild(strong);
      } else if (part) {
        el.appendChild(document.createTextNode(part));
      }
    });
  }

  function bubble(entry) {
    const div = document.createElement('div');
    div.className = 'msg ' + entry.who;
    fill(div, entry.text);
    if (entry.pending) div.classList.add('pending');
    const choices = entry.choices || [];
    if (choices.length) {
      const row = document.createElement('div');
      row.className = 'choices';
      for (const c of choices) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = c.title;
        b.disabled = !!entry.tapped;
        b.addEventListener('click', () => {
          row.querySelectorAll('button').forEach(x => x.disabled = true);
          entry.tapped = true;
          send({ reply: { id: c.id, title: c.title } }, c.title);
          if (typesNext) input.focus();
        });
        row.appendChild(b);
      }
      div.appendChild(row);
    }
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function show(entry) {
    transcript.push(entry);
    entry.el = bubble(entry);
    save();
  }

  // Messages go one at a time, in the order typed; one that cannot be sent stays marked and is sent
  // again with the same id (the server takes an id once) when the connection is back.
  const outbox = [];
  let sending = false;

  function send(body, echo) {
    const entry = {
      who: 'me',
      text: echo,
      pending: { merchant, sessionId, messageId: randomId(), ...body }
    };
    show(entry);
    outbox.push(entry);
    flush();
  }

  async function flush() {
    if (sending) return;
    sending = true;
    try {
      while (outbox.length) {
        const entry = outbox[0];
        let res;
        try {
          res = await fetch('/chat/api/messages', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ ...entry.pending, name: profile.name, phone: profile.phone || undefined })
          });
        } catch (e) {
          entry.el.classList.add('pending');
          entry.el.title = 'Not sent yet: it goes as soon as you are back online';
          offline();
          return;
        }
        outbox.shift();
        entry.pending = null;
        entry.el.classList.remove('pending');
        entry.el.removeAttribute('title');
        save();
        if (!res.ok) {
          const err = await res.json().catch(() => ({}));
          const about = (err.problems || []).find(p => p.path === 'name' || p.path === 'phone');
          show({ who: 'bot', text: '⚠️ ' + (about ? 'Your ' + about.path + ' ' + about.reason : err.message || 'could not send, try again') });
          if (about) askName();
        }
      }
    } finally {
      sending = false;
    }
    poll();
  }

  function offline() {
    failures++;
    status.textContent = 'reconnecting…';
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
        lastId = m.id;
        show({ who: 'bot', text: m.text, choices: (m.buttons || []).map(c => ({ id: c.id, title: c.title })) });
      }
      failures = 0;
      status.textContent = 'online';
    } catch (e) {
      offline();
    } finally {
      polling = false;
    }
    if (outbox.length && !failures) flush();
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
      show({ who: 'bot', text: 'Your browser cannot share a location; please type your address.' });
      return;
    }
    navigator.geolocation.getCurrentPosition(
      p => send({ location: { lat: p.coords.latitude, lng: p.coords.longitude } }, '📍 My location'),
      () => show({ who: 'bot', text: 'Location is blocked; please type your address.' }));
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
    flush();
  });

  // after a reload: the conversation as it was, and what was not sent yet goes out again
  function restore() {
    const kept = JSON.parse(store.getItem(transcriptKey()) || 'null');
    if (!kept) return;
    lastId = kept.lastId;
    transcript = kept.entries;
    for (const entry of transcript) {
      entry.el = bubble(entry);
      if (entry.pending) outbox.push(entry);
    }
  }

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
    restore();
    if (!profile.name) askName();
    else input.focus();
    document.getElementById('merchant-name').textContent = m.name;
    document.title = m.name + ' · Tiffin chat';
    status.textContent = 'online';
    if (profile.name) flush();
    await poll();
    setInterval(poll, 1000);
    window.addEventListener('online', () => flush());
  }
  start();
})();
