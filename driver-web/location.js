// While on shift the phone's position goes to the platform every SEND_EVERY_MS: the planner counts a
// driver whose last position is older than two minutes as unreachable. watchPosition gives fixes as
// the phone moves; a timer re-sends the latest one when the driver stands still (the browser then
// reports nothing new). A position is never queued for later: an old one is worth nothing.

const SEND_EVERY_MS = 12000;

export function trackLocation({ send, onFix, onProblem }) {
  if (!('geolocation' in navigator)) {
    onProblem('This phone cannot share its location.');
    return { stop() {} };
  }
  let latest = null;
  let lastSent = 0;
  let sending = false;

  async function flush(force) {
    if (!latest || sending) return;
    if (!force && Date.now() - lastSent < SEND_EVERY_MS - 500) return;
    sending = true;
    lastSent = Date.now();
    try {
      await send(latest);
    } finally {
      sending = false;
    }
  }

  const watch = navigator.geolocation.watchPosition((position) => {
    const first = !latest;
    latest = {
      lat: Number(position.coords.latitude.toFixed(6)),
      lng: Number(position.coords.longitude.toFixed(6)),
      accuracy: Math.round(position.coords.accuracy || 0),
    };
    onFix(latest);
    onProblem(null);
    flush(first);
  }, (error) => {
    onProblem(error.code === 1 ? 'Location is blocked: allow it for this app in the phone settings.'
      : 'Looking for your location…');
  }, { enableHighAccuracy: true, maximumAge: 10000, timeout: 30000 });

  const timer = setInterval(() => flush(false), SEND_EVERY_MS);
  return {
    stop() { navigator.geolocation.clearWatch(watch); clearInterval(timer); },
    latest: () => latest,
  };
}
