package io.tiffin.merchant;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A tenant: a restaurant or shop that takes orders through its own channel bindings. */
@Document("merchants")
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Merchant {

    /**
     * Where the merchant's customers reach it: the provider addresses that route a message here. The
     * Telegram bot token is write-only: stored encrypted, never answered; {@code telegramConnected}
     * says whether one is set.
     */
    public record ChannelBindings(
            String whatsappPhoneNumberId,
            String instagramAccountId,
            String smsNumber,

            @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
            String telegramBotToken) {
        public static final ChannelBindings NONE = new ChannelBindings(null, null, null, null);

        @JsonProperty(value = "telegramConnected", access = JsonProperty.Access.READ_ONLY)
        public boolean telegramConnected() {
            return telegramBotToken != null && !telegramBotToken.isBlank();
        }

        /** These bindings with what {@code patch} names: a value replaces, an empty string removes, null keeps. */
        public ChannelBindings with(ChannelBindings patch) {
            return new ChannelBindings(
                    pick(patch.whatsappPhoneNumberId, whatsappPhoneNumberId),
                    pick(patch.instagramAccountId, instagramAccountId),
                    pick(patch.smsNumber, smsNumber),
                    pick(patch.telegramBotToken, telegramBotToken));
        }

        private static String pick(String patched, String current) {
            if (patched == null) {
                return current;
            }
            return patched.isBlank() ? null : patched.strip();
        }
    }

    public record GeoPoint(double lat, double lng) {
        public GeoPoint {
            if (lat < -90 || lat > 90 || lng < -180 || lng > 180) {
                throw new IllegalArgumentException("latitude must be within ±90 and longitude within ±180");
            }
        }

        /** Great-circle distance in kilometres; roads are longer, but a radius is drawn on a map. */
        public double distanceKm(double toLat, double toLng) {
            double dLat = Math.toRadians(toLat - lat);
            double dLng = Math.toRadians(toLng - lng);
            double a = Math.pow(Math.sin(dLat / 2), 2)
                    + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(toLat)) * Math.pow(Math.sin(dLng / 2), 2);
            return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
        }
    }

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** How the merchant fulfils orders; the bot asks for an address only when delivery applies. */
    public record Fulfilment(boolean delivery, boolean pickup) {
        public static final Fulfilment DELIVERY_AND_PICKUP = new Fulfilment(true, true);
    }

    @Id
    private String id;

    private String name;
    private String currency;
    private String timezone;
    private String address;
    private GeoPoint location;
    private ChannelBindings channels;
    // a top-level copy of the binding, so a unique index keeps one merchant per WhatsApp number
    @JsonIgnore
    @Indexed(unique = true, sparse = true)
    private String whatsappPhoneNumberId;
    // likewise one merchant per Instagram account and per SMS number (E.164)
    @JsonIgnore
    @Indexed(unique = true, sparse = true)
    private String instagramAccountId;

    @JsonIgnore
    @Indexed(unique = true, sparse = true)
    private String smsNumber;

    private Fulfilment fulfilment;
    // null for merchants stored before store rules existed: they stay open always with no fees
    private StoreRules rules;
    private boolean paused;
    private String pauseReason;
    // set by an admin: unlike a pause, the merchant's own users cannot lift it
    private boolean suspended;
    private Instant suspendedAt;

    @CreatedDate
    private Instant createdAt;

    @Version
    private Long version;
    // the built-in web chat is off unless the merchant turns it on; null for merchants stored before it was a setting
    private WebChat webChat;
    // how public links (the web chat) name the merchant: random, so merchants cannot be enumerated by id
    @Indexed(unique = true, sparse = true)
    private String slug;

    protected Merchant() {}

    public Merchant(
            String name,
            String currency,
            String timezone,
            String address,
            GeoPoint location,
            ChannelBindings channels,
            Fulfilment fulfilment) {
        this.name = name;
        this.currency = currency;
        this.timezone = timezone;
        this.address = address;
        this.location = location;
        this.channels = channels == null ? ChannelBindings.NONE : channels;
        copyBindings();
        this.fulfilment = fulfilment == null ? Fulfilment.DELIVERY_AND_PICKUP : fulfilment;
        this.slug = newSlug();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String currency() {
        return currency;
    }

    public String timezone() {
        return timezone;
    }

    public String address() {
        return address;
    }

    public GeoPoint location() {
        return location;
    }

    public ChannelBindings channels() {
        return channels == null ? ChannelBindings.NONE : channels;
    }

    public Fulfilment fulfilment() {
        return fulfilment == null ? Fulfilment.DELIVERY_AND_PICKUP : fulfilment;
    }

    public StoreRules rules() {
        return rules == null ? StoreRules.NONE : rules;
    }
    /**
     * Whether the bot takes no new orders: the owner paused them, or the platform suspended the
     * merchant (then the bot gives no reason, it only says it takes no orders now).
     */
    public boolean paused() {
        return paused || suspended;
    }

    public String pauseReason() {
        return suspended ? null : pauseReason;
    }

    public boolean suspended() {
        return suspended;
    }

    public Instant suspendedAt() {
        return suspendedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Long version() {
        return version;
    }

    /** The owner's store rules, with the time zone they are read in and whether pickup is offered. */
    public void changeRules(StoreRules rules, String timezone, boolean pickupAllowed) {
        this.rules = rules;
        this.timezone = timezone;
        this.fulfilment = new Fulfilment(fulfilment().delivery(), pickupAllowed);
    }

    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(timezone);
    }

    /** New provider addresses; the caller has checked and normalised them (SMS number in E.164, token sealed). */
    public void changeChannels(ChannelBindings bindings) {
        this.channels = bindings == null ? ChannelBindings.NONE : bindings;
        copyBindings();
    }

    private void copyBindings() {
        this.whatsappPhoneNumberId = blankToNull(channels.whatsappPhoneNumberId());
        this.instagramAccountId = blankToNull(channels.instagramAccountId());
        this.smsNumber = blankToNull(channels.smsNumber());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public void pause(String reason) {
        this.paused = true;
        this.pauseReason = reason;
    }

    public void resume() {
        this.paused = false;
        this.pauseReason = null;
    }

    /** An admin closes the merchant to customers (unpaid fees, a complaint); repeating it changes nothing. */
    public void suspend(Instant now) {
        if (!suspended) {
            suspended = true;
            suspendedAt = now;
        }
    }

    public void reinstate() {
        suspended = false;
        suspendedAt = null;
    }

    /** An admin's change of the profile and channel bindings; a binding left null keeps the stored one. */
    public void changeProfile(String name, String address, ChannelBindings bindings) {
        if (name != null && !name.isBlank()) {
            this.name = name.strip();
        }
        if (address != null && !address.isBlank()) {
            this.address = address.strip();
        }
        if (bindings != null) {
            ChannelBindings current = channels();
            this.channels = new ChannelBindings(
                    bindings.whatsappPhoneNumberId() != null
                            ? blankToNull(bindings.whatsappPhoneNumberId())
                            : current.whatsappPhoneNumberId(),
                    bindings.instagramAccountId() != null
                            ? blankToNull(bindings.instagramAccountId())
                            : current.instagramAccountId(),
                    bindings.smsNumber() != null ? blankToNull(bindings.smsNumber()) : current.smsNumber(),
                    bindings.telegramBotToken() != null
                            ? blankToNull(bindings.telegramBotToken())
                            : current.telegramBotToken());
            copyBindings();
        }
    }

    /** The built-in web chat setting: anyone with the link can order, so it is off until the merchant opts in. */
    public record WebChat(boolean enabled) {
        public static final WebChat OFF = new WebChat(false);
    }

    /**
     * How the merchant takes money: cash on delivery (or at the counter) and/or online through a payment
     * link. At least one is on; when both are, the bot lets the customer choose.
     */
    public record Payments(boolean cashOnDelivery, boolean online) {
        public static final Payments CASH_ONLY = new Payments(true, false);

        public Payments {
            if (!cashOnDelivery && !online) {
                throw new IllegalArgumentException("a merchant takes cash on delivery, online payment, or both");
            }
        }

        public boolean both() {
            return cashOnDelivery && online;
        }
    }

    /**
     * The merchant's own email: where a new-order email goes ({@code newOrders}) and the daily summary
     * ({@code dailySummary}); {@code receipts}: the bot offers customers email receipts (it asks once
     * for an address). All off until the owner turns them on.
     */
    public record Emails(String address, boolean newOrders, boolean dailySummary, boolean receipts) {
        public static final Emails OFF = new Emails(null, false, false, false);
    }

    // null for merchants stored before payments were a setting: cash only
    private Payments payments;
    private Emails emails;

    public Payments payments() {
        return payments == null ? Payments.CASH_ONLY : payments;
    }

    public Emails emails() {
        return emails == null ? Emails.OFF : emails;
    }

    public void changePayments(Payments setting) {
        this.payments = setting == null ? Payments.CASH_ONLY : setting;
    }

    public void changeEmails(Emails setting) {
        this.emails = setting == null ? Emails.OFF : setting;
    }

    public WebChat webChat() {
        return webChat == null ? WebChat.OFF : webChat;
    }

    // update key (order_accepted, order_ready, ...) -> the merchant's approved WhatsApp template for it
    private java.util.Map<String, String> whatsappTemplates;

    /** The approved WhatsApp templates sent for order updates outside the 24-hour window, by update. */
    public java.util.Map<String, String> whatsappTemplates() {
        return whatsappTemplates == null ? java.util.Map.of() : java.util.Map.copyOf(whatsappTemplates);
    }

    public void changeWhatsappTemplates(java.util.Map<String, String> templates) {
        this.whatsappTemplates = templates == null ? null : new java.util.TreeMap<>(templates);
    }

    public String slug() {
        return slug;
    }

    public void changeWebChat(WebChat setting) {
        this.webChat = setting == null ? WebChat.OFF : setting;
    }

    /** Gives a merchant stored before slugs existed its slug; keeps one it has. */
    public boolean ensureSlug() {
        if (slug != null) {
            return false;
        }
        slug = newSlug();
        return true;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** 120 random bits as 20 URL-safe characters. */
    private static String newSlug() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
