package io.tiffin.platform.text;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers in E.164 ({@code +919876543210}), whatever form a provider wrote them in: WhatsApp's
 * digits without a plus, Twilio's E.164, a merchant's "+91 98765 43210". One person is then one
 * customer of a merchant on every channel that knows their number.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    // every SMS webhook names the merchant's number and a customer who usually writes more than once:
    // parsing with libphonenumber was most of an SMS acknowledgement's own work
    private static final Cache<String, Optional<String>> NORMALISED =
            Caffeine.newBuilder().maximumSize(20_000).build();

    private PhoneNumbers() {}

    /**
     * @param raw a number in international form, with or without the leading plus (a national number
     *     cannot be placed in a country without guessing, so it is refused)
     * @return the number in E.164, or empty when it is not a possible phone number
     */
    public static Optional<String> e164(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return raw.length() > 64 ? parse(raw) : NORMALISED.get(raw, PhoneNumbers::parse);
    }

    private static Optional<String> parse(String raw) {
        String s = raw.strip();
        if (s.startsWith("00")) {
            s = "+" + s.substring(2);
        } else if (!s.startsWith("+")) {
            s = "+" + s;
        }
        try {
            PhoneNumber number = UTIL.parse(s, "ZZ");
            if (!UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
