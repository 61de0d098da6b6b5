package io.tiffin.channel.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundSink;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.platform.NotFoundException;
import io.tiffin.platform.TooManyRequestsException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
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
 * its own messages.
 */
@RestController
@RequestMapping("/chat/api")
@Tag(name = "Web chat")
class WebChatController {

    private static final String SESSION = "[A-Za-z0-9_-]{16,64}";

    record Location(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng, @Size(max = 300) String address) {
    }

    record Reply(@NotBlank @Size(max = 256) String id, @Size(max = 100) String title) {
    }

    record Send(@NotBlank String merchantId, @NotBlank @Pattern(regexp = SESSION) String sessionId,
            @NotBlank @Pattern(regexp = SESSION) String messageId, @Size(max = 60) String name,
            @Size(max = 2000) String text, @Valid Reply reply, @Valid Location location) {
    }

    record MerchantInfo(String id, String name, String currency) {
    }

    private final InboundSink sink;
    private final MerchantDirectory merchants;
    private final MongoTemplate mongo;
    private final Clock clock;
    // one bucket per browser session, forgotten once the session goes quiet
    private final Cache<String, Bucket> limits = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    WebChatController(InboundSink sink, MerchantDirectory merchants, MongoTemplate mongo, Clock clock) {
        this.sink = sink;
        this.merchants = merchants;
        this.mongo = mongo;
        this.clock = clock;
    }

    @GetMapping("/merchant")
    @Operation(summary = "The merchant a web chat talks to: the given id, or the first merchant (the demo)")
    MerchantInfo merchant(@RequestParam(required = false) String id) {
        Merchant merchant = id != null ? merchants.byId(id).orElseThrow(() -> new NotFoundException("merchant " + id))
                : mongo.findOne(new Query().with(Sort.by("createdAt")).limit(1), Merchant.class);
        if (merchant == null) {
            throw new NotFoundException("merchant");
        }
        return new MerchantInfo(merchant.id(), merchant.name(), merchant.currency());
    }

    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a customer message: text, a tapped reply, or a location")
    Map<String, Integer> send(@Valid @RequestBody Send send) {
        if (!limits.get(send.sessionId(), k -> Bucket.builder()
                .addLimit(l -> l.capacity(20).refillGreedy(20, Duration.ofMinutes(1))).build()).tryConsume(1)) {
            throw new TooManyRequestsException("slow down", Duration.ofSeconds(10));
        }
        if (!merchants.exists(send.merchantId())) {
            throw new NotFoundException("merchant " + send.merchantId());
        }
        InboundMessage message = toInbound(send);
        return Map.of("accepted", sink.accept(List.of(message)));
    }

    @GetMapping("/messages")
    @Operation(summary = "The bot's replies in this chat after the given message id, oldest first")
    List<WebChatMessage> replies(@RequestParam String merchantId,
            @RequestParam @Pattern(regexp = SESSION) String sessionId, @RequestParam(required = false) String after) {
        if (!sessionId.matches(SESSION)) {
            throw new IllegalArgumentException("sessionId is malformed");
        }
        Criteria criteria = Criteria.where("merchantId").is(merchantId).and("customerId").is(sessionId);
        if (after != null && !after.isBlank()) {
            if (!ObjectId.isValid(after)) {
                throw new IllegalArgumentException("after must be a message id");
            }
            criteria = criteria.and("_id").gt(new ObjectId(after));
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(100), WebChatMessage.class);
    }

    private InboundMessage toInbound(Send send) {
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
        return new InboundMessage(Channel.WEB, send.messageId(), send.merchantId(), send.sessionId(), send.name(),
                clock.instant(), kind, kind == InboundMessage.Kind.TEXT ? send.text().strip() : null,
                send.reply() == null ? null : new InboundMessage.Reply(send.reply().id(), send.reply().title(), null),
                send.location() == null ? null : new InboundMessage.Location(send.location().lat(), send.location().lng(),
                        null, send.location().address()),
                null, null, null, null, null, null);
    }
}
