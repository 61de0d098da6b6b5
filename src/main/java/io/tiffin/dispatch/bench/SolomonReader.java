package io.tiffin.dispatch.bench;

import io.tiffin.dispatch.Job;
import io.tiffin.dispatch.Objective;
import io.tiffin.dispatch.PlanningProblem;
import io.tiffin.dispatch.Stop;
import io.tiffin.dispatch.TimeWindow;
import io.tiffin.dispatch.TravelMatrix;
import io.tiffin.dispatch.Vehicle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Solomon VRPTW files: name, fleet size and capacity, then one row per node (row 0 is the depot,
 * whose due date is the horizon). Travel time equals Euclidean distance, unrounded.
 */
final class SolomonReader {

    private SolomonReader() {}

    static BenchInstance read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        String name = lines.getFirst();
        int fleet = 0;
        int capacity = 0;
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("NUMBER")) {
                String[] fields = lines.get(i + 1).split("\\s+");
                fleet = Integer.parseInt(fields[0]);
                capacity = Integer.parseInt(fields[1]);
                i++;
            } else if (Character.isDigit(line.charAt(0))) {
                String[] fields = line.split("\\s+");
                if (fields.length >= 7) {
                    double[] row = new double[7];
                    for (int f = 0; f < 7; f++) {
                        row[f] = Double.parseDouble(fields[f]);
                    }
                    rows.add(row);
                }
            }
        }
        if (fleet == 0 || rows.size() < 2) {
            throw new IOException(file + " is not a Solomon instance");
        }
        double[][] xy = rows.stream().map(r -> new double[] {r[1], r[2]}).toArray(double[][]::new);
        double[][] distances = Euclid.matrix(xy, false);
        TravelMatrix matrix = new TravelMatrix(distances, distances);
        double[] depot = rows.getFirst();
        TimeWindow hours = new TimeWindow(depot[4], depot[5]);
        List<Vehicle> vehicles = new ArrayList<>();
        for (int v = 0; v < fleet; v++) {
            vehicles.add(Vehicle.of("v" + (v + 1), 0, hours, capacity));
        }
        List<Job> jobs = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            double[] r = rows.get(i);
            String id = String.valueOf((int) r[0]);
            jobs.add(new Job.Single(id, new Stop(id, i, r[6], new TimeWindow(r[4], r[5])), (int) r[3]));
        }
        return new BenchInstance(name, new PlanningProblem(vehicles, jobs, matrix, Objective.DISTANCE));
    }
}
