package io.tiffin.merchant.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.identity.Audit;
import io.tiffin.identity.TenantAccess;
import io.tiffin.merchant.Merchant;
import io.tiffin.platform.InvalidInputException;
import io.tiffin.platform.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin app's merchants: search by name and status, suspend and resume, profile and channel bindings. */
@RestController
@RequestMapping("/api/v1/admin/merchants")
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
class AdminMerchantController {

    record AdminMerchantPage(List<AdminMerchantView> items, long total, int page, int size) {}

    /** Only what the body names changes; a channel binding sent as "" is removed. */
    record AdminPatch(
            Boolean suspended,
            @Size(min = 1, max = 100) String name,
            @Size(max = 300) String address,
            @Valid Bindings channels) {}

    record Bindings(
            @Size(max = 64) String whatsappPhoneNumberId,
            @Size(max = 64) String instagramAccountId,
            @Size(max = 32) String smsNumber,
            @Size(max = 200) String telegramBotToken) {}

    private final MongoTemplate mongo;
    private final MerchantService merchants;
    private final TenantAccess access;
    private final Clock clock;

    AdminMerchantController(MongoTemplate mongo, MerchantService merchants, TenantAccess access, Clock clock) {
        this.mongo = mongo;
        this.merchants = merchants;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            summary =
                    "Merchants whose name contains q, in one status (ACTIVE, PAUSED, SUSPENDED), oldest first (admin)")
    AdminMerchantPage search(
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Pattern(regexp = "ACTIVE|PAUSED|SUSPENDED") String status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        access.requireAdmin();
        Criteria criteria = new Criteria();
        if (q != null && !q.isBlank()) {
            criteria.and("name").regex(java.util.regex.Pattern.quote(q.strip()), "i");
        }
        if ("SUSPENDED".equals(status)) {
            criteria.and("suspended").is(true);
        } else if (status != null) {
            criteria.and("suspended").ne(true).and("paused").is("PAUSED".equals(status));
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Merchant.class);
        List<AdminMerchantView> items = mongo
                .find(
                        query.with(Sort.by("createdAt", "id"))
                                .skip((long) page * size)
                                .limit(size),
                        Merchant.class)
                .stream()
                .map(AdminMerchantView::of)
                .toList();
        return new AdminMerchantPage(items, total, page, size);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Suspend or resume a merchant, or change its name, address and channel bindings (admin)",
            description =
                    "{\"suspended\": true} closes the merchant to customers: its bot says it takes no orders and no order is placed.")
    AdminMerchantView update(@PathVariable String id, @Valid @RequestBody AdminPatch patch) {
        access.requireAdmin();
        if (patch.suspended() == null && patch.name() == null && patch.address() == null && patch.channels() == null) {
            throw new InvalidInputException("", "name at least one of suspended, name, address, channels");
        }
        Merchant merchant = merchants.byId(id).orElseThrow(() -> new NotFoundException("merchant " + id));
        Audit.before(AdminMerchantView.of(merchant));
        if (Boolean.TRUE.equals(patch.suspended())) {
            merchant.suspend(clock.instant());
        } else if (Boolean.FALSE.equals(patch.suspended())) {
            merchant.reinstate();
        }
        Bindings b = patch.channels();
        merchant.changeProfile(
                patch.name(),
                patch.address(),
                b == null
                        ? null
                        : new Merchant.ChannelBindings(
                                b.whatsappPhoneNumberId(),
                                b.instagramAccountId(),
                                b.smsNumber(),
                                b.telegramBotToken()));
        return AdminMerchantView.of(merchants.saveAdministered(merchant));
    }
}
