// Money on the API is an integer in the currency's minor unit (paise for INR).

// The amount as the customer was told it ("Total: ₹908", "₹1,02,600"): rupees in the Indian
// grouping, paise only when there are some, so the cash asked for reads the same on both phones.
export function money(minor, currency) {
  try {
    const code = currency || 'INR';
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits;
    const unit = 10 ** digits;
    const value = minor || 0;
    const format = new Intl.NumberFormat(code === 'INR' ? 'en-IN' : undefined, {
      style: 'currency',
      currency: code,
      minimumFractionDigits: value % unit === 0 ? 0 : digits,
    });
    return format.format(value / unit);
  } catch (e) {
    return ((minor || 0) / 100).toFixed(2) + ' ' + (currency || '');
  }
}
