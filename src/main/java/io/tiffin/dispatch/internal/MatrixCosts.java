package io.tiffin.dispatch.internal;

import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.cost.AbstractForwardVehicleRoutingTransportCosts;
import com.graphhopper.jsprit.core.problem.driver.Driver;
import com.graphhopper.jsprit.core.problem.vehicle.Vehicle;
import io.tiffin.dispatch.TravelMatrix;
import java.util.Map;

/**
 * The planning matrix as jsprit's transport costs: travel time scaled by each vehicle's speed
 * factor, and the arc cost either distance (benchmarks) or travel time (dispatch).
 */
final class MatrixCosts extends AbstractForwardVehicleRoutingTransportCosts {

    private final TravelMatrix matrix;
    private final Map<String, Double> speedFactors;
    private final boolean costIsDistance;
    private final boolean allAtMatrixSpeed;

    MatrixCosts(TravelMatrix matrix, Map<String, Double> speedFactors, boolean costIsDistance) {
        this.matrix = matrix;
        this.speedFactors = speedFactors;
        this.costIsDistance = costIsDistance;
        this.allAtMatrixSpeed = speedFactors.values().stream().allMatch(f -> f == 1.0);
    }

    @Override
    public double getDistance(Location from, Location to, double departureTime, Vehicle vehicle) {
        return matrix.distance(from.getIndex(), to.getIndex());
    }

    @Override
    public double getTransportTime(Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
        return matrix.duration(from.getIndex(), to.getIndex()) * speed(vehicle);
    }

    @Override
    public double getTransportCost(Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
        return costIsDistance
                ? matrix.distance(from.getIndex(), to.getIndex())
                : getTransportTime(from, to, departureTime, driver, vehicle);
    }

    private double speed(Vehicle vehicle) {
        return allAtMatrixSpeed || vehicle == null ? 1.0 : speedFactors.getOrDefault(vehicle.getId(), 1.0);
    }
}
