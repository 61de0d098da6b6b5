package io.tiffin.analytics.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.identity.CurrentUser;
import io.tiffin.identity.Role;
import io.tiffin.identity.TenantAccess;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.platform.InvalidInputException;
import io.tiffin.platform.InvalidInputException.Problem;
import io.tiffin.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Analytics")
@SecurityRequirement(name = "bearer")
class AnalyticsController {

    /** A year and a day: a leap year's whole range, and no query that asks for a decade by accident. */
    static final int MAX_DAYS = 366;

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final SummaryService summaries;
    private final Rollups rollups;
    private final ConversationRollups conversations;
    private final TenantAccess access;
    private final MerchantDirectory merchants;
    private final Clock clock;

    AnalyticsController(
            SummaryService summaries,
            Rollups rollups,
            ConversationRollups conversations,
            TenantAccess access,
            MerchantDirectory merchants,
            Clock clock) {
        this.summaries = summaries;
        this.rollups = rollups;
        this.conversations = conversations;
        this.access = access;
        this.merchants = merchants;
        this.clock = clock;
    }

    @GetMapping("/api/v1/analytics/summary")
    @Operation(
            summary =
                    "Sales, funnel, kitchen, delivery and customer figures for a range of days (admin: all merchants or one; owner: their own)",
            description =
                    "from and to are YYYY-MM-DD, inclusive, in each merchant's time zone, at most 366 days apart. Money in minor units.")
    Summary summary(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String merchantId) {
        CurrentUser user = access.current();
        String scope = merchantId == null || merchantId.isBlank() ? null : merchantId.strip();
        if (!user.isAdmin()) {
            if (user.merchantId() == null) {
                throw new AccessDeniedException("analytics are for admins and merchant owners");
            }
            scope = scope == null ? user.merchantId() : scope;
            access.requireMerchant(scope, Role.MERCHANT_OWNER);
        } else if (scope != null && !merchants.exists(scope)) {
            throw new NotFoundException("merchant " + scope);
        }
        LocalDate[] range = range(from, to, LocalDate.now(clock));
        return summaries.summary(range[0], range[1], scope);
    }

    @PostMapping("/api/v1/admin/analytics/rebuild")
    @Operation(
            summary =
                    "Recompute every roll-up (admin): order days from the orders and deliveries, conversation days from "
                            + "their facts and the sessions' current conversations; answers the orders and sessions read and the time taken")
    Map<String, Long> rebuild() {
        access.requireAdmin();
        long started = System.nanoTime();
        long orders = rollups.rebuild();
        long sessions = conversations.rebuild();
        return Map.of("orders", orders, "conversations", sessions, "millis", (System.nanoTime() - started) / 1_000_000);
    }

    static LocalDate[] range(String from, String to, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        LocalDate start = date("from", from, today, problems);
        LocalDate end = date("to", to, today, problems);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                problems.add(new Problem("from", "must not be after to"));
            } else if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
                problems.add(new Problem("to", "must be at most " + MAX_DAYS + " days after from"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the date range is invalid", problems);
        }
        return new LocalDate[] {start, end};
    }

    private static LocalDate date(String name, String value, LocalDate today, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(name, "is required, as YYYY-MM-DD"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            // a merchant ahead of UTC is already on tomorrow; a year ahead is a typo
            if (date.isBefore(EARLIEST) || date.isAfter(today.plusYears(1))) {
                problems.add(new Problem(name, "must be between " + EARLIEST + " and a year from today"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new Problem(name, "must be a date as YYYY-MM-DD"));
            return null;
        }
    }
}
