package io.tiffin.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The insertion estimate against the exact difference of two routes' lateness. */
class LatenessUnitTest {

    final Random random = new Random(3);
    final double[][] xy = new double[12][];
    final List<Service> services = new ArrayList<>();
    final Map<String, Lateness.Due> dues = new HashMap<>();
    final VehicleImpl vehicle = VehicleImpl.Builder.newInstance("v")
            .setStartLocation(Location.newInstance(0))
            .setReturnToDepot(false)
            .build();
    MatrixCosts costs;

    LatenessUnitTest() {
        xy[0] = new double[] {0, 0};
        for (int i = 1; i < xy.length; i++) {
            xy[i] = new double[] {random.nextDouble() * 400 - 200, random.nextDouble() * 400 - 200};
            double earliest = random.nextDouble() < 0.4 ? random.nextDouble() * 1200 : 0;
            double due = earliest + 100 + random.nextDouble() * 900;
            services.add(Service.Builder.newInstance("s" + i)
                    .setLocation(Location.newInstance(i))
                    .setServiceTime(20 + random.nextInt(60))
                    .setTimeWindow(TimeWindow.newInstance(earliest, 1e12))
                    .build());
            dues.put("s" + i, new Lateness.Due(due, due));
        }
        costs = new MatrixCosts(Problems.plane(xy), Map.of("v", 1.0), false);
    }

    VehicleRoute route(List<Service> sequence) {
        VehicleRoute.Builder builder = VehicleRoute.Builder.newInstance(vehicle);
        sequence.forEach(builder::addService);
        return builder.build();
    }

    /** When the vehicle leaves the activity before position {@code k} (the start for 0). */
    double departureBefore(VehicleRoute route, int k) {
        double time = 0;
        TourActivity previous = route.getStart();
        for (TourActivity activity : route.getActivities().subList(0, k)) {
            double arrival =
                    time + costs.getTransportTime(previous.getLocation(), activity.getLocation(), time, null, vehicle);
            time = Math.max(arrival, activity.getTheoreticalEarliestOperationStartTime()) + activity.getOperationTime();
            previous = activity;
        }
        return time;
    }

    @Test
    void anInsertionCostsExactlyTheLatenessItAddsAlongTheRoute() {
        Lateness lateness = new Lateness(dues, costs, 1000);
        List<Service> base = services.subList(0, 7);
        Service added = services.get(7);
        VehicleRoute route = route(base);
        assertThat(lateness.ofRoute(route))
                .as("a route with some lateness to pass on")
                .isPositive();
        List<Double> estimates = new ArrayList<>();
        for (int k = 0; k <= base.size(); k++) {
            List<Service> withIt = new ArrayList<>(base);
            withIt.add(k, added);
            VehicleRoute longer = route(withIt);
            TourActivity previous =
                    k == 0 ? route.getStart() : route.getActivities().get(k - 1);
            double estimate = lateness.added(
                    previous,
                    departureBefore(route, k),
                    longer.getActivities().get(k),
                    route.getActivities(),
                    k,
                    null,
                    vehicle);

            assertThat(estimate)
                    .as("insert at " + k)
                    .isCloseTo(lateness.ofRoute(longer) - lateness.ofRoute(route), within(1e-6));
            estimates.add(estimate);
        }
        // positions differ: some insertions add nothing (waiting absorbs them), others a lot
        assertThat(new java.util.HashSet<>(estimates)).hasSizeGreaterThan(2).contains(0.0);
        assertThat(estimates).anyMatch(e -> e > 100);
    }

    @Test
    void pastTheWalkTheEstimateNeverUndercharges() {
        Lateness exact = new Lateness(dues, costs, 1000);
        Lateness bounded = new Lateness(dues, costs, 2);
        List<Service> base = services.subList(0, 10);
        Service added = services.get(10);
        VehicleRoute route = route(base);
        for (int k = 0; k <= base.size(); k++) {
            List<Service> withIt = new ArrayList<>(base);
            withIt.add(k, added);
            TourActivity inserted = route(withIt).getActivities().get(k);
            TourActivity previous =
                    k == 0 ? route.getStart() : route.getActivities().get(k - 1);
            double departure = departureBefore(route, k);

            double truth = exact.added(previous, departure, inserted, route.getActivities(), k, null, vehicle);
            assertThat(bounded.added(previous, departure, inserted, route.getActivities(), k, null, vehicle))
                    .as("insert at " + k)
                    .isGreaterThanOrEqualTo(truth - 1e-6);
        }
    }
}
