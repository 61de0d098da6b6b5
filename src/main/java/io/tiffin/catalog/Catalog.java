package io.tiffin.catalog;

import java.util.Optional;

/** The catalog module's API: every merchant's current menu. */
public interface Catalog {

    Optional<MenuSnapshot> current(String merchantId);

    /**
     * Validates and stores a whole menu. An invalid menu is refused whole with every problem found
     * ({@link io.tiffin.platform.InvalidInputException}) and the stored menu stays as it was.
     */
    MenuSnapshot replace(String merchantId, Menu menu);
}
