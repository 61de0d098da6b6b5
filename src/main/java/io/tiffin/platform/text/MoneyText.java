package io.tiffin.platform.text;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Minor units for people, the one place every reply, email and message formats money: 19900 INR is
 * "₹199", 102600 INR "₹1,026", 10260000 INR "₹1,02,600" (the Indian system), 19950 INR "₹199.50",
 * 1250 USD "$12.50". Grouping and symbol follow the language read in the currency's country (ISO 4217
 * codes begin with the ISO 3166 country: INR is read as en-IN or hi-IN), so lakhs group as lakhs
 * whatever the language; whole amounts drop ".00". Exact: no floating point.
 */
public final class MoneyText {

    private static final Map<String, LocalizedNumberFormatter> FORMATTERS = new ConcurrentHashMap<>();

    private MoneyText() {}

    /** In English: the language of emails, the kitchen and anything not said to one customer. */
    public static String format(long minor, String currencyCode) {
        return format(minor, currencyCode, "en");
    }

    /** {@code language} a BCP-47 tag ("en", "hi", "hi-IN"); its region, if any, yields to the currency's. */
    public static String format(long minor, String currencyCode, String language) {
        String code = currencyCode.toUpperCase(Locale.ROOT);
        int digits = Math.max(java.util.Currency.getInstance(code).getDefaultFractionDigits(), 0);
        String lang = language == null || language.isBlank()
                ? "en"
                : Locale.forLanguageTag(language).getLanguage();
        return FORMATTERS
                .computeIfAbsent(lang + "_" + code, k -> formatter(lang, code))
                .format(BigDecimal.valueOf(minor, digits))
                .toString();
    }

    private static LocalizedNumberFormatter formatter(String language, String currencyCode) {
        ULocale locale = new ULocale.Builder()
                .setLanguage(language.isEmpty() ? "en" : language)
                .setRegion(currencyCode.substring(0, 2))
                .build();
        return NumberFormatter.withLocale(locale)
                .unit(Currency.getInstance(currencyCode))
                .precision(Precision.currency(Currency.CurrencyUsage.STANDARD)
                        .trailingZeroDisplay(NumberFormatter.TrailingZeroDisplay.HIDE_IF_WHOLE));
    }
}
