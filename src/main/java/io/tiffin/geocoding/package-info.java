/**
 * Geocoding: typed addresses to coordinates through a Nominatim-compatible server
 * ({@code GEOCODER_URL}), cached, so a delivery can be checked against the radius, priced by distance
 * and routed. Without a server every lookup finds nothing.
 */
package io.tiffin.geocoding;
