package io.tiffin.dispatch;

import java.time.Duration;

/** Turns a planning problem into a plan, never taking longer than the given time. */
public interface RoutePlanner {

    Plan plan(PlanningProblem problem, Duration timeLimit);
}
