// Opening hours in the merchant's time zone: is the store open now, and when does it open next.
// The server's own answer (openNow) wins when it gives one; this reads the same weekly hours so the
// header stays right between reloads. A close at or before the open ("18:00"–"02:00") runs past midnight.

export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

const minutes = (hhmm) => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(String(hhmm || ''));
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};

/** Weekday (MONDAY…) and minutes since midnight at `date` in `timeZone`. */
export function zoned(date, timeZone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: timeZone || undefined, weekday: 'long',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date).map((p) => [p.type, p.value]));
  return { day: parts.weekday.toUpperCase(), minutes: (Number(parts.hour) % 24) * 60 + Number(parts.minute) };
}

const intervals = (hours, day) => (Array.isArray(hours?.[day]) ? hours[day] : [])
  .map((i) => ({ open: minutes(i.open), close: minutes(i.close), text: i.open }))
  .filter((i) => i.open !== null && i.close !== null);

/** true / false, or null when there are no hours to judge by (no rules: always open). */
export function openAt(settings, date = new Date()) {
  if (typeof settings?.openNow === 'boolean') return settings.openNow;
  const hours = settings?.openingHours;
  if (!hours || !Object.keys(hours).length) return null;
  const now = zoned(date, settings.timezone);
  const today = DAYS.indexOf(now.day);
  const yesterday = DAYS[(today + 6) % 7];
  const openToday = intervals(hours, now.day).some((i) => (i.close > i.open
    ? now.minutes >= i.open && now.minutes < i.close : now.minutes >= i.open));
  const spillover = intervals(hours, yesterday).some((i) => i.close <= i.open && now.minutes < i.close);
  return openToday || spillover;
}

/** "opens 11:00" or "opens Tue 11:00", the next opening within a week; '' when none is known. */
export function nextOpening(settings, date = new Date()) {
  if (settings?.opensAt) return 'opens ' + settings.opensAt;
  if (settings?.nextOpening) {
    // the server's answer, an instant: said in the store's time zone, with the weekday unless it is today
    const at = new Date(settings.nextOpening);
    if (!Number.isNaN(at.getTime())) {
      const when = zoned(at, settings.timezone);
      const hhmm = String(Math.floor(when.minutes / 60)).padStart(2, '0') + ':' + String(when.minutes % 60).padStart(2, '0');
      const today = zoned(date, settings.timezone).day === when.day && at - date < 86400000;
      return 'opens ' + (today ? '' : when.day.charAt(0) + when.day.slice(1, 3).toLowerCase() + ' ') + hhmm;
    }
  }
  const hours = settings?.openingHours;
  if (!hours) return '';
  const now = zoned(date, settings.timezone);
  const today = DAYS.indexOf(now.day);
  for (let ahead = 0; ahead < 8; ahead++) {
    const day = DAYS[(today + ahead) % 7];
    const next = intervals(hours, day).filter((i) => ahead > 0 || i.open > now.minutes).sort((a, b) => a.open - b.open)[0];
    if (next) return 'opens ' + (ahead === 0 ? '' : day.charAt(0) + day.slice(1, 3).toLowerCase() + ' ') + next.text;
  }
  return '';
}
