package io.tiffin.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoolingAcceptorUnitTest {

    static VehicleRoutingProblemSolution costing(double cost) {
        VehicleRoutingProblemSolution solution = mock(VehicleRoutingProblemSolution.class);
        when(solution.getCost()).thenReturn(cost);
        return solution;
    }

    @Test
    void acceptsSomewhatWorseSolutionsWhileHotAndOnlyBetterOnesWhenTimeIsUp() {
        long now = System.nanoTime();
        // a search that started just now with an hour to go: still hot
        JspritPlanner.CoolingAcceptor hot = new JspritPlanner.CoolingAcceptor(now, now + 3_600_000_000_000L);
        hot.informIterationStarts(1, null, List.of(costing(1000)));
        List<VehicleRoutingProblemSolution> memory = new ArrayList<>();
        assertThat(hot.acceptSolution(memory, costing(1000))).isTrue();
        assertThat(hot.threshold()).isPositive().isLessThanOrEqualTo(1000 * JspritPlanner.THRESHOLD_INI);
        double slightlyWorse = 1000 + hot.threshold() / 2;
        assertThat(hot.acceptSolution(memory, costing(slightlyWorse))).isTrue();
        assertThat(memory)
                .singleElement()
                .extracting(VehicleRoutingProblemSolution::getCost)
                .isEqualTo(slightlyWorse);
        assertThat(hot.acceptSolution(memory, costing(slightlyWorse + 2 * hot.threshold())))
                .isFalse();

        // a search whose deadline has passed: frozen, improvements only
        JspritPlanner.CoolingAcceptor cold =
                new JspritPlanner.CoolingAcceptor(now - 2_000_000_000L, now - 1_000_000_000L);
        cold.informIterationStarts(1, null, List.of(costing(1000)));
        List<VehicleRoutingProblemSolution> coldMemory = new ArrayList<>();
        cold.acceptSolution(coldMemory, costing(1000));
        assertThat(cold.threshold()).isZero();
        assertThat(cold.acceptSolution(coldMemory, costing(1000.5))).isFalse();
        assertThat(cold.acceptSolution(coldMemory, costing(999))).isTrue();
    }
}
