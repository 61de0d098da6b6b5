package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One thing said earlier in the message and taken back by name ({@code take-back.txt}): "2 lattes
 * and a cappuccino, scratch the cappuccino", "turkey with swiss and bacon, scratch the bacon", "a
 * large pizza w/ ham & pineapple, actually scratch the ham". The nearest earlier mention of the
 * named menu words is dropped with the list word that joined it; when its part of the message
 * (between list words) names nothing else of the menu, or the name is a dish, the whole part goes.
 * A name said nowhere before leaves the message as it is.
 */
final class TakenBack {

    private TakenBack() {}

    static String[] applied(Lexicon lexicon, String[] tokens, MenuIndex index) {
        return Rewrites.untilSettled(tokens, 3, words -> once(lexicon, words, index));
    }

    private static String[] once(Lexicon lexicon, String[] tokens, MenuIndex index) {
        String[] canonical = index.canonical(tokens);
        for (int at = 1; at < tokens.length; at++) {
            var marker = lexicon.takeBack.longest(tokens, at);
            if (marker == null) {
                continue;
            }
            int nameStart = at + marker.length();
            if (nameStart < tokens.length && lexicon.articles.contains(tokens[nameStart])) {
                nameStart++;
            }
            int nameEnd = nameStart;
            while (nameEnd < tokens.length && canonical[nameEnd] != null && !joins(lexicon, tokens, nameEnd)) {
                nameEnd++;
            }
            if (nameEnd == nameStart) {
                continue;
            }
            String[] name = Arrays.copyOfRange(canonical, nameStart, nameEnd);
            int said = lastSaid(canonical, name, at);
            if (said < 0) {
                continue;
            }
            int markerStart = at > 0 && tokens[at - 1].equals(",") ? at - 1 : at;
            boolean[] drop = new boolean[tokens.length];
            Arrays.fill(drop, markerStart, nameEnd, true);
            int partStart = said;
            while (partStart > 0 && !joins(lexicon, tokens, partStart - 1)) {
                partStart--;
            }
            int partEnd = said + name.length;
            while (partEnd < markerStart && !joins(lexicon, tokens, partEnd)) {
                partEnd++;
            }
            var item = index.items.longest(canonical, said);
            boolean dish = item != null && item.length() >= name.length;
            boolean nothingElse = true;
            for (int k = partStart; k < partEnd; k++) {
                if ((k < said || k >= said + name.length) && canonical[k] != null) {
                    nothingElse = false;
                }
            }
            int from = dish || nothingElse ? partStart : said;
            int to = dish || nothingElse ? partEnd : said + name.length;
            Arrays.fill(drop, from, to, true);
            // the list word that joined it: the one before, else the one after
            if (from > 0 && joins(lexicon, tokens, from - 1) && !drop[from - 1]) {
                drop[from - 1] = true;
            } else if (to < markerStart && joins(lexicon, tokens, to)) {
                drop[to] = true;
            }
            List<String> out = new ArrayList<>(tokens.length);
            for (int k = 0; k < tokens.length; k++) {
                if (!drop[k]) {
                    out.add(tokens[k]);
                }
            }
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    /** Where the menu words of {@code name} were last said before {@code end}, or -1. */
    private static int lastSaid(String[] canonical, String[] name, int end) {
        for (int k = end - name.length; k >= 0; k--) {
            if (Arrays.equals(canonical, k, k + name.length, name, 0, name.length)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean joins(Lexicon lexicon, String[] tokens, int i) {
        return lexicon.listJoins.contains(tokens[i]);
    }
}
