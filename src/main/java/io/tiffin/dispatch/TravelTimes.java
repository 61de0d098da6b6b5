package io.tiffin.dispatch;

import java.util.List;

/** The port that supplies travel durations (seconds) and distances (metres) between map points. */
public interface TravelTimes {

    TravelMatrix matrix(List<GeoPoint> points);
}
