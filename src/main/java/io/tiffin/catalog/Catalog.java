package io.tiffin.catalog;

import java.util.Optional;

/** The catalog module's API: every merchant's current menu. */
public interface Catalog {

    Optional<MenuSnapshot> current(String merchantId);

    /**
     * The menu as stored at most a second ago, for reads made once per customer message: a change made
     * in this process is seen at once, one made by another instance within that second. An order is
     * priced and checked against {@link #current} when it is placed, so a second-old menu only shapes
     * what the bot says.
     */
    default Optional<MenuSnapshot> recent(String merchantId) {
        return current(merchantId);
    }

    /**
     * Validates and stores a whole menu. An invalid menu is refused whole with every problem found
     * ({@link io.tiffin.platform.InvalidInputException}) and the stored menu stays as it was.
     */
    MenuSnapshot replace(String merchantId, Menu menu);
}
