/**
 * Dispatch: plans which driver carries which jobs and in what order. The root package is the
 * module's API: the planning model ({@link io.tiffin.dispatch.PlanningProblem}, jobs, vehicles, time
 * windows), the {@link io.tiffin.dispatch.RoutePlanner} that turns a problem into a {@link io.tiffin.dispatch.Plan}
 * within a time bound, and the {@link io.tiffin.dispatch.TravelTimes} port that supplies the
 * travel-time matrix (straight-line estimate by default, OSRM when {@code OSRM_URL} is set).
 * The solver (jsprit, chosen over OR-Tools by measurement: bench/routing), the matrix adapters and the {@code route-bench}
 * command-line tool live in the private sub-packages. {@code planning} turns a merchant's drivers and open
 * deliveries into a plan (lateness first, distance second) and re-plans, debounced, when asked
 * ({@code Redispatch}) and on a safety timer; {@code dispatch-bench} measures it (bench/dispatch).
 */
package io.tiffin.dispatch;
