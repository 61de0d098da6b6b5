package io.tiffin.nlu.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A catalog of surface phrases and the entity each resolves to, one {@code phrase<TAB>type(VALUE)}
 * per line, as both datasets ship them. Entities keep the order of their first phrase.
 */
record AliasFile(Map<String, List<String>> phrasesByEntity, Map<String, String> entityByPhrase) {

    static AliasFile read(Path file) throws IOException {
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        Map<String, String> entities = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                continue;
            }
            String phrase = line.substring(0, tab).strip().toLowerCase(Locale.ROOT);
            String entity = value(line.substring(tab + 1).strip());
            if (phrase.isEmpty() || entity.isEmpty()) {
                continue;
            }
            phrases.computeIfAbsent(entity, e -> new ArrayList<>()).add(phrase);
            entities.putIfAbsent(key(phrase), entity);
        }
        return new AliasFile(phrases, entities);
    }

    /** {@code size(PARTY_SIZE)} is {@code PARTY_SIZE}; {@code RICE(Or(a,b))} is {@code Or(a,b)}. */
    static String value(String typed) {
        int open = typed.indexOf('(');
        int close = typed.lastIndexOf(')');
        String value =
                open >= 0 && close > open ? typed.substring(open + 1, close).strip() : typed;
        // a tree leaf has no spaces: a catalog's "personal - size" is the entity personal_size
        value = value.replaceAll("\\s*,\\s*", ",");
        return value.matches(".*\\s.*") ? value.replaceAll("\\s*-\\s*", "_").replaceAll("\\s+", "_") : value;
    }

    /** The entity a phrase stands for, spacing and hyphens aside; null when the catalog lacks it. */
    String resolve(String phrase) {
        return entityByPhrase.get(key(phrase));
    }

    private static String key(String phrase) {
        return phrase.toLowerCase(Locale.ROOT)
                .replace("-", " ")
                .replace("'", "")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
