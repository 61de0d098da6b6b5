package io.tiffin.dispatch.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.identity.Role;
import io.tiffin.identity.TenantAccess;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The day's cash for the merchant: what drivers collected at the door (recorded with each delivery)
 * and what they were to collect, by the kitchen's calendar day. Money in minor units.
 */
@RestController
@Tag(name = "Payments")
@SecurityRequirement(name = "bearer")
class CashController {

    record CashDay(LocalDate date, String currency, long collected, long expected, int cashDeliveries) {}

    private final Deliveries deliveries;
    private final TenantAccess access;
    private final MerchantDirectory merchants;
    private final Clock clock;

    CashController(Deliveries deliveries, TenantAccess access, MerchantDirectory merchants, Clock clock) {
        this.deliveries = deliveries;
        this.access = access;
        this.merchants = merchants;
        this.clock = clock;
    }

    @GetMapping("/api/v1/merchants/{merchantId}/cash")
    @Operation(summary = "Cash collected by drivers on one day (default today, the kitchen's calendar)")
    CashDay cash(
            @PathVariable String merchantId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        access.requireMerchant(merchantId, Role.MERCHANT_OWNER, Role.MERCHANT_STAFF);
        Merchant merchant =
                merchants.byId(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
        ZoneId zone = merchant.zone();
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(zone));
        List<Delivery> delivered = deliveries.closedBetween(
                merchantId,
                DeliveryStatus.DELIVERED,
                day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
        List<Delivery> cash = delivered.stream()
                .filter(d -> d.cashToCollect() > 0 || d.cashCollected() != null && d.cashCollected() > 0)
                .toList();
        long collected = cash.stream()
                .mapToLong(d -> d.cashCollected() == null ? 0 : d.cashCollected())
                .sum();
        long expected = cash.stream().mapToLong(Delivery::cashToCollect).sum();
        return new CashDay(day, merchant.currency(), collected, expected, cash.size());
    }
}
