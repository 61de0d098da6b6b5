package io.tiffin.channel.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundSink;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in web chat: a browser talks to a merchant through the same intake and conversation as
 * every other channel. The browser's random session id is the customer id, so it is the only key to
 * its own messages. Merchants are named by their public slug, never by id, and only those that turned
 * the web chat on answer; every message is limited per session, per client address and per merchant.
 */
@RestController
@RequestMapping("/chat/api")
@Tag(name = "Web chat")
class WebChatController {

    private static final String SESSION = "[A-Za-z0-9_-]{16,64}";
    private static final String SLUG = "[A-Za-z0-9_-]{16,64}";
    // a first name as people write it: letters (any script), marks, spaces, dots, apostrophes, hyphens
    private static final String NAME = "[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]{0,39}";
    private static final String PHONE = "\\+?[0-9][0-9 ()-]{6,19}";

    record Location(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng,
            @Size(max = 300) String address) {}

    record Reply(
            @NotBlank @Size(max = 256) String id,
            @Size(max = 100) String title) {}

    record Send(
            @NotBlank @Pattern(regexp = SLUG) String merchant,
            @NotBlank @Pattern(regexp = SESSION) String sessionId,
            @NotBlank @Pattern(regexp = SESSION) String messageId,

            @Pattern(
                    regexp = NAME,
                    message = "must be a first name: letters, spaces, dots, apostrophes or hyphens, up to 40")
            String name,

            @Pattern(regexp = PHONE, message = "must be a phone number of 7 to 20 digits")
            String phone,

            @Size(max = 2000) String text,
            @Valid Reply reply,
            @Valid Location location) {}

    record MerchantInfo(String slug, String name, String currency) {}

    private final InboundSink sink;
    private final MerchantDirectory merchants;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final WebChatLimits limits;

    WebChatController(
            InboundSink sink, MerchantDirectory merchants, MongoTemplate mongo, Clock clock, WebChatLimits limits) {
        this.sink = sink;
        this.merchants = merchants;
        this.mongo = mongo;
        this.clock = clock;
        this.limits = limits;
    }

    @GetMapping("/merchant")
    @Operation(
            summary =
                    "The merchant a web chat link names by its slug (?m=), or the first merchant with the web chat on",
            description =
                    "404 for an unknown slug, a merchant whose web chat is off, or anything that is not a slug (such as an id).")
    MerchantInfo merchant(
            @RequestParam(name = "m", required = false) String slug,
            @RequestParam(name = "id", required = false) String legacyId) {
        Merchant merchant;
        if (slug != null || legacyId != null) {
            // an old link's ?id= is looked up as a slug, so raw ids never answer
            merchant = open(slug != null ? slug : legacyId);
        } else {
            merchant = mongo.findOne(
                    Query.query(Criteria.where("webChat.enabled").is(true))
                            .with(Sort.by("createdAt", "id"))
                            .limit(1),
                    Merchant.class);
            if (merchant == null) {
                throw new NotFoundException("web chat");
            }
        }
        return new MerchantInfo(merchant.slug(), merchant.name(), merchant.currency());
    }

    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary =
                    "Send a customer message: text, a tapped reply, or a location, with the first name (and phone) given",
            description =
                    "429 with a polite message when the session, the client address or the merchant sends too much.")
    Map<String, Integer> send(@Valid @RequestBody Send send, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        limits.checkAddress(address);
        Merchant merchant = open(send.merchant());
        InboundMessage message = toInbound(send, merchant.id());
        limits.checkMessage(merchant.id(), send.sessionId(), address);
        return Map.of("accepted", sink.accept(List.of(message)));
    }

    @GetMapping("/messages")
    @Operation(summary = "The bot's replies in this chat after the given message id, oldest first")
    List<WebChatMessage> replies(
            @RequestParam(name = "merchant") @Pattern(regexp = SLUG) String slug,
            @RequestParam @Pattern(regexp = SESSION) String sessionId,
            @RequestParam(required = false) String after) {
        Merchant merchant = open(slug);
        Criteria criteria =
                Criteria.where("merchantId").is(merchant.id()).and("customerId").is(sessionId);
        if (after != null && !after.isBlank()) {
            if (!ObjectId.isValid(after)) {
                throw new IllegalArgumentException("after must be a message id");
            }
            criteria = criteria.and("_id").gt(new ObjectId(after));
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(100), WebChatMessage.class);
    }

    /** The merchant of a slug, if its web chat is on; anything else is the same 404, so nothing is learned. */
    private Merchant open(String slug) {
        return merchants
                .bySlug(slug)
                .filter(m -> m.webChat().enabled())
                .orElseThrow(() -> new NotFoundException("web chat"));
    }

    private InboundMessage toInbound(Send send, String merchantId) {
        InboundMessage.Kind kind;
        if (send.location() != null) {
            kind = InboundMessage.Kind.LOCATION;
        } else if (send.reply() != null) {
            kind = InboundMessage.Kind.BUTTON_REPLY;
        } else if (send.text() != null && !send.text().isBlank()) {
            kind = InboundMessage.Kind.TEXT;
        } else {
            throw new IllegalArgumentException("a message needs text, a reply or a location");
        }
        return new InboundMessage(
                Channel.WEB,
                send.messageId(),
                merchantId,
                send.sessionId(),
                send.name() == null ? null : send.name().strip(),
                clock.instant(),
                kind,
                kind == InboundMessage.Kind.TEXT ? send.text().strip() : null,
                send.reply() == null
                        ? null
                        : new InboundMessage.Reply(
                                send.reply().id(), send.reply().title(), null),
                send.location() == null
                        ? null
                        : new InboundMessage.Location(
                                send.location().lat(),
                                send.location().lng(),
                                null,
                                send.location().address()),
                null,
                null,
                null,
                null,
                null,
                null,
                send.phone() == null ? null : send.phone().strip());
    }
}
