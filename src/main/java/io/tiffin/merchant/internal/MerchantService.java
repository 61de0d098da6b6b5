package io.tiffin.merchant.internal;

import io.tiffin.identity.Role;
import io.tiffin.identity.TenantAccess;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.merchant.MerchantRegistration;
import io.tiffin.merchant.NewMerchant;
import io.tiffin.platform.InvalidInputException;
import io.tiffin.platform.NotFoundException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tiffin.identity.Role;
import io.tiffin.merchant.StoreRules;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
class MerchantService implements MerchantDirectory, MerchantRegistration {

    private final Merchants merchants;
    private final TenantAccess access;
    // every webhook asks which merchant a provider address belongs to; bindings change rarely
    private final Cache<String, Optional<Merchant>> byWhatsappNumber = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(10_000).build();

    private final Clock clock;

    MerchantService(Merchants merchants, TenantAccess access, Clock clock) {
        this.merchants = merchants;
        this.access = access;
        this.clock = clock;
    }

    Merchant create(NewMerchant request) {
        access.requireAdmin();
        return register(request);
    }

    /** Creates a merchant without a caller check; for seeding and administration tools. */
    @Override
    public Merchant register(NewMerchant request) {
        try {
            ZoneId.of(request.timezone());
        } catch (DateTimeException e) {
            throw new InvalidInputException("timezone", "must be an IANA time zone such as Asia/Kolkata");
        }
        try {
            Currency.getInstance(request.currency());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency", "must be an ISO 4217 currency code");
        }
        Merchant.GeoPoint location;
        try {
            location = new Merchant.GeoPoint(request.location().lat(), request.location().lng());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("location", e.getMessage());
        }
        Merchant merchant = new Merchant(request.name().strip(), request.currency(), request.timezone(),
                request.address(), location, request.channels(), request.fulfilment());
        if (request.payments() != null) {
            merchant.changePayments(payments(request.payments()));
        }
        Merchant created = merchants.insert(merchant);
        byWhatsappNumber.invalidateAll();
        return created;
    }

    Merchant get(String merchantId) {
        access.requireMerchant(merchantId, Role.MERCHANT_OWNER, Role.MERCHANT_STAFF);
        return merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
    }

    /** The tablet's "pause new orders" switch; the bot tells customers the reason while paused. */
    Merchant pause(String merchantId, String reason) {
        access.requireMerchant(merchantId, Role.MERCHANT_OWNER, Role.MERCHANT_STAFF);
        Merchant merchant = merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
        merchant.pause(reason == null || reason.isBlank() ? null : reason.strip());
        return merchants.save(merchant);
    }

    Merchant resume(String merchantId) {
        access.requireMerchant(merchantId, Role.MERCHANT_OWNER, Role.MERCHANT_STAFF);
        Merchant merchant = merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
        merchant.resume();
        return merchants.save(merchant);
    }

    StoreSettings settings(String merchantId) {
        return StoreSettings.of(get(merchantId), clock.instant());
    }

    /** Replaces the store rules (admin or owner); the bot applies them from the next message. */
    StoreSettings changeSettings(String merchantId, StoreSettings request) {
        access.requireMerchant(merchantId, Role.MERCHANT_OWNER);
        Merchant merchant = merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
        StoreRules rules = request.toRules();
        merchant.changeRules(rules, request.timezone() == null ? merchant.timezone() : request.timezone(),
                request.pickupAllowed() == null ? merchant.fulfilment().pickup() : request.pickupAllowed());
        Merchant saved = merchants.save(merchant);
        byWhatsappNumber.invalidateAll();
        return StoreSettings.of(saved, clock.instant());
    }

    /** Store rules set outside a request (the demo seeder); the caller has the right to do it. */
    @Override
    public Merchant setRules(String merchantId, StoreRules rules) {
        Merchant merchant = merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
        merchant.changeRules(rules, merchant.timezone(), merchant.fulfilment().pickup());
        return merchants.save(merchant);
    }

    @Override
    public Optional<Merchant> byId(String merchantId) {
        return merchants.findById(merchantId);
    }

    @Override
    public Optional<Merchant> byWhatsappPhoneNumberId(String phoneNumberId) {
        return byWhatsappNumber.get(phoneNumberId, merchants::findByWhatsappPhoneNumberId);
    }

    @Override
    public Optional<Merchant> bySmsNumber(String number) {
        return number == null || number.isBlank() ? Optional.empty() : merchants.findFirstByChannelsSmsNumber(number);
    }

    @Override
    public boolean exists(String merchantId) {
        return merchants.existsById(merchantId);
    }

    @Override
    public java.util.List<Merchant> withDailySummary() {
        return merchants.findWithDailySummary();
    }

    @Override
    public Optional<Merchant> bySlug(String slug) {
        return slug == null || slug.isBlank() ? Optional.empty() : merchants.findBySlug(slug);
    }

    /** Every merchant, oldest first, a page at a time (admin). */
    MerchantPage list(int page, int size) {
        access.requireAdmin();
        var found = merchants.findAll(org.springframework.data.domain.PageRequest.of(page, size,
                org.springframework.data.domain.Sort.by("createdAt", "id")));
        return new MerchantPage(found.getContent(), found.getTotalElements(), page, size);
    }

    /** The settings a PATCH names (admin or owner); what it leaves out stays as it is. */
    Merchant update(String merchantId, MerchantPatch patch) {
        access.requireMerchant(merchantId, io.tiffin.identity.Role.MERCHANT_OWNER);
        if (patch.payments() != null || patch.emails() != null) {
            Merchant merchant = merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
            if (patch.payments() != null) {
                merchant.changePayments(payments(patch.payments()));
            }
            if (patch.emails() != null) {
                MerchantPatch.Emails e = patch.emails();
                if ((e.newOrders() || e.dailySummary()) && (e.address() == null || e.address().isBlank())) {
                    throw new InvalidInputException("emails.address", "is needed to send the merchant emails");
                }
                merchant.changeEmails(new Merchant.Emails(e.address(), e.newOrders(), e.dailySummary(),
                        Boolean.TRUE.equals(e.receipts())));
            }
            merchants.save(merchant);
            byWhatsappNumber.invalidateAll();
        }
        if (patch.webChat() == null) {
            return merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
        }
        return changeWebChat(merchantId, patch.webChat().enabled());
    }

    private static Merchant.Payments payments(io.tiffin.merchant.NewMerchant.Payments requested) {
        try {
            return new Merchant.Payments(requested.cashOnDelivery(), requested.online());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("payments", e.getMessage());
        }
    }

    @Override
    public Merchant changeWebChat(String merchantId, boolean enabled) {
        Merchant merchant = merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
        merchant.changeWebChat(new Merchant.WebChat(enabled));
        return merchants.save(merchant);
    }
}
