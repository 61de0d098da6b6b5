package io.tiffin.merchant.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.identity.Role;
import io.tiffin.identity.TenantAccess;
import io.tiffin.identity.UserAccounts;
import io.tiffin.identity.UserView;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.NewMerchant;
import io.tiffin.platform.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/merchants")
@Tag(name = "Merchants")
@SecurityRequirement(name = "bearer")
class MerchantController {

    record NewUser(
            @NotBlank String email,
            @NotBlank String password,
            @NotNull Role role) {}

    private final MerchantService merchants;
    private final UserAccounts users;
    private final TenantAccess access;

    MerchantController(MerchantService merchants, UserAccounts users, TenantAccess access) {
        this.merchants = merchants;
        this.users = users;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Create a merchant with its channel bindings (admin)")
    ResponseEntity<Merchant> create(@Valid @RequestBody NewMerchant request) {
        Merchant merchant = merchants.create(request);
        return ResponseEntity.created(URI.create("/api/v1/merchants/" + merchant.id()))
                .body(merchant);
    }

    @GetMapping
    @Operation(
            summary = "All merchants, oldest first, a page at a time (admin)",
            description = "page counts from 0; size is 1 to 100 (default 20). Answers the page's items and the total.")
    MerchantPage list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return merchants.list(page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A merchant (admin, or the merchant's own users)")
    Merchant get(@PathVariable String id) {
        return merchants.get(id);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change the settings named in the body, e.g. {\"webChat\":{\"enabled\":true}} (admin or owner)",
            description =
                    "payments: {\"cashOnDelivery\",\"online\"} (at least one); emails: {\"address\",\"newOrders\","
                            + "\"dailySummary\",\"receipts\"} (an address when newOrders or dailySummary is on)")
    Merchant update(@PathVariable String id, @Valid @RequestBody MerchantPatch request) {
        return merchants.update(id, request);
    }

    record Pause(
            @jakarta.validation.constraints.Size(max = 200) String reason) {}

    @PutMapping("/{id}/pause")
    @Operation(summary = "Pause new orders with a reason the bot gives customers (owner or staff)")
    Merchant pause(@PathVariable String id, @Valid @RequestBody Pause request) {
        return merchants.pause(id, request.reason());
    }

    @DeleteMapping("/{id}/pause")
    @Operation(summary = "Take new orders again (owner or staff)")
    Merchant resume(@PathVariable String id) {
        return merchants.resume(id);
    }

    @GetMapping("/{id}/settings")
    @Operation(
            summary =
                    "The store rules: opening hours, minimum order, fees, radius, tax, pickup; with openNow and nextOpening (the merchant's users)")
    StoreSettings settings(@PathVariable String id) {
        return merchants.settings(id);
    }

    @PutMapping("/{id}/settings")
    @Operation(
            summary =
                    "Replace the store rules (admin or owner); money in minor units, hours as HH:mm in the merchant's time zone")
    StoreSettings changeSettings(@PathVariable String id, @RequestBody StoreSettings request) {
        return merchants.changeSettings(id, request);
    }

    @PostMapping("/{id}/users")
    @Operation(summary = "Add a user to a merchant (admin or the merchant's owner)")
    ResponseEntity<UserView> addUser(@PathVariable String id, @Valid @RequestBody NewUser request) {
        access.requireMerchant(id, Role.MERCHANT_OWNER);
        if (!merchants.exists(id)) {
            throw new NotFoundException("merchant " + id);
        }
        if (request.role() == Role.ADMIN) {
            throw new AccessDeniedException("admins are not merchant users");
        }
        UserView user = users.create(request.email(), request.password(), request.role(), id);
        return ResponseEntity.created(URI.create("/api/v1/merchants/" + id + "/users/" + user.id()))
                .body(user);
    }

    @GetMapping("/{id}/users")
    @Operation(summary = "The merchant's users (admin or the merchant's owner)")
    List<UserView> users(@PathVariable String id) {
        access.requireMerchant(id, Role.MERCHANT_OWNER);
        if (!merchants.exists(id)) {
            throw new NotFoundException("merchant " + id);
        }
        return users.ofMerchant(id);
    }
}
