package io.tiffin.dispatch.internal;

import io.tiffin.dispatch.GeoPoint;
import io.tiffin.dispatch.TravelMatrix;
import io.tiffin.dispatch.TravelTimes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Road travel times from an OSRM server's {@code /table} service. A dispatch decision must not wait on
 * a slow or broken routing server: any failure falls back to the straight-line estimate, cell by cell
 * where OSRM finds no route. Answers are cached because re-planning asks about the same points again.
 */
public final class OsrmTravelTimes implements TravelTimes {

    private static final Logger log = LoggerFactory.getLogger(OsrmTravelTimes.class);

    private final String baseUrl;
    private final Duration timeout;
    private final HaversineTravelTimes fallback;
    private final HttpClient http;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Map<List<GeoPoint>, TravelMatrix> cache;

    public OsrmTravelTimes(String baseUrl, Duration timeout, int cacheSize, HaversineTravelTimes fallback) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.fallback = fallback;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<GeoPoint>, TravelMatrix> eldest) {
                return size() > cacheSize;
            }
        };
    }

    @Override
    public TravelMatrix matrix(List<GeoPoint> points) {
        List<GeoPoint> key = List.copyOf(points);
        synchronized (cache) {
            TravelMatrix cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        if (key.size() < 2) {
            return fallback.matrix(key);
        }
        try {
            TravelMatrix matrix = fetch(key);
            synchronized (cache) {
                cache.put(key, matrix);
            }
            return matrix;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("OSRM table failed ({}); using straight-line travel times", e.toString());
            return fallback.matrix(key);
        }
    }

    private TravelMatrix fetch(List<GeoPoint> points) throws Exception {
        // OSRM wants longitude first.
        String coordinates = points.stream()
                .map(p -> String.format(Locale.ROOT, "%.6f,%.6f", p.lng(), p.lat()))
                .collect(Collectors.joining(";"));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/table/v1/driving/" + coordinates + "?annotations=duration,distance"))
                .timeout(timeout)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = json.readTree(response.body());
        if (response.statusCode() != 200 || !"Ok".equals(body.path("code").asString(""))) {
            throw new IllegalStateException("OSRM answered " + response.statusCode() + " "
                    + body.path("code").asString(""));
        }
        int n = points.size();
        double[][] durations = new double[n][n];
        double[][] distances = new double[n][n];
        JsonNode durationRows = body.path("durations");
        JsonNode distanceRows = body.path("distances");
        if (durationRows.size() != n) {
            throw new IllegalStateException("OSRM table has " + durationRows.size() + " rows for " + n + " points");
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                JsonNode duration = durationRows.path(i).path(j);
                JsonNode distance = distanceRows.path(i).path(j);
                // OSRM leaves null where it finds no route; estimate just that cell.
                double estimate = fallback.roadDistance(points.get(i), points.get(j));
                distances[i][j] = distance.isNumber() ? distance.asDouble() : estimate;
                durations[i][j] = duration.isNumber() ? duration.asDouble() : fallback.duration(distances[i][j]);
            }
        }
        return new TravelMatrix(durations, distances);
    }
}
