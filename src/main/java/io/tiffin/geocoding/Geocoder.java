package io.tiffin.geocoding;

import java.util.Optional;

/** Finds where a typed address is. Never throws: a slow, broken or absent server finds nothing. */
public interface Geocoder {

    /** Whether a server is configured; without one the bot asks for a pin instead. */
    boolean enabled();

    /**
     * The best match for an address, preferring places near {@code near} (the merchant): "12 Church
     * Street" exists in many cities.
     */
    Optional<Place> locate(String address, Near near);

    record Near(double lat, double lng) {}

    /** A match: coordinates and the server's own name for the place. */
    record Place(double lat, double lng, String displayName) {}
}
