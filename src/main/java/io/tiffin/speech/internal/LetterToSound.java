package io.tiffin.speech.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pronunciations (CMU phones) for words the dictionary lacks, from their spelling. Menu words missing
 * from cmudict are mostly romanized Indian dish names ("naan", "paneer", "makhani"), which are spelled
 * as said, so a small rule set does better here than a general English model. Two readings are given
 * where English speakers split ("a" as in "father" or as in "cat", a final "e" said or silent), and
 * the recognizer picks whichever fits the voice.
 */
final class LetterToSound {

    private LetterToSound() {}

    static List<String> pronunciations(String word) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(String.join(" ", phones(word, false)));
        variants.add(String.join(" ", phones(word, true)));
        variants.removeIf(String::isBlank);
        return new ArrayList<>(variants);
    }

    private static List<String> phones(String word, boolean english) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < w.length()) {
            String rest = w.substring(i);
            char c = w.charAt(i);
            boolean last = i == w.length() - 1;
            // the longest spelling first: "cch", "aa", "ee", "ch", "bh" ...
            if (rest.startsWith("cch")) {
                out.add("CH");
                i += 3;
            } else if (rest.startsWith("aa")) {
                out.add("AA");
                i += 2;
            } else if (rest.startsWith("ee") || rest.startsWith("ea")) {
                out.add("IY");
                i += 2;
            } else if (rest.startsWith("oo")) {
                out.add("UW");
                i += 2;
            } else if (rest.startsWith("ai") || rest.startsWith("ay")) {
                out.add(english ? "EY" : "AY");
                i += 2;
            } else if (rest.startsWith("au") || rest.startsWith("ow")) {
                out.add("AW");
                i += 2;
            } else if (rest.startsWith("ch")) {
                out.add("CH");
                i += 2;
            } else if (rest.startsWith("sh")) {
                out.add("SH");
                i += 2;
            } else if (rest.startsWith("ph")) {
                out.add("F");
                i += 2;
            } else if (rest.startsWith("th")) {
                out.add(english ? "TH" : "T");
                i += 2;
            } else if (rest.startsWith("ck") || rest.startsWith("kh") || rest.startsWith("qu")) {
                out.add("K");
                if (rest.startsWith("qu")) {
                    out.add("W");
                }
                i += 2;
            } else if (rest.length() > 1 && rest.charAt(1) == 'h' && "bdgj".indexOf(c) >= 0) {
                out.add(consonant(c, w, i));
                i += 2; // aspirated "bh", "dh", "gh", "jh": English ears hear the plain consonant
            } else if (rest.startsWith("ng")) {
                out.add("NG");
                i += 2;
            } else if (i > 0 && c == w.charAt(i - 1) && !isVowel(c)) {
                i++; // "lassi", "jeera rice": a double consonant is said once
            } else if (english
                    && "eiu".indexOf(c) >= 0
                    && rest.length() > 2
                    && rest.charAt(1) == 'r'
                    && !isVowel(rest.charAt(2))) {
                out.add("ER"); // "mirchi", "kurma": the vowel and r said as one
                i += 2;
            } else if (isVowel(c)) {
                String v = vowel(c, w, i, last, english);
                if (v != null) {
                    out.add(v);
                }
                i++;
            } else if (c == 'x') {
                out.add("K");
                out.add("S");
                i++;
            } else if (c == 'h') {
                if (i == 0 || isVowel(w.charAt(i - 1)) && i + 1 < w.length() && isVowel(w.charAt(i + 1))) {
                    out.add("HH");
                }
                i++;
            } else {
                out.add(consonant(c, w, i));
                i++;
            }
        }
        return out;
    }

    private static String vowel(char c, String w, int i, boolean last, boolean english) {
        return switch (c) {
            case 'a' -> last ? "AH" : english ? "AE" : "AA";
            case 'e' -> last ? (english && i > 1 ? null : "EY") : "EH";
            case 'i' -> last ? "IY" : "IH";
            case 'o' -> "OW";
            case 'u' -> english ? "AH" : "UH";
            default -> i == 0 ? "Y" : "IY"; // y
        };
    }

    private static String consonant(char c, String w, int i) {
        return switch (c) {
            case 'b' -> "B";
            case 'c' -> i + 1 < w.length() && "eiy".indexOf(w.charAt(i + 1)) >= 0 ? "S" : "K";
            case 'd' -> "D";
            case 'f' -> "F";
            case 'g' -> i > 0 && w.charAt(i - 1) == 'e' && i + 1 == w.length() ? "JH" : "G"; // "veg" is "vedge"
            case 'j' -> "JH";
            case 'k', 'q' -> "K";
            case 'l' -> "L";
            case 'm' -> "M";
            case 'n' -> "N";
            case 'p' -> "P";
            case 'r' -> "R";
            case 's' -> "S";
            case 't' -> "T";
            case 'v' -> "V";
            case 'w' -> "W";
            case 'z' -> "Z";
            default -> "T";
        };
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }
}
