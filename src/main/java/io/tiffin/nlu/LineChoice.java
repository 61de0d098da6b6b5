package io.tiffin.nlu;

import java.util.List;

/**
 * What a message answers when the customer was asked which of some lines they mean ("remove the
 * lassi" with a Sweet and a Mango Lassi in the cart): {@code chosen} holds the positions (from 0, in
 * the order shown) of the lines it picks ("the mango one", "the second", "pehla wala": one; "both",
 * "dono", "all of them": every one), {@code none} is set when it picks none of them ("neither",
 * "never mind", "rehne do"). A message that is no answer ("add a mango lassi") has neither: the
 * conversation reads it as a message of its own.
 */
public record LineChoice(List<Integer> chosen, boolean none) {

    public static final LineChoice NOT_AN_ANSWER = new LineChoice(List.of(), false);
    public static final LineChoice NONE = new LineChoice(List.of(), true);

    public LineChoice {
        chosen = chosen == null ? List.of() : List.copyOf(chosen);
        if (none && !chosen.isEmpty()) {
            throw new IllegalArgumentException("an answer picking none picks no line");
        }
    }

    public static LineChoice of(List<Integer> chosen) {
        return new LineChoice(chosen, false);
    }

    /** Whether the message answers the question at all. */
    public boolean answers() {
        return none || !chosen.isEmpty();
    }
}
