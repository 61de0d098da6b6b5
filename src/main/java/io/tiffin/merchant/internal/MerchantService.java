package io.tiffin.merchant.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tiffin.identity.Role;
import io.tiffin.identity.TenantAccess;
import io.tiffin.merchant.ChannelsChanged;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.merchant.MerchantRegistration;
import io.tiffin.merchant.NewMerchant;
import io.tiffin.merchant.StoreRules;
import io.tiffin.platform.InvalidInputException;
import io.tiffin.platform.NotFoundException;
import io.tiffin.platform.security.SecretBox;
import io.tiffin.platform.text.PhoneNumbers;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

@Service
class MerchantService implements MerchantDirectory, MerchantRegistration {

    private final Merchants merchants;
    private final TenantAccess access;
    // every webhook asks which merchant a provider address belongs to; bindings change rarely
    private final Cache<String, Optional<Merchant>> byWhatsappNumber = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(10_000)
            .build();

    private final Cache<String, Optional<Merchant>> bySmsNumber = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(10_000)
            .build();
    private final Cache<String, Optional<Merchant>> byInstagramAccount = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(10_000)
            .build();

    // the bot reads the merchant once per customer message; every save here forgets it (MerchantSaves)
    private final Cache<String, Optional<Merchant>> recent = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(1))
            .maximumSize(10_000)
            .build();

    private final Clock clock;
    private final SecretBox secrets;
    private final ApplicationEventPublisher events;

    MerchantService(
            Merchants merchants,
            TenantAccess access,
            Clock clock,
            SecretBox secrets,
            ApplicationEventPublisher events) {
        this.merchants = merchants;
        this.access = access;
        this.clock = clock;
        this.secrets = secrets;
        this.events = events;
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
            location = new Merchant.GeoPoint(
                    request.location().lat(), request.location().lng());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("location", e.getMessage());
        }
        Merchant.ChannelBindings channels = checked(Merchant.ChannelBindings.NONE.with(
                request.channels() == null ? Merchant.ChannelBindings.NONE : request.channels()));
        Merchant merchant = new Merchant(
                request.name().strip(),
                request.currency(),
                request.timezone(),
                request.address(),
                location,
                channels,
                request.fulfilment());
        if (request.payments() != null) {
            merchant.changePayments(payments(request.payments()));
        }
        Merchant created = merchants.insert(merchant);
        invalidateBindings();
        events.publishEvent(new ChannelsChanged(created.id(), channels.telegramConnected()));
        return created;
    }

    Merchant get(String merchantId) {
        access.requireMerchant(merchantId, Role.MERCHANT_OWNER, Role.MERCHANT_STAFF);
        return merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
    }

    /** The tablet's "pause new orders" switch; the bot tells customers the reason while paused. */
    Merchant pause(String merchantId, String reason) {
        access.requireMerchant(merchantId, Role.MERCHANT_OWNER, Role.MERCHANT_STAFF);
        Merchant merchant =
                merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
        merchant.pause(reason == null || reason.isBlank() ? null : reason.strip());
        return merchants.save(merchant);
    }

    Merchant resume(String merchantId) {
        access.requireMerchant(merchantId, Role.MERCHANT_OWNER, Role.MERCHANT_STAFF);
        Merchant merchant =
                merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
        merchant.resume();
        return merchants.save(merchant);
    }

    StoreSettings settings(String merchantId) {
        return StoreSettings.of(get(merchantId), clock.instant());
    }

    /** Replaces the store rules (admin or owner); the bot applies them from the next message. */
    StoreSettings changeSettings(String merchantId, StoreSettings request) {
        access.requireMerchant(merchantId, Role.MERCHANT_OWNER);
        Merchant merchant =
                merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
        StoreRules rules = request.toRules();
        merchant.changeRules(
                rules,
                request.timezone() == null ? merchant.timezone() : request.timezone(),
                request.pickupAllowed() == null ? merchant.fulfilment().pickup() : request.pickupAllowed());
        Merchant saved = merchants.save(merchant);
        byWhatsappNumber.invalidateAll();
        return StoreSettings.of(saved, clock.instant());
    }

    /** Store rules set outside a request (the demo seeder); the caller has the right to do it. */
    @Override
    public Merchant setRules(String merchantId, StoreRules rules) {
        Merchant merchant =
                merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
        merchant.changeRules(rules, merchant.timezone(), merchant.fulfilment().pickup());
        return merchants.save(merchant);
    }

    @Override
    public Optional<Merchant> byId(String merchantId) {
        return merchants.findById(merchantId);
    }

    @Override
    public Optional<Merchant> recent(String merchantId) {
        return recent.get(merchantId, merchants::findById);
    }

    /** A merchant was saved (by whatever part of this process): the next read of it goes to the store. */
    void forget(String merchantId) {
        recent.invalidate(merchantId);
    }

    @Override
    public Optional<Merchant> byWhatsappPhoneNumberId(String phoneNumberId) {
        return byWhatsappNumber.get(phoneNumberId, merchants::findByWhatsappPhoneNumberId);
    }

    @Override
    public Optional<Merchant> bySmsNumber(String e164) {
        return bySmsNumber.get(e164, merchants::findBySmsNumber);
    }

    @Override
    public Optional<Merchant> byInstagramAccountId(String accountId) {
        return byInstagramAccount.get(accountId, merchants::findByInstagramAccountId);
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

    /** Stores an admin's change; bindings may have moved, so the webhook lookup forgets what it knew. */
    Merchant saveAdministered(Merchant merchant) {
        try {
            return merchants.save(merchant);
        } catch (org.springframework.dao.DuplicateKeyException taken) {
            throw new io.tiffin.platform.ConflictException("that WhatsApp number is bound to another merchant");
        } finally {
            byWhatsappNumber.invalidateAll();
        }
    }

    /** Every merchant, oldest first, a page at a time (admin). */
    MerchantPage list(int page, int size) {
        access.requireAdmin();
        var found = merchants.findAll(org.springframework.data.domain.PageRequest.of(
                page, size, org.springframework.data.domain.Sort.by("createdAt", "id")));
        return new MerchantPage(found.getContent(), found.getTotalElements(), page, size);
    }

    /** The settings a PATCH names (admin or owner); what it leaves out stays as it is. */
    Merchant update(String merchantId, MerchantPatch patch) {
        access.requireMerchant(merchantId, io.tiffin.identity.Role.MERCHANT_OWNER);
        if (patch.payments() != null || patch.emails() != null) {
            Merchant merchant =
                    merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
            if (patch.payments() != null) {
                merchant.changePayments(payments(patch.payments()));
            }
            if (patch.emails() != null) {
                MerchantPatch.Emails e = patch.emails();
                if ((e.newOrders() || e.dailySummary())
                        && (e.address() == null || e.address().isBlank())) {
                    throw new InvalidInputException("emails.address", "is needed to send the merchant emails");
                }
                merchant.changeEmails(new Merchant.Emails(
                        e.address(), e.newOrders(), e.dailySummary(), Boolean.TRUE.equals(e.receipts())));
            }
            merchants.save(merchant);
            byWhatsappNumber.invalidateAll();
        }
        if (patch.whatsappTemplates() != null) {
            Merchant merchant =
                    merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
            merchant.changeWhatsappTemplates(patch.whatsappTemplates());
            merchants.save(merchant);
        }
        if (patch.channels() != null) {
            changeChannels(
                    merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId)),
                    patch.channels());
        }
        if (patch.webChat() != null) {
            return changeWebChat(merchantId, patch.webChat().enabled());
        }
        return merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
    }

    /** Bindings a PATCH names replace the stored ones; a new bot token is sealed and Telegram told. */
    private void changeChannels(Merchant merchant, Merchant.ChannelBindings patch) {
        Merchant.ChannelBindings before = merchant.channels();
        Merchant.ChannelBindings next = checked(before.with(patch));
        merchant.changeChannels(next);
        Merchant saved = merchants.save(merchant);
        invalidateBindings();
        boolean tokenChanged = !java.util.Objects.equals(before.telegramBotToken(), next.telegramBotToken());
        try {
            events.publishEvent(new ChannelsChanged(merchant.id(), tokenChanged && next.telegramConnected()));
        } catch (RuntimeException refused) {
            // a channel could not take the new binding (Telegram refused the token): keep what worked before
            saved.changeChannels(before);
            merchants.save(saved);
            invalidateBindings();
            throw refused;
        }
    }

    /** Normalises what a merchant gave: the SMS number to E.164, the bot token sealed; refuses what cannot work. */
    private Merchant.ChannelBindings checked(Merchant.ChannelBindings bindings) {
        String sms = bindings.smsNumber();
        if (sms != null) {
            sms = PhoneNumbers.e164(sms)
                    .orElseThrow(() -> new InvalidInputException(
                            "channels.smsNumber", "must be a phone number in international form, e.g. +14155550100"));
        }
        String token = bindings.telegramBotToken();
        if (token != null && !SecretBox.isSealed(token)) {
            if (!TELEGRAM_TOKEN.matcher(token).matches()) {
                throw new InvalidInputException(
                        "channels.telegramBotToken", "must be a bot token as BotFather gives it");
            }
            token = secrets.seal(token);
        }
        return new Merchant.ChannelBindings(
                bindings.whatsappPhoneNumberId(), bindings.instagramAccountId(), sms, token);
    }

    // BotFather's tokens: the bot's numeric id, a colon, then 30 or more URL-safe characters
    private static final java.util.regex.Pattern TELEGRAM_TOKEN =
            java.util.regex.Pattern.compile("\\d{3,20}:[A-Za-z0-9_-]{30,100}");

    private void invalidateBindings() {
        byWhatsappNumber.invalidateAll();
        bySmsNumber.invalidateAll();
        byInstagramAccount.invalidateAll();
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
        Merchant merchant =
                merchants.findById(merchantId).orElseThrow(() -> new NotFoundException("merchant " + merchantId));
        merchant.changeWebChat(new Merchant.WebChat(enabled));
        return merchants.save(merchant);
    }
}
