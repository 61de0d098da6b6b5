package io.tiffin.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.merchant.StoreRules.DeliveryFee;
import io.tiffin.merchant.StoreRules.DeliveryFee.Band;
import io.tiffin.merchant.StoreRules.Interval;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreRulesUnitTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    private static StoreRules hours(Map<DayOfWeek, List<Interval>> hours) {
        return new StoreRules(hours, 0, null, null, 0, BigDecimal.ZERO);
    }

    @Test
    void isOpenAlwaysWithoutHours() {
        assertThat(StoreRules.NONE.isOpen(Instant.parse("2026-11-30T03:00:00Z"), KOLKATA))
                .isTrue();
        assertThat(StoreRules.NONE.nextOpening(Instant.parse("2026-11-30T03:00:00Z"), KOLKATA))
                .isEmpty();
    }

    @Test
    void readsHoursInTheMerchantsZoneWhereTheDayIsAlreadyTomorrow() {
        // 2026-11-30 is a Monday; 20:30 UTC on Monday is 09:30 on Tuesday in Auckland (UTC+13)
        StoreRules tuesdayMornings = hours(Map.of(DayOfWeek.TUESDAY, List.of(new Interval("09:00", "12:00"))));
        Instant mondayEveningUtc = Instant.parse("2026-11-30T20:30:00Z");

        assertThat(tuesdayMornings.isOpen(mondayEveningUtc, AUCKLAND)).isTrue();
        assertThat(tuesdayMornings.isOpen(mondayEveningUtc, ZoneId.of("UTC"))).isFalse();
        assertThat(tuesdayMornings.isOpen(Instant.parse("2026-11-30T23:00:00Z"), AUCKLAND))
                .isFalse(); // 12:00 closes
    }

    @Test
    void anEveningPastMidnightKeepsTheStoreOpenIntoTheNextDay() {
        // Monday 18:00 to 02:00 in Kolkata (UTC+5:30); closed on Tuesday
        StoreRules lateNights = hours(Map.of(DayOfWeek.MONDAY, List.of(new Interval("18:00", "02:00"))));

        assertThat(lateNights.isOpen(Instant.parse("2026-11-30T12:29:00Z"), KOLKATA))
                .isFalse(); // Mon 17:59
        assertThat(lateNights.isOpen(Instant.parse("2026-11-30T12:30:00Z"), KOLKATA))
                .isTrue(); // Mon 18:00
        assertThat(lateNights.isOpen(Instant.parse("2026-11-30T20:00:00Z"), KOLKATA))
                .isTrue(); // Tue 01:30
        assertThat(lateNights.isOpen(Instant.parse("2026-11-30T20:30:00Z"), KOLKATA))
                .isFalse(); // Tue 02:00
        assertThat(lateNights.nextOpening(Instant.parse("2026-11-30T20:30:00Z"), KOLKATA))
                .contains(ZonedDateTime.of(2026, 12, 7, 18, 0, 0, 0, KOLKATA)); // next Monday
    }

    @Test
    void nextOpeningIsTheEarliestIntervalStillAhead() {
        StoreRules splitShifts = hours(Map.of(
                DayOfWeek.MONDAY, List.of(new Interval("19:00", "23:00"), new Interval("11:00", "15:00")),
                DayOfWeek.TUESDAY, List.of(new Interval("00:00", "24:00"))));

        // Monday 16:00 in Kolkata: between the shifts
        assertThat(splitShifts.nextOpening(Instant.parse("2026-11-30T10:30:00Z"), KOLKATA))
                .contains(ZonedDateTime.of(2026, 11, 30, 19, 0, 0, 0, KOLKATA));
        // Monday 08:00: the lunch shift, though it is listed second
        assertThat(splitShifts.nextOpening(Instant.parse("2026-11-30T02:30:00Z"), KOLKATA))
                .contains(ZonedDateTime.of(2026, 11, 30, 11, 0, 0, 0, KOLKATA));
        // all of Tuesday, to its last minute
        assertThat(splitShifts.isOpen(Instant.parse("2026-12-01T18:29:00Z"), KOLKATA))
                .isTrue();
        assertThat(splitShifts.isOpen(Instant.parse("2026-12-01T18:30:00Z"), KOLKATA))
                .isFalse(); // Wed 00:00
    }

    @Test
    void chargesTheBandThatReachesTheDropOff() {
        DeliveryFee bands = new DeliveryFee(null, List.of(new Band(3, 2000), new Band(6, 4000)));

        assertThat(bands.feeFor(0.4)).isEqualTo(2000);
        assertThat(bands.feeFor(3.0)).isEqualTo(2000);
        assertThat(bands.feeFor(3.01)).isEqualTo(4000);
        assertThat(bands.feeFor(null)).isEqualTo(4000);
        assertThat(new DeliveryFee(3000L, null).feeFor(12.0)).isEqualTo(3000);
        assertThat(bands.dependsOnDistance()).isTrue();
    }

    @Test
    void roundsTaxHalfUpToWholeMinorUnits() {
        StoreRules gst = new StoreRules(null, 0, null, null, 0, new BigDecimal("5"));
        assertThat(gst.taxOn(34_900)).isEqualTo(1745);
        assertThat(gst.taxOn(4_910)).isEqualTo(246); // 245.5
        assertThat(new StoreRules(null, 0, null, null, 0, new BigDecimal("2.5")).taxOn(10_001))
                .isEqualTo(250);
    }

    @Test
    void refusesDeliveriesBeyondTheRadiusOnly() {
        StoreRules eightKm = new StoreRules(null, 0, null, 8.0, 0, BigDecimal.ZERO);
        Merchant.GeoPoint mgRoad = new Merchant.GeoPoint(12.9756, 77.6050);

        double whitefield = mgRoad.distanceKm(12.9698, 77.7500);
        assertThat(whitefield).isBetween(15.0, 16.5);
        assertThat(eightKm.delivers(whitefield)).isFalse();
        assertThat(eightKm.delivers(mgRoad.distanceKm(12.9716, 77.5946))).isTrue();
        assertThat(eightKm.delivers(null)).isTrue(); // no coordinates: the merchant places it
    }
}
