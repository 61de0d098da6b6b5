package io.tiffin.dispatch.internal;

import io.tiffin.dispatch.GeoPoint;
import io.tiffin.dispatch.TravelMatrix;
import io.tiffin.dispatch.TravelTimes;
import java.util.List;

/**
 * The no-network default: great-circle distance stretched by a road factor (streets are not straight
 * lines), driven at a constant speed.
 */
public final class HaversineTravelTimes implements TravelTimes {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private final double roadFactor;
    private final double metresPerSecond;

    public HaversineTravelTimes(double roadFactor, double kilometresPerHour) {
        if (!(roadFactor >= 1) || !(kilometresPerHour > 0)) {
            throw new IllegalArgumentException("road factor must be >= 1 and speed positive");
        }
        this.roadFactor = roadFactor;
        this.metresPerSecond = kilometresPerHour / 3.6;
    }

    @Override
    public TravelMatrix matrix(List<GeoPoint> points) {
        int n = points.size();
        double[][] distances = new double[n][n];
        double[][] durations = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                distances[i][j] = roadDistance(points.get(i), points.get(j));
                durations[i][j] = distances[i][j] / metresPerSecond;
            }
        }
        return new TravelMatrix(durations, distances);
    }

    /** Metres along the roads between two points, as estimated. */
    public double roadDistance(GeoPoint a, GeoPoint b) {
        return haversine(a, b) * roadFactor;
    }

    /** Seconds to drive the given metres. */
    public double duration(double metres) {
        return metres / metresPerSecond;
    }

    static double haversine(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLng = Math.toRadians(b.lng() - a.lng());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat()))
                        * Math.cos(Math.toRadians(b.lat()))
                        * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
