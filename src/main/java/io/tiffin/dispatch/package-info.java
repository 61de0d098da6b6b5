/**
 * Dispatch: drivers, shifts and locations, deliveries with their stops and proof of delivery, live
 * tracking, and route planning. The root package is the module's API: the planning model
 * ({@link io.tiffin.dispatch.PlanningProblem}, jobs, vehicles, time windows), the
 * {@link io.tiffin.dispatch.RoutePlanner} that turns a problem into a {@link io.tiffin.dispatch.Plan} within a
 * time bound, the {@link io.tiffin.dispatch.TravelTimes} port (straight-line estimate by default, OSRM when
 * {@code OSRM_URL} is set), the delivery events other modules react to ({@link io.tiffin.dispatch.DeliveryAssigned},
 * {@link io.tiffin.dispatch.DeliveryUpdated}, {@link io.tiffin.dispatch.DeliveryCompleted}), and two small
 * queries ({@link io.tiffin.dispatch.DeliveryTracking}, {@link io.tiffin.dispatch.Fleet}).
 * Sub-packages are private: {@code fleet} (drivers, shifts, Redis locations), {@code delivery} (the
 * {@code Delivery} aggregate, the driver's and merchant's APIs, tracking), {@code planning} (a merchant's
 * drivers and open deliveries into a plan, lateness first and distance second, re-planned debounced when
 * asked through {@code Redispatch} and on a safety timer), the solver and matrix adapters, and the
 * {@code route-bench} and {@code dispatch-bench} tools (bench/routing, bench/dispatch).
 */
package io.tiffin.dispatch;
