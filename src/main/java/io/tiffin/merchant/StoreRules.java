package io.tiffin.merchant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a merchant's bot enforces: opening hours per weekday in the merchant's time zone, a minimum
 * order, the delivery fee and radius, a packaging charge and a tax percentage. Money in minor units.
 * A rule left out does not apply: no hours means open always, no fee means free delivery, no radius
 * means any distance. The settings API checks values before they are stored.
 */
public record StoreRules(
        Map<DayOfWeek, List<Interval>> openingHours,
        long minimumOrder,
        DeliveryFee deliveryFee,
        Double deliveryRadiusKm,
        long packagingCharge,
        BigDecimal taxPercent) {

    /** What merchants have before their owner sets anything: open always, no fees, no limits. */
    public static final StoreRules NONE = new StoreRules(null, 0, null, null, 0, BigDecimal.ZERO);

    public StoreRules {
        if (openingHours != null) {
            Map<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
            openingHours.forEach(
                    (day, intervals) -> copy.put(day, intervals == null ? List.of() : List.copyOf(intervals)));
            openingHours = java.util.Collections.unmodifiableMap(copy);
        }
        taxPercent = taxPercent == null ? BigDecimal.ZERO : taxPercent;
    }

    /**
     * "11:00"-"23:00" on a day; a close at or before the open ends on the next day ("18:00"-"02:00"),
     * "24:00" is the end of the day. Times are "HH:mm" in the merchant's time zone.
     */
    public record Interval(String open, String close) {

        int openMinute() {
            return minuteOf(open);
        }

        int closeMinute() {
            return minuteOf(close);
        }

        /** Whether it ends on the next day: the close is at or before the open. */
        boolean crossesMidnight() {
            return closeMinute() <= openMinute();
        }

        public static int minuteOf(String time) {
            if (time == null || !time.matches("([01]\\d|2[0-3]):[0-5]\\d|24:00")) {
                throw new IllegalArgumentException("must be a time as HH:mm, 00:00 to 24:00");
            }
            return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3));
        }
    }

    /** A flat fee, or a fee per distance band (the first band that reaches the drop-off). */
    public record DeliveryFee(Long flat, List<Band> bands) {

        public record Band(double upToKm, long fee) {}

        public DeliveryFee {
            bands = bands == null ? null : List.copyOf(bands);
        }

        /**
         * The fee for a drop-off this far away; with bands and no known distance (an address the
         * merchant places on the map later) the highest band, so the customer is never charged more
         * than the cart said.
         */
        public long feeFor(Double distanceKm) {
            if (flat != null) {
                return flat;
            }
            if (bands == null || bands.isEmpty()) {
                return 0;
            }
            if (distanceKm == null) {
                return bands.getLast().fee();
            }
            return bands.stream()
                    .filter(b -> distanceKm <= b.upToKm())
                    .findFirst()
                    .orElse(bands.getLast())
                    .fee();
        }

        /** Whether the fee is known before the customer says where to deliver. */
        public boolean dependsOnDistance() {
            return flat == null && bands != null && !bands.isEmpty();
        }
    }

    public boolean alwaysOpen() {
        return openingHours == null;
    }

    public boolean isOpen(Instant now, ZoneId zone) {
        if (alwaysOpen()) {
            return true;
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        int minute = local.getHour() * 60 + local.getMinute();
        DayOfWeek today = local.getDayOfWeek();
        for (Interval interval : intervalsOf(today)) {
            int end = interval.crossesMidnight() ? 24 * 60 : interval.closeMinute();
            if (minute >= interval.openMinute() && minute < end) {
                return true;
            }
        }
        // yesterday's evening that runs past midnight ("18:00"-"02:00" is open at 01:30)
        for (Interval interval : intervalsOf(today.minus(1))) {
            if (interval.crossesMidnight() && minute < interval.closeMinute()) {
                return true;
            }
        }
        return false;
    }

    /** When the store next opens after {@code now}; empty while it is open or when it never opens. */
    public Optional<ZonedDateTime> nextOpening(Instant now, ZoneId zone) {
        if (isOpen(now, zone)) {
            return Optional.empty();
        }
        ZonedDateTime here = now.atZone(zone);
        LocalDate date = here.toLocalDate();
        for (int days = 0; days <= 7; days++) {
            LocalDate day = date.plusDays(days);
            List<Interval> sorted = new ArrayList<>(intervalsOf(day.getDayOfWeek()));
            sorted.sort(java.util.Comparator.comparingInt(Interval::openMinute));
            for (Interval interval : sorted) {
                ZonedDateTime opens = day.atTime(LocalTime.MIN)
                        .plusMinutes(interval.openMinute())
                        .atZone(zone);
                if (opens.isAfter(here)) {
                    return Optional.of(opens);
                }
            }
        }
        return Optional.empty();
    }

    public boolean delivers(Double distanceKm) {
        return deliveryRadiusKm == null || distanceKm == null || distanceKm <= deliveryRadiusKm;
    }

    public long deliveryFeeFor(Double distanceKm) {
        return deliveryFee == null ? 0 : deliveryFee.feeFor(distanceKm);
    }

    /** The tax on an amount, rounded half up to whole minor units. */
    public long taxOn(long amount) {
        if (taxPercent.signum() == 0) {
            return 0;
        }
        return BigDecimal.valueOf(amount)
                .multiply(taxPercent)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    private List<Interval> intervalsOf(DayOfWeek day) {
        return openingHours.getOrDefault(day, List.of());
    }
}
