package io.tiffin.geocoding.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tiffin.geocoding.Geocoder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nominatim's {@code /search?q=...&format=jsonv2&limit=1}, with a view box of about 30 km around the
 * merchant that ranks nearby matches first without excluding others. Answers, also "no match", are
 * cached: customers type the same few streets, and a public Nominatim allows one request a second.
 */
final class NominatimGeocoder implements Geocoder {

    private static final Logger log = LoggerFactory.getLogger(NominatimGeocoder.class);
    /** Degrees either side of the merchant for the view box: about 30 km. */
    private static final double VIEW_BOX = 0.3;

    private static final int MAX_QUERY = 300;

    private final String baseUrl;
    private final String userAgent;
    private final GeocoderProperties properties;
    private final HttpClient http;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Cache<String, Optional<Place>> cache;

    NominatimGeocoder(GeocoderProperties properties, String userAgent) {
        String url = properties.url().strip();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.userAgent = userAgent;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.cacheSize())
                .expireAfterWrite(properties.cacheTtl())
                .build();
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Optional<Place> locate(String address, Near near) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String query = address.strip().replaceAll("\\s+", " ");
        query = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
        String viewBox = near == null
                ? null
                : String.format(
                        Locale.ROOT,
                        "%.4f,%.4f,%.4f,%.4f",
                        near.lng() - VIEW_BOX,
                        near.lat() + VIEW_BOX,
                        near.lng() + VIEW_BOX,
                        near.lat() - VIEW_BOX);
        String key = query.toLowerCase(Locale.ROOT) + "|" + viewBox;
        Optional<Place> cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        try {
            Optional<Place> found = search(query, viewBox);
            cache.put(key, found);
            return found;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // not cached: the next customer may find the server back
            log.warn("Geocoder failed ({}); the address stays without coordinates", e.toString());
            return Optional.empty();
        }
    }

    private Optional<Place> search(String query, String viewBox) throws Exception {
        StringBuilder url = new StringBuilder(baseUrl)
                .append("/search?q=")
                .append(URLEncoder.encode(query, StandardCharsets.UTF_8))
                .append("&format=jsonv2&limit=1");
        if (viewBox != null) {
            url.append("&viewbox=").append(URLEncoder.encode(viewBox, StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(properties.timeout())
                .header("User-Agent", userAgent)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        JsonNode results = json.readTree(response.body());
        if (!results.isArray() || results.isEmpty()) {
            return Optional.empty();
        }
        JsonNode first = results.get(0);
        // Nominatim writes coordinates as strings: "lat": "12.9716"
        double lat = Double.parseDouble(first.path("lat").asString());
        double lng = Double.parseDouble(first.path("lon").asString());
        if (lat < -90 || lat > 90 || lng < -180 || lng > 180) {
            return Optional.empty();
        }
        String name = first.path("display_name").asString(null);
        return Optional.of(new Place(lat, lng, name));
    }
}
