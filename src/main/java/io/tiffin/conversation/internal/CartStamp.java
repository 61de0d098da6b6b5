package io.tiffin.conversation.internal;

import io.tiffin.ordering.PricedCart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The cart a Confirm button was shown with, carried in the button's id ("confirm:3f9a1c0b"): a
 * customer may tap the Confirm of an older cart message after changing the cart, and that tap must
 * not confirm a cart the message never showed. The stamp is a digest of the cart as the message
 * showed it, priced: its lines (items, names, counts, options, notes, prices), charges and total.
 * So a price changed on the menu between the message and the tap ("Butter Chicken ₹349" now ₹379)
 * is stale too, a cart changed back to what was shown confirms again, and nothing needs to be kept
 * in the session. A Confirm without a stamp, from a message sent before buttons
 * carried one, is taken as the word "confirm" typed.
 */
final class CartStamp {

    private static final String PREFIX = Replies.CONFIRM + ":";
    /** 32 bits: two carts of one conversation sharing a stamp is a one-in-four-billion chance. */
    private static final int BYTES = 4;

    private CartStamp() {}

    /** The id of the Confirm button of a message showing this cart. */
    static String confirmId(PricedCart cart) {
        return PREFIX + of(cart);
    }

    static boolean isConfirm(String id) {
        return id.equals(Replies.CONFIRM) || id.startsWith(PREFIX);
    }

    /** Whether a Confirm carries the stamp of the cart it was shown with. */
    static boolean isStamped(String id) {
        return id.startsWith(PREFIX);
    }

    /** Whether a tapped Confirm was shown with this cart, priced as it is now. */
    static boolean matches(String id, PricedCart cart) {
        return !id.startsWith(PREFIX) || id.substring(PREFIX.length()).equals(of(cart));
    }

    static String of(PricedCart cart) {
        try {
            // the priced cart, its lines, options and charges are records: their text is every component, in order
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(cart.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
