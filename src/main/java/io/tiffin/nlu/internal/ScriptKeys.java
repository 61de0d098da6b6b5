package io.tiffin.nlu.internal;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a word written in an Indic script (Devanagari, Bengali, Gurmukhi, Gujarati, Tamil...) meet
 * the Latin-script word of a menu: ICU romanises it, then both sides are reduced to a sound key in
 * which the spellings people use for the same sound agree ("बटर" and "butter" are both "batar",
 * "चिकन" and "chicken" both "cakan"). Romanisations are memoised: a customer base repeats words.
 */
final class ScriptKeys {

    private static final int MEMO_LIMIT = 20_000;
    /** One shared instance: building a transliterator costs milliseconds, using one microseconds. */
    private static final Transliterator TO_LATIN = Transliterator.getInstance("Any-Latin");

    private static final Map<String, String> LATIN = new ConcurrentHashMap<>();

    private ScriptKeys() {}

    /** Whether a token is written in a script other than Latin (and so needs romanising to match). */
    static boolean isOtherScript(String token) {
        int cp = token.codePointAt(0);
        return Character.isLetter(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN;
    }

    /**
     * The token in plain ASCII letters, the final inherent vowel dropped as Hindi speech drops it
     * ("बटर" is "batar", not ICU's "baṭara").
     */
    static String latin(String token) {
        String memo = LATIN.get(token);
        if (memo != null) {
            return memo;
        }
        String roman;
        synchronized (TO_LATIN) {
            roman = TO_LATIN.transliterate(token);
        }
        // anusvara before a consonant is a nasal: "मैंगो" is "maingo"
        roman = roman.replace('ṁ', 'n').replace('ṃ', 'n').replace('ṅ', 'n').replace('ñ', 'n');
        roman = Normalizer.normalize(roman, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        roman = roman.replaceAll("[^a-z]", "");
        if (endsInConsonant(token) && roman.endsWith("a") && roman.length() > 2) {
            roman = roman.substring(0, roman.length() - 1);
        }
        // ISO 15919 writes च as "c": in English spelling that sound is "ch"
        roman = roman.replace("ch", "C").replace("c", "ch").replace("C", "chh");
        if (LATIN.size() > MEMO_LIMIT) {
            LATIN.clear();
        }
        LATIN.put(token, roman);
        return roman;
    }

    /**
     * A sound key of a Latin word: digraphs to one letter, every vowel (and y) to "a", runs collapsed,
     * a final vowel dropped. Coarse on purpose: "paneer"/"panir", "biryani"/"birayani" agree.
     */
    static String key(String latin) {
        String s = latin.toLowerCase(Locale.ROOT);
        s = s.replace("ph", "f")
                .replace("sh", "s")
                .replace("ch", "C")
                .replace("ck", "k")
                .replace("c", "k")
                .replace("q", "k")
                .replace("x", "ks")
                .replace("w", "v")
                .replace("z", "s");
        StringBuilder out = new StringBuilder(s.length());
        char previous = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean vowel = "aeiouy".indexOf(c) >= 0;
            if (c == 'h' && previous != 0 && !isVowelKey(previous)) {
                continue; // aspiration: "kh", "dh", "bh", "th" sound as their plain consonant here
            }
            char k = vowel ? 'a' : c;
            if (k != previous) {
                out.append(k);
            }
            previous = k;
        }
        if (out.length() > 1 && out.charAt(out.length() - 1) == 'a') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /**
     * A sound key with voiced stops made voiceless, for a script that writes both with one letter:
     * Tamil "பட்டர்" romanises as "pattar" for "butter", "கார்லிக்" as "karlik" for "garlic".
     */
    static String unvoiced(String key) {
        return key.replace('b', 'p').replace('d', 't').replace('g', 'k').replace('j', 'C');
    }

    /** Whether a token is written in a script that does not tell voiced stops from voiceless. */
    static boolean ignoresVoicing(String token) {
        return Character.UnicodeScript.of(token.codePointAt(0)) == Character.UnicodeScript.TAMIL;
    }

    private static boolean isVowelKey(char c) {
        return c == 'a';
    }

    /**
     * Whether the last letter is a consonant of an Indic block (it carries an inherent vowel that
     * speech drops). Each Indic block of Unicode lays consonants out at the same offsets.
     */
    private static boolean endsInConsonant(String token) {
        int end = token.length();
        int cp = token.codePointBefore(end);
        if (cp == 0x093C || cp == 0x09BC || cp == 0x0A3C || cp == 0x0ABC || cp == 0x0B3C) {
            end -= Character.charCount(cp); // a nukta only changes the consonant before it
            if (end == 0) {
                return false;
            }
            cp = token.codePointBefore(end);
        }
        if (cp < 0x0900 || cp > 0x0DFF) {
            return false;
        }
        int offset = (cp - 0x0900) % 0x80;
        return offset >= 0x15 && offset <= 0x39 || offset >= 0x58 && offset <= 0x5F;
    }
}
