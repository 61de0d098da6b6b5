// A beep made with Web Audio (no sound file to download). Browsers play sound only after a tap, so
// unlock() is called from the first taps (sign in, going on shift).

let audio = null;

export function unlock() {
  try {
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    if (audio.state === 'suspended') audio.resume();
  } catch (e) { audio = null; }
}

export function chime() {
  if (navigator.vibrate) navigator.vibrate([250, 120, 250]);
  if (!audio || audio.state !== 'running') return;
  const now = audio.currentTime;
  [0, 0.3, 0.6].forEach((offset, i) => {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'square';
    osc.frequency.value = [880, 1175, 1568][i];
    gain.gain.setValueAtTime(0.35, now + offset);
    gain.gain.exponentialRampToValueAtTime(0.001, now + offset + 0.25);
    osc.connect(gain).connect(audio.destination);
    osc.start(now + offset);
    osc.stop(now + offset + 0.27);
  });
}
