package io.tiffin.platform.text;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Minor units for people: 19900 INR is "₹199", 1250 USD is "$12.50". Exact: no floating point. */
public final class MoneyText {

    private MoneyText() {}

    public static String format(long minor, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        BigDecimal amount = BigDecimal.valueOf(minor, Math.max(currency.getDefaultFractionDigits(), 0));
        if (amount.stripTrailingZeros().scale() <= 0) {
            amount = amount.setScale(0);
        }
        Locale locale = "INR".equals(currencyCode) ? Locale.forLanguageTag("en-IN") : Locale.US;
        return currency.getSymbol(locale) + amount.toPlainString();
    }
}
