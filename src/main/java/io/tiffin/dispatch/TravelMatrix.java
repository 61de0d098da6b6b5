package io.tiffin.dispatch;

/**
 * Travel between every pair of locations: durations in seconds (or the plan's time unit) and
 * distances in metres (or the plan's distance unit). Square, indexed like the locations.
 */
public record TravelMatrix(double[][] durations, double[][] distances) {

    public TravelMatrix {
        if (durations.length != distances.length) {
            throw new IllegalArgumentException("durations and distances differ in size");
        }
        for (int i = 0; i < durations.length; i++) {
            if (durations[i].length != durations.length || distances[i].length != durations.length) {
                throw new IllegalArgumentException("matrix must be square");
            }
        }
    }

    public int size() {
        return durations.length;
    }

    public double duration(int from, int to) {
        return durations[from][to];
    }

    public double distance(int from, int to) {
        return distances[from][to];
    }
}
