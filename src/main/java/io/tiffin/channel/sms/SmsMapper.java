package io.tiffin.channel.sms;

import io.tiffin.channel.Channel;
import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.InboundMessage.Kind;
import io.tiffin.channel.InboundMessage.Media;
import io.tiffin.channel.InboundMessage.Reply;
import io.tiffin.channel.OutboundMessage.Choice;
import io.tiffin.platform.text.PhoneNumbers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Turns Twilio's inbound SMS/MMS parameters into a canonical message. Pure: the merchant and the
 * choices last offered are passed in. A text that is only a number picks that choice.
 */
final class SmsMapper {

    private static final Pattern NUMBER = Pattern.compile("\\s*(\\d{1,2})\\s*[.)]?\\s*");

    /** The parameters are not an inbound message (no sid, or no addressable sender or recipient). */
    static final class MalformedException extends RuntimeException {
        MalformedException(String message) {
            super(message);
        }
    }

    private SmsMapper() {}

    /** The sender in E.164; Twilio sends it so, but a short code or alphanumeric sender is refused. */
    static String from(Map<String, String> params) {
        return PhoneNumbers.e164(params.get("From"))
                .orElseThrow(() -> new MalformedException("From must be a phone number"));
    }

    static String to(Map<String, String> params) {
        return PhoneNumbers.e164(params.get("To"))
                .orElseThrow(() -> new MalformedException("To must be a phone number"));
    }

    static String sid(Map<String, String> params) {
        String sid = params.getOrDefault("MessageSid", params.get("SmsMessageSid"));
        if (sid == null || sid.isBlank()) {
            throw new MalformedException("MessageSid is missing");
        }
        return sid;
    }

    static InboundMessage map(
            Map<String, String> params,
            String merchantId,
            Instant receivedAt,
            IntFunction<Optional<Choice>> offeredChoice) {
        String sid = sid(params);
        String from = from(params);
        String body = params.getOrDefault("Body", "");
        int media = parseInt(params.get("NumMedia"));
        if (media > 0) {
            String type = params.getOrDefault("MediaContentType0", "");
            Media attached = new Media(
                    null,
                    type.isEmpty() ? null : type,
                    null,
                    body.isBlank() ? null : body,
                    false,
                    params.get("MediaUrl0"));
            return message(sid, merchantId, from, receivedAt, kindOf(type), null, null, attached);
        }
        var number = NUMBER.matcher(body);
        if (number.matches()) {
            Optional<Choice> picked = offeredChoice.apply(Integer.parseInt(number.group(1)));
            if (picked.isPresent()) {
                Reply reply = new Reply(picked.get().id(), picked.get().title(), null);
                return message(sid, merchantId, from, receivedAt, Kind.BUTTON_REPLY, null, reply, null);
            }
        }
        return message(sid, merchantId, from, receivedAt, Kind.TEXT, body, null, null);
    }

    private static InboundMessage message(
            String sid, String merchantId, String from, Instant at, Kind kind, String text, Reply reply, Media media) {
        // the phone is the customer's id and also their number, so WhatsApp and SMS orders meet
        return new InboundMessage(
                Channel.SMS,
                sid,
                merchantId,
                from,
                null,
                at,
                kind,
                text,
                reply,
                null,
                media,
                List.of(),
                List.of(),
                null,
                null,
                null,
                from);
    }

    private static Kind kindOf(String contentType) {
        if (contentType.startsWith("image/")) {
            return Kind.IMAGE;
        }
        if (contentType.startsWith("audio/")) {
            return Kind.AUDIO;
        }
        if (contentType.startsWith("video/")) {
            return Kind.VIDEO;
        }
        return contentType.isEmpty() ? Kind.IMAGE : Kind.DOCUMENT;
    }

    private static int parseInt(String s) {
        try {
            return s == null || s.isBlank() ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new MalformedException("NumMedia must be a number");
        }
    }
}
