package io.tiffin.dispatch.internal;

import io.tiffin.dispatch.Job;
import io.tiffin.dispatch.Objective;
import io.tiffin.dispatch.PlanningProblem;
import io.tiffin.dispatch.Stop;
import io.tiffin.dispatch.TimeWindow;
import io.tiffin.dispatch.TravelMatrix;
import io.tiffin.dispatch.Vehicle;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test problems built on a plane, travel time = distance (think of seconds and metres at 1 m/s). */
final class Problems {

    private Problems() {}

    static TravelMatrix plane(double[][] xy) {
        int n = xy.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]);
            }
        }
        return new TravelMatrix(d, d);
    }

    /**
     * A dispatch-sized problem: one depot at 0, then for each pair a merchant and a customer location,
     * coordinates in metres driven at 8 m/s, drivers on shifts with bag capacity, pickups ready at a time and drop-offs promised 45-75 minutes later.
     */
    static PlanningProblem dispatch(int pairs, int drivers, long seed) {
        Random random = new Random(seed);
        double[][] xy = new double[1 + 2 * pairs][];
        xy[0] = new double[] {5000, 5000};
        List<Job> jobs = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            xy[1 + 2 * p] = new double[] {random.nextDouble() * 10000, random.nextDouble() * 10000};
            xy[2 + 2 * p] = new double[] {random.nextDouble() * 10000, random.nextDouble() * 10000};
            double ready = random.nextDouble() * 3 * 3600;
            double promised = ready + 2700 + random.nextDouble() * 1800;
            jobs.add(new Job.Shipment(
                    "order-" + p,
                    new Stop("pickup-" + p, 1 + 2 * p, 120, new TimeWindow(ready, ready + 3600)),
                    new Stop("dropoff-" + p, 2 + 2 * p, 60, new TimeWindow(ready, promised)),
                    1 + random.nextInt(3)));
        }
        List<Vehicle> vehicles = new ArrayList<>();
        for (int v = 0; v < drivers; v++) {
            vehicles.add(new Vehicle("driver-" + v, 0, -1, new TimeWindow(0, 6 * 3600), 6, 1.0, 5 * 3600, List.of()));
        }
        TravelMatrix metres = plane(xy);
        double[][] seconds = new double[xy.length][xy.length];
        for (int i = 0; i < xy.length; i++) {
            for (int j = 0; j < xy.length; j++) {
                seconds[i][j] = metres.distance(i, j) / 8; // about 29 km/h
            }
        }
        return new PlanningProblem(vehicles, jobs, new TravelMatrix(seconds, metres.distances()), Objective.DISPATCH);
    }
}
