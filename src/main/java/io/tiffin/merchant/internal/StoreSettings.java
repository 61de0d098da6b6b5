package io.tiffin.merchant.internal;

import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.StoreRules;
import io.tiffin.platform.InvalidInputException;
import io.tiffin.platform.InvalidInputException.Problem;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings API's shape ({@code GET}/{@code PUT /api/v1/merchants/{id}/settings}): store rules as
 * an owner writes them, money in minor units. {@code openNow} and {@code nextOpening} are answered
 * by GET and ignored by PUT. A PUT replaces every rule; a rule left out stops applying.
 */
record StoreSettings(
        Map<String, List<StoreRules.Interval>> openingHours,
        String timezone,
        Long minimumOrder,
        StoreRules.DeliveryFee deliveryFee,
        Double deliveryRadiusKm,
        Long packagingCharge,
        BigDecimal taxPercent,
        Boolean pickupAllowed,
        Boolean openNow,
        OffsetDateTime nextOpening) {

    static final int MAX_INTERVALS_PER_DAY = 6;
    static final int MAX_BANDS = 10;
    static final double MAX_RADIUS_KM = 100;
    static final long MAX_MONEY = 100_000_000L;

    static StoreSettings of(Merchant merchant, Instant now) {
        StoreRules rules = merchant.rules();
        Map<String, List<StoreRules.Interval>> hours = null;
        if (!rules.alwaysOpen()) {
            hours = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                hours.put(day.name(), rules.openingHours().getOrDefault(day, List.of()));
            }
        }
        ZoneId zone = merchant.zone();
        return new StoreSettings(
                hours,
                merchant.timezone(),
                rules.minimumOrder(),
                rules.deliveryFee(),
                rules.deliveryRadiusKm(),
                rules.packagingCharge(),
                rules.taxPercent(),
                merchant.fulfilment().pickup(),
                rules.isOpen(now, zone),
                rules.nextOpening(now, zone)
                        .map(java.time.ZonedDateTime::toOffsetDateTime)
                        .orElse(null));
    }

    /** The rules this request asks for, or 400 with every problem found. */
    StoreRules toRules() {
        List<Problem> problems = new ArrayList<>();
        Map<DayOfWeek, List<StoreRules.Interval>> hours = hours(problems);
        money("minimumOrder", minimumOrder, problems);
        money("packagingCharge", packagingCharge, problems);
        fee(problems);
        if (deliveryRadiusKm != null
                && (deliveryRadiusKm.isNaN() || deliveryRadiusKm <= 0 || deliveryRadiusKm > MAX_RADIUS_KM)) {
            problems.add(new Problem("deliveryRadiusKm", "must be more than 0 and at most " + (int) MAX_RADIUS_KM));
        }
        if (taxPercent != null
                && (taxPercent.signum() < 0
                        || taxPercent.compareTo(BigDecimal.valueOf(100)) > 0
                        || taxPercent.stripTrailingZeros().scale() > 2)) {
            problems.add(new Problem("taxPercent", "must be between 0 and 100 with at most 2 decimals"));
        }
        if (timezone != null) {
            try {
                ZoneId.of(timezone);
            } catch (DateTimeException e) {
                problems.add(new Problem("timezone", "must be an IANA time zone such as Asia/Kolkata"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the settings are invalid", problems);
        }
        return new StoreRules(
                hours,
                orZero(minimumOrder),
                deliveryFee,
                deliveryRadiusKm,
                orZero(packagingCharge),
                taxPercent == null ? BigDecimal.ZERO : taxPercent.stripTrailingZeros());
    }

    private Map<DayOfWeek, List<StoreRules.Interval>> hours(List<Problem> problems) {
        if (openingHours == null) {
            return null;
        }
        if (openingHours.values().stream().allMatch(l -> l == null || l.isEmpty())) {
            problems.add(new Problem("openingHours", "opens on no day: leave openingHours out to stay open always"));
            return null;
        }
        Map<DayOfWeek, List<StoreRules.Interval>> hours = new EnumMap<>(DayOfWeek.class);
        openingHours.forEach((name, intervals) -> {
            String path = "openingHours." + name;
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(path, "must be a weekday: MONDAY to SUNDAY"));
                return;
            }
            List<StoreRules.Interval> list = intervals == null ? List.of() : intervals;
            if (list.size() > MAX_INTERVALS_PER_DAY) {
                problems.add(new Problem(path, "at most " + MAX_INTERVALS_PER_DAY + " intervals a day"));
            }
            boolean valid = true;
            for (int i = 0; i < list.size(); i++) {
                valid &= interval(path + "[" + i + "]", list.get(i), problems);
            }
            if (valid && overlap(list)) {
                problems.add(new Problem(path, "intervals overlap"));
            }
            hours.put(day, List.copyOf(list));
        });
        return hours;
    }

    private static boolean interval(String path, StoreRules.Interval interval, List<Problem> problems) {
        if (interval == null) {
            problems.add(new Problem(path, "must be {\"open\":\"HH:mm\",\"close\":\"HH:mm\"}"));
            return false;
        }
        int open = minute(path + ".open", interval.open(), problems);
        int close = minute(path + ".close", interval.close(), problems);
        if (open < 0 || close < 0) {
            return false;
        }
        if (open == 24 * 60) {
            problems.add(new Problem(path + ".open", "a day's hours open at 23:59 at the latest"));
            return false;
        }
        if (open == close) {
            problems.add(new Problem(path, "open and close are the same time: use 00:00 to 24:00 for all day"));
            return false;
        }
        return true;
    }

    private static int minute(String path, String time, List<Problem> problems) {
        try {
            return minuteOf(time);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(path, e.getMessage()));
            return -1;
        }
    }

    private static int minuteOf(String time) {
        return StoreRules.Interval.minuteOf(time);
    }

    /** Same-day intervals that share a minute; an interval past midnight runs to the day's end here. */
    private static boolean overlap(List<StoreRules.Interval> intervals) {
        for (int a = 0; a < intervals.size(); a++) {
            for (int b = a + 1; b < intervals.size(); b++) {
                int[] x = span(intervals.get(a));
                int[] y = span(intervals.get(b));
                if (x[0] < y[1] && y[0] < x[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int[] span(StoreRules.Interval interval) {
        int open = minuteOf(interval.open());
        int close = minuteOf(interval.close());
        return new int[] {open, close <= open ? 24 * 60 : close};
    }

    private void fee(List<Problem> problems) {
        if (deliveryFee == null) {
            return;
        }
        boolean flat = deliveryFee.flat() != null;
        boolean bands = deliveryFee.bands() != null;
        if (flat == bands) {
            problems.add(
                    new Problem("deliveryFee", "must be either {\"flat\":fee} or {\"bands\":[{\"upToKm\",\"fee\"}]}"));
            return;
        }
        if (flat) {
            money("deliveryFee.flat", deliveryFee.flat(), problems);
            return;
        }
        List<StoreRules.DeliveryFee.Band> list = deliveryFee.bands();
        if (list.isEmpty() || list.size() > MAX_BANDS) {
            problems.add(new Problem("deliveryFee.bands", "must have 1 to " + MAX_BANDS + " bands"));
            return;
        }
        double previous = 0;
        for (int i = 0; i < list.size(); i++) {
            StoreRules.DeliveryFee.Band band = list.get(i);
            String path = "deliveryFee.bands[" + i + "]";
            if (band == null) {
                problems.add(new Problem(path, "must be {\"upToKm\",\"fee\"}"));
                continue;
            }
            if (!(band.upToKm() > previous) || band.upToKm() > MAX_RADIUS_KM) {
                problems.add(new Problem(
                        path + ".upToKm",
                        "must be more than the band before (or 0) and at most " + (int) MAX_RADIUS_KM));
            }
            money(path + ".fee", band.fee(), problems);
            previous = Math.max(previous, band.upToKm());
        }
    }

    private static void money(String path, Long value, List<Problem> problems) {
        if (value != null && (value < 0 || value > MAX_MONEY)) {
            problems.add(new Problem(path, "must be 0 or more (minor units), at most " + MAX_MONEY));
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
