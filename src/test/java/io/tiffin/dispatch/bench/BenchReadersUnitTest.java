package io.tiffin.dispatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tiffin.dispatch.Job;
import io.tiffin.dispatch.PlanningProblem;
import io.tiffin.dispatch.Stop;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReadersUnitTest {

    static final Path DATA = Path.of("../shared/data/vrp");

    @Test
    void readsSolomonC101() throws Exception {
        BenchInstance instance = SolomonReader.read(DATA.resolve("solomon/C101.txt"));
        PlanningProblem problem = instance.problem();

        assertThat(instance.name()).isEqualTo("C101");
        assertThat(problem.jobs()).hasSize(100);
        assertThat(problem.vehicles()).hasSize(25).allSatisfy(v -> {
            assertThat(v.capacity()).isEqualTo(200);
            assertThat(v.shift().end()).isEqualTo(1236);
        });
        Job.Single first = (Job.Single) problem.jobs().getFirst();
        Stop stop = first.stop();
        assertThat(first.size()).isEqualTo(10);
        assertThat(stop.window().start()).isEqualTo(912);
        assertThat(stop.window().end()).isEqualTo(967);
        assertThat(stop.serviceTime()).isEqualTo(90);
        // depot (40,50) to customer 1 (45,68): unrounded Euclidean
        assertThat(problem.matrix().distance(0, 1)).isCloseTo(Math.hypot(5, 18), within(1e-12));
    }

    @Test
    void readsCvrplibA32WithRoundedDistances() throws Exception {
        BenchInstance instance = CvrplibReader.read(DATA.resolve("cvrp/A-n32-k5.vrp"));
        PlanningProblem problem = instance.problem();

        assertThat(instance.name()).isEqualTo("A-n32-k5");
        assertThat(problem.jobs()).hasSize(31);
        assertThat(problem.vehicles()).allSatisfy(v -> assertThat(v.capacity()).isEqualTo(100));
        assertThat(problem.vehicles().getFirst().start()).isZero();
        // node 1 (82,76) to node 2 (96,44): sqrt(14^2 + 32^2) = 34.93 -> 35
        assertThat(problem.matrix().distance(0, 1)).isEqualTo(35.0);
        assertThat(problem.jobs().stream().mapToInt(Job::size).sum()).isEqualTo(410);
    }

    @Test
    void readsBothBestKnownFormats() throws Exception {
        Map<String, Double> solomon = RouteBenchTool.readBks(DATA.resolve("solomon/bks_distance_only.csv"));
        Map<String, Double> cvrp = RouteBenchTool.readBks(DATA.resolve("cvrp/optimal.csv"));

        assertThat(solomon).containsEntry("C101", 828.94).hasSize(29);
        assertThat(cvrp).containsEntry("A-n32-k5", 784.0).hasSize(27);
    }
}
