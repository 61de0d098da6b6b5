package io.tiffin.nlu.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns chat text into tokens: NFKC, lowercase, known emoji as words, other symbols and punctuation
 * as spaces except {@code &} and list commas, which stay tokens, apostrophes dropped ("what's" is "whats"), and digits split from letters ("2x" is
 * "2 x"). Symbols that stand for a word ("+") and letters shortened with a slash ("w/", "w/o") are
 * read as that word. Menus and messages go through the same steps, so they compare token by token.
 */
final class TextNormalizer {

    private static final String[] NONE = new String[0];

    private final Map<String, String> emoji;

    TextNormalizer(Map<String, String> emoji) {
        this.emoji = Map.copyOf(emoji);
    }

    String[] tokens(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int previousKind = 0;
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
            int width = Character.charCount(cp);
            int kind = kind(cp);
            if (kind == LETTER || kind == DIGIT) {
                if (word.length() > 0 && previousKind != kind && previousKind != MARK && kind != MARK) {
                    flush(word, tokens);
                }
                // "२ बटर चिकन": digits of any script count as ASCII digits do
                word.appendCodePoint(kind == DIGIT ? '0' + Character.digit(cp, 10) : cp);
            } else if (kind == MARK && word.length() > 0) {
                word.appendCodePoint(cp);
                kind = previousKind;
            } else if (cp == '.' && previousKind == DIGIT && TextNormalizer.digitAt(nfkc, i + 1)) {
                // "16.9 fl oz": a decimal is one number, never a count and a second number
                word.append('.');
                kind = DIGIT;
            } else if (cp == '\'' || cp == '\u2019') {
                kind = previousKind;
            } else if (cp == '/' && word.length() > 0 && slashed(nfkc, i, word) > 0) {
                // "w/o onions", "w/ cheese": the shortened word, not two letters
                int end = slashed(nfkc, i, word);
                String key = word + nfkc.substring(i, end);
                word.setLength(0);
                tokens.addAll(List.of(emoji.get(key).split(" ")));
                kind = OTHER;
                i = end;
                previousKind = kind;
                continue;
            } else {
                flush(word, tokens);
                String replacement = switch (cp) {
                    case '&' -> "&";
                    case ',', ';', '\n' -> ","; // list punctuation separates items like "and" does
                    default -> emoji.get(new String(Character.toChars(cp)));
                };
                if (replacement != null) {
                    tokens.add(replacement);
                }
            }
            previousKind = kind;
            i += width;
        }
        flush(word, tokens);
        return tokens.toArray(NONE);
    }

    /** The end of a slashed short form at {@code slash} ("w/o", "w/"), longest first, or 0 when none. */
    private int slashed(String text, int slash, StringBuilder word) {
        int end = slash + 1;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        if (end > slash + 1 && emoji.containsKey(word + text.substring(slash, end))) {
            return end;
        }
        return emoji.containsKey(word + "/") ? slash + 1 : 0;
    }

    private static boolean digitAt(String text, int at) {
        return at < text.length() && Character.isDigit(text.codePointAt(at));
    }

    private static final int OTHER = 0;
    private static final int LETTER = 1;
    private static final int DIGIT = 2;
    private static final int MARK = 3;

    private static int kind(int cp) {
        if (Character.isDigit(cp)) {
            return DIGIT;
        }
        if (Character.isLetter(cp)) {
            return LETTER;
        }
        int type = Character.getType(cp);
        // Devanagari vowel signs are marks: they belong to the word they sit in
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
            return MARK;
        }
        return OTHER;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (word.length() > 0) {
            tokens.add(word.toString());
            word.setLength(0);
        }
    }

    /** "noo" is "no", "piee" is "pie": each run of one letter as one letter. */
    static String withoutDoubledLetters(String token) {
        StringBuilder out = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            if (i == 0 || token.charAt(i) != token.charAt(i - 1)) {
                out.append(token.charAt(i));
            }
        }
        return out.toString();
    }

    /**
     * The word with one key held down undone: each run of a letter, one at a time, shortened to one
     * letter and (a run of three or more) to two ("veggiee": veggie; "addd": add, ad). Undoing every
     * run at once ({@link #withoutDoubledLetters}) also undoes the doubles a word is spelt with.
     */
    static List<String> heldKeyVariants(String token) {
        List<String> variants = new ArrayList<>(2);
        int start = 0;
        while (start < token.length()) {
            int end = start + 1;
            while (end < token.length() && token.charAt(end) == token.charAt(start)) {
                end++;
            }
            for (int keep = 1; keep <= 2 && keep < end - start; keep++) {
                String variant = token.substring(0, start + keep) + token.substring(end);
                if (!variants.contains(variant)) {
                    variants.add(variant);
                }
            }
            start = end;
        }
        return variants;
    }

    /**
     * Plural to singular for matching only: naans, curries, sandwiches; leaves glass and hummus be.
     * Both forms of a word whose plural ending English spells two ways come to one key: "veggie" and
     * "veggies" (read "veggy" by the -ies rule), "cookie" and "cookies".
     */
    static String singular(String token) {
        String stem = pluralStripped(token);
        if (stem.length() > 4 && stem.endsWith("ie")) {
            return stem.substring(0, stem.length() - 2) + "y";
        }
        return stem;
    }

    private static String pluralStripped(String token) {
        int n = token.length();
        if (n <= 3 || !Character.isLetter(token.charAt(n - 1)) || token.charAt(n - 1) != 's') {
            return token;
        }
        if (token.endsWith("ss") || token.endsWith("us") || token.endsWith("is")) {
            return token;
        }
        if (token.endsWith("ies") && n > 4) {
            return token.substring(0, n - 3) + "y";
        }
        if (token.endsWith("ches")
                || token.endsWith("shes")
                || token.endsWith("xes")
                || token.endsWith("zes")
                || token.endsWith("sses")) {
            return token.substring(0, n - 2);
        }
        return token.substring(0, n - 1);
    }
}
