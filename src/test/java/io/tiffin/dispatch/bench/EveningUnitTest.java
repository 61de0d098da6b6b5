package io.tiffin.dispatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.dispatch.internal.HaversineTravelTimes;
import io.tiffin.dispatch.internal.JspritPlanner;
import io.tiffin.dispatch.planning.DispatchPlanner;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evening simulation behind bench/dispatch keeps to its own physics with either policy. */
class EveningUnitTest {

    final HaversineTravelTimes travel = new HaversineTravelTimes(1.3, 25);

    Evening evening() {
        return new Evening(2, 4, travel, Duration.ofMinutes(3), Duration.ofMinutes(2));
    }

    @Test
    void everyOrderIsDeliveredAfterItIsReadyAndFetched() {
        List<Evening.Order> orders = Evening.orders(5, 10, 0.5, 3);
        DispatchPlanner planner = new DispatchPlanner(
                new JspritPlanner(2),
                travel,
                new DispatchPlanner.Settings(Duration.ofMinutes(3), Duration.ofMinutes(2), Duration.ofMillis(150)));
        Evening.Planned planned = new Evening.Planned(planner);

        Evening withPlanner = evening();
        Evening.Result byPlanner = withPlanner.run(orders, planned, Duration.ofSeconds(10), Duration.ofHours(6));
        Evening withBaseline = evening();
        Evening.Result byBaseline =
                withBaseline.run(orders, new Evening.NearestIdleDriver(), Duration.ofSeconds(10), Duration.ofHours(6));

        assertThat(planned.violations).isZero();
        for (Evening e : List.of(withPlanner, withBaseline)) {
            assertThat(e.orders.values()).hasSize(10).allSatisfy(s -> {
                assertThat(s.done).isTrue();
                // fetched no earlier than ready plus the handover at the kitchen, then driven to the door
                double direct = travel.duration(travel.roadDistance(Evening.KITCHEN, s.order.dropoff()));
                assertThat(s.deliveredAt)
                        .isAfterOrEqualTo(s.order
                                .readyAt()
                                .plus(Duration.ofMinutes(3))
                                .plusMillis(Math.round(direct * 1000) - 1000));
            });
        }
        assertThat(byPlanner.delivered()).isEqualTo(10);
        assertThat(byBaseline.delivered()).isEqualTo(10);
        // the baseline drives to the kitchen and back for every order: at least twice the direct legs
        double directKm = orders.stream()
                        .mapToDouble(o -> travel.roadDistance(Evening.KITCHEN, o.dropoff()))
                        .sum()
                / 1000;
        assertThat(byBaseline.km()).isGreaterThanOrEqualTo(directKm);
    }
}
