package io.tiffin.channel.voice;

import io.tiffin.channel.OutboundMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The calls in progress on this instance: who is calling which merchant, what they were last offered
 * (so "yes" or key 1 picks the first choice), how often they said nothing, and the replies the
 * conversation sends them while a webhook waits to read them out. Twilio sends every webhook of one
 * call to the same public URL, so with more than one instance the load balancer must keep a call on
 * one instance (sticky on CallSid); see channels/voice/README.md.
 */
@Component
class VoiceCalls {

    static final class Call {
        final String sid;
        final String merchantId;
        final String caller;
        final String merchantNumber;
        volatile List<OutboundMessage.Choice> offered = List.of();
        volatile int silences;
        volatile int turns;
        /** The language the call speaks and listens in (a Twilio tag: en-IN, hi-IN). */
        volatile String language;
        /** Speech heard with too little confidence, waiting for the caller to say it was right. */
        volatile String unsure;

        final LinkedBlockingQueue<OutboundMessage> replies = new LinkedBlockingQueue<>();

        Call(String sid, String merchantId, String caller, String merchantNumber) {
            this.sid = sid;
            this.merchantId = merchantId;
            this.caller = caller;
            this.merchantNumber = merchantNumber;
        }
    }

    private final Map<String, Call> bySid = new ConcurrentHashMap<>();
    private final Map<String, Call> byCustomer = new ConcurrentHashMap<>();
    /** The language each caller last spoke with each merchant, so a Hindi caller is greeted in Hindi next time. */
    private final com.github.benmanes.caffeine.cache.Cache<String, String> languages =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(50_000)
                    .expireAfterAccess(Duration.ofDays(90))
                    .build();

    Call start(String sid, String merchantId, String caller, String merchantNumber, String defaultLanguage) {
        Call call = bySid.computeIfAbsent(sid, s -> new Call(sid, merchantId, caller, merchantNumber));
        if (call.language == null) {
            String known = languages.getIfPresent(key(merchantId, caller));
            call.language = known != null ? known : defaultLanguage;
        }
        byCustomer.put(key(merchantId, caller), call);
        return call;
    }

    /** The call now speaks this language, and so will the caller's next call. */
    void speaks(Call call, String language) {
        call.language = language;
        languages.put(key(call.merchantId, call.caller), language);
    }

    Call get(String sid) {
        return bySid.get(sid);
    }

    void end(String sid) {
        Call call = bySid.remove(sid);
        if (call != null) {
            byCustomer.remove(key(call.merchantId, call.caller), call);
        }
    }

    /** A reply for a caller still on the line is kept for the waiting webhook; false when there is no call. */
    boolean deliver(OutboundMessage message) {
        Call call = byCustomer.get(key(message.merchantId(), message.to()));
        return call != null && call.replies.offer(message);
    }

    /**
     * The replies to one turn: waits for the first, then takes the rest the conversation sends right
     * after it (a turn's replies are sent one after another, within milliseconds).
     */
    static List<OutboundMessage> await(Call call, Duration wait) throws InterruptedException {
        List<OutboundMessage> replies = new ArrayList<>();
        OutboundMessage first = call.replies.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return replies;
        }
        replies.add(first);
        OutboundMessage next;
        while ((next = call.replies.poll(300, TimeUnit.MILLISECONDS)) != null) {
            replies.add(next);
        }
        return replies;
    }

    private static String key(String merchantId, String caller) {
        return merchantId + ":" + caller;
    }
}
