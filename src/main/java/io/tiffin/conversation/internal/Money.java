package io.tiffin.conversation.internal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Formats minor units for people: 19900 INR is "₹199", 1250 USD is "$12.50". */
final class Money {

    private Money() {}

    static String format(long minor, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal amount = BigDecimal.valueOf(minor, digits);
        if (amount.stripTrailingZeros().scale() <= 0) {
            amount = amount.setScale(0);
        }
        Locale locale = "INR".equals(currencyCode) ? Locale.forLanguageTag("en-IN") : Locale.US;
        return currency.getSymbol(locale) + amount.toPlainString();
    }
}
