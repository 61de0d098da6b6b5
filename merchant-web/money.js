// Money on the API is an integer in the currency's minor unit (paise); people see and type rupees.
// Amounts are converted as text, never through floating point (0.29 * 100 is 28.999999999999996).

const MAX_WHOLE_DIGITS = 7; // ₹99,99,999: anything longer on a menu is a typo

export function money(minor, currency) {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency || 'INR' }).format((minor || 0) / 100);
  } catch (e) {
    return ((minor || 0) / 100).toFixed(2) + ' ' + (currency || '');
  }
}

export function fractionDigits(currency) {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency || 'INR' }).resolvedOptions().maximumFractionDigits;
  } catch (e) {
    return 2;
  }
}

export function currencySymbol(currency) {
  try {
    const parts = new Intl.NumberFormat('en-IN', { style: 'currency', currency: currency || 'INR' }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value || currency;
  } catch (e) {
    return currency || '';
  }
}

/** 8550 → "85.50": what an edit box starts with. */
export function amountText(minor, currency) {
  const digits = fractionDigits(currency);
  const value = Math.max(0, Math.trunc(minor || 0));
  if (digits === 0) return String(value);
  const unit = 10 ** digits;
  return Math.floor(value / unit) + '.' + String(value % unit).padStart(digits, '0');
}

/** "85.5" → { minor: 8550 }; anything else → { error } saying what to type instead. */
export function parseAmount(text, currency) {
  const digits = fractionDigits(currency);
  const value = String(text ?? '').trim();
  if (value === '') return { error: 'Enter a price, for example ' + (digits ? '85.50' : '85') + '.' };
  if (/^-/.test(value)) return { error: 'A price cannot be negative.' };
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return { error: 'Use digits' + (digits ? ' and a dot, for example 85.50' : ' only, for example 85') + '.' };
  const [, whole, fraction = ''] = match;
  if (fraction.length > digits) {
    return { error: digits ? 'At most ' + digits + ' digits after the dot.' : 'Whole amounts only.' };
  }
  if (whole.replace(/^0+(?=\d)/, '').length > MAX_WHOLE_DIGITS) return { error: 'That price is too large.' };
  return { minor: Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0) };
}
