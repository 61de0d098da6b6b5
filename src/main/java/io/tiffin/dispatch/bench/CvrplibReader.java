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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CVRPLIB (TSPLIB-style) files with EUC_2D distances: capacity only, no time limits, fleet unbounded. */
final class CvrplibReader {

    private CvrplibReader() {}

    static BenchInstance read(Path file) throws IOException {
        String name = null;
        int capacity = 0;
        Map<Integer, double[]> coordinates = new LinkedHashMap<>();
        Map<Integer, Integer> demands = new LinkedHashMap<>();
        int depot = 1;
        String section = "";
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.equals("EOF")) {
                continue;
            }
            if (line.contains(":") && !Character.isDigit(line.charAt(0)) && !line.startsWith("-")) {
                String key = line.substring(0, line.indexOf(':')).strip();
                String value = line.substring(line.indexOf(':') + 1).strip();
                switch (key) {
                    case "NAME" -> name = value;
                    case "CAPACITY" -> capacity = Integer.parseInt(value);
                    case "EDGE_WEIGHT_TYPE" -> {
                        if (!value.equals("EUC_2D")) {
                            throw new IOException(file + ": only EUC_2D distances are supported, not " + value);
                        }
                    }
                    default -> {}
                }
                continue;
            }
            if (line.endsWith("_SECTION")) {
                section = line;
                continue;
            }
            String[] f = line.split("\\s+");
            switch (section) {
                case "NODE_COORD_SECTION" ->
                    coordinates.put(
                            Integer.parseInt(f[0]), new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
                case "DEMAND_SECTION" -> demands.put(Integer.parseInt(f[0]), Integer.parseInt(f[1]));
                case "DEPOT_SECTION" -> {
                    if (!f[0].equals("-1")) {
                        depot = Integer.parseInt(f[0]);
                    }
                }
                default -> {}
            }
        }
        if (name == null || capacity == 0 || coordinates.isEmpty()) {
            throw new IOException(file + " is not a CVRPLIB instance");
        }
        // Matrix index = node id - 1, so the depot (id 1 in set A) sits wherever its id says.
        List<Integer> ids = new ArrayList<>(coordinates.keySet());
        double[][] xy = ids.stream().map(coordinates::get).toArray(double[][]::new);
        double[][] distances = Euclid.matrix(xy, true);
        int depotIndex = ids.indexOf(depot);
        List<Job> jobs = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (i == depotIndex) {
                continue;
            }
            String id = String.valueOf(ids.get(i));
            int demand = demands.getOrDefault(ids.get(i), 0);
            total += demand;
            jobs.add(new Job.Single(id, new Stop(id, i, 0, TimeWindow.ALWAYS), demand));
        }
        // Enough vehicles that packing is never the obstacle; unused ones cost nothing.
        int fleet = (int) Math.ceil((double) total / capacity) + 3;
        List<Vehicle> vehicles = new ArrayList<>();
        for (int v = 0; v < fleet; v++) {
            vehicles.add(Vehicle.of("v" + (v + 1), depotIndex, TimeWindow.ALWAYS, capacity));
        }
        return new BenchInstance(
                name, new PlanningProblem(vehicles, jobs, new TravelMatrix(distances, distances), Objective.DISTANCE));
    }
}
