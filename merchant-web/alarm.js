// New orders and delivery problems flash a banner and beep until someone taps (Web Audio, no sound
// file); an order waiting too long beeps louder and faster.

import { $, fill } from './dom.js';
import { ACTIVE } from './orders.js';
import { state } from './state.js';

let audio = null;
let timer = null;
let timerLoud = false;

export function unlockSound() {
  try {
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    if (audio.state === 'suspended') audio.resume();
  } catch (e) { audio = null; }
}

function beep(loud) {
  if (!audio || audio.state !== 'running') return;
  const now = audio.currentTime;
  [0, 0.25, 0.5].forEach((offset, i) => {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = loud ? 'square' : 'sine';
    osc.frequency.value = i % 2 ? 660 : 880;
    gain.gain.setValueAtTime(loud ? 0.5 : 0.25, now + offset);
    gain.gain.exponentialRampToValueAtTime(0.001, now + offset + 0.2);
    osc.connect(gain).connect(audio.destination);
    osc.start(now + offset);
    osc.stop(now + offset + 0.22);
  });
}

export function updateAlarm() {
  for (const id of [...state.unacked]) {
    if (!ACTIVE[state.orders.get(id)?.status]) state.unacked.delete(id);
  }
  for (const id of [...state.problems]) {
    if (['DELIVERED', 'CANCELLED', 'REJECTED'].includes(state.orders.get(id)?.status)) state.problems.delete(id);
  }
  const waiting = [...state.unacked].map((id) => state.orders.get(id)).filter(Boolean);
  const problems = [...state.problems].map((id) => state.orders.get(id)).filter(Boolean);
  if (!waiting.length && !problems.length) { stopAlarm(); return; }
  const loud = problems.length > 0 || waiting.some((o) => state.late.has(o.id));
  const numbers = (orders) => orders.map((o) => '#' + o.number).join(', ');
  const parts = [];
  const late = waiting.filter((o) => state.late.has(o.id));
  const fresh = waiting.filter((o) => !state.late.has(o.id));
  if (problems.length) parts.push('Delivery problem: ' + numbers(problems));
  if (late.length) parts.push('Waiting too long: ' + numbers(late));
  if (fresh.length) parts.push('New order ' + numbers(fresh));
  const banner = $('#alert-banner');
  banner.hidden = false;
  banner.classList.toggle('loud', loud);
  fill(banner, parts.join(' · ') + ' — tap to acknowledge');
  if (!timer || timerLoud !== loud) {
    clearInterval(timer);
    beep(loud);
    timerLoud = loud;
    timer = setInterval(() => beep(loud), loud ? 1500 : 3000);
  }
}

export function stopAlarm() {
  clearInterval(timer);
  timer = null;
  $('#alert-banner').hidden = true;
}
