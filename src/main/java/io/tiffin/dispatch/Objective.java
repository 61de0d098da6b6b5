package io.tiffin.dispatch;

/** What a plan is judged by. */
public enum Objective {

    /**
     * Day-to-day dispatch: least lateness first, then fewest drivers, then least travel time.
     * Time windows' ends are soft (lateness is allowed but expensive); jobs that cannot be served
     * at all are reported as unassigned rather than failing the plan.
     */
    DISPATCH,

    /** Benchmarks: every job served, every time window hard, least total distance. */
    DISTANCE
}
