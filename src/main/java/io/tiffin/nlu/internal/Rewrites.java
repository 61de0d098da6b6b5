package io.tiffin.nlu.internal;

import java.util.function.UnaryOperator;

/**
 * Rewrites of a message's words that apply one at a time, each over the words as the one before left
 * them ("tuna x1, ham x2"; "no, make that ... actually make that ..."), until none applies.
 */
final class Rewrites {

    private Rewrites() {}

    /**
     * @param once one rewrite, returning its argument itself when nothing applies
     * @param rounds the most rewrites: a guard against two that would undo each other for ever
     */
    static String[] untilSettled(String[] tokens, int rounds, UnaryOperator<String[]> once) {
        String[] out = tokens;
        for (int round = 0; round < rounds; round++) {
            String[] next = once.apply(out);
            if (next == out) {
                return out;
            }
            out = next;
        }
        return out;
    }
}
