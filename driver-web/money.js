// Money on the API is an integer in the currency's minor unit (paise for INR).

export function money(minor, currency) {
  try {
    const format = new Intl.NumberFormat(undefined, { style: 'currency', currency: currency || 'INR' });
    return format.format((minor || 0) / 10 ** format.resolvedOptions().maximumFractionDigits);
  } catch (e) {
    return ((minor || 0) / 100).toFixed(2) + ' ' + (currency || '');
  }
}
