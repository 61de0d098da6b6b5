package io.tiffin.dispatch;

/** What a plan is judged by. */
public enum Objective {

    /**
     * Least lateness first, then fewest drivers, then least travel time. Time windows' ends are
     * soft: lateness (service starting after a window's end) is allowed, and the total lateness of
     * every stop, delays passed on along the route included, is what is minimised first. Jobs that
     * cannot be served at all (capacity, shift ends) are reported as unassigned rather than failing
     * the plan.
     */
    DISPATCH,

    /**
     * Food delivery with drivers already on shift: least lateness first (as {@link #DISPATCH}), then
     * least distance. Using one more driver costs nothing by itself, so an idle driver nearby takes
     * an order rather than a busy one making a detour.
     */
    LATENESS_THEN_DISTANCE,

    /** Benchmarks: every job served, every time window hard, least total distance. */
    DISTANCE
}
