package io.tiffin.speech.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a menu's written names are said: "Veg Samosa (2 pcs)" is ordered as "veg samosa", "Chicken 65"
 * as "chicken sixty five", "Jalapeño" as "jalapeno", "Coca-Cola" as "coca cola".
 */
final class SpokenForms {

    private static final String[] ONES = {
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen"
    };
    private static final String[] TENS = {
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
    };

    private SpokenForms() {}

    /** The words of a name as said, or an empty string when nothing sayable is left. */
    static String of(String written) {
        if (written == null) {
            return "";
        }
        String s = Normalizer.normalize(written, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\([^)]*\\)", " ")
                .replace("&", " and ");
        List<String> words = new ArrayList<>();
        for (String token : s.split("[^a-z0-9']+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.chars().allMatch(Character::isDigit)) {
                if (token.length() > 3) {
                    return ""; // "330ml", "750": said in too many ways to guess; aliases cover them
                }
                words.add(number(Integer.parseInt(token)));
            } else if (token.chars().anyMatch(Character::isDigit)) {
                return "";
            } else {
                words.add(token.replaceAll("^'+|'+$", ""));
            }
        }
        return String.join(" ", words).strip();
    }

    static String number(int n) {
        if (n < 20) {
            return ONES[n];
        }
        if (n < 100) {
            return TENS[n / 10] + (n % 10 == 0 ? "" : " " + ONES[n % 10]);
        }
        return ONES[n / 100] + " hundred" + (n % 100 == 0 ? "" : " " + number(n % 100));
    }
}
