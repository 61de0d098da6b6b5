package io.tiffin.conversation.internal;

import io.tiffin.channel.InboundMessage;
import io.tiffin.channel.MediaFetcher;
import io.tiffin.channel.MediaRefusedException;
import io.tiffin.speech.BadAudioException;
import io.tiffin.speech.SpeechUnavailableException;
import io.tiffin.speech.Transcript;
import io.tiffin.speech.VoiceTranscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A voice note becomes the text it says, so the dialog handles it as typed. Audio that cannot be
 * used, and a recognizer that is missing or hung, end in a reply asking to type: the message counts
 * as handled. A failed download is thrown, and so retried like any handling failure.
 */
@Component
class VoiceNotes {

    private static final Logger log = LoggerFactory.getLogger(VoiceNotes.class);

    /** Either the words heard, or the template of the reply to send instead. */
    record Reading(String text, String replyKey) {}

    private final MediaFetcher media;
    private final VoiceTranscriber speech;

    VoiceNotes(MediaFetcher media, VoiceTranscriber speech) {
        this.media = media;
        this.speech = speech;
    }

    static boolean isVoice(InboundMessage message) {
        return message.kind() == InboundMessage.Kind.AUDIO && message.media() != null;
    }

    Reading read(InboundMessage message, String language) {
        if (!speech.available()) {
            return new Reading(null, "voice_unavailable");
        }
        try {
            byte[] audio = media.fetch(message);
            Transcript heard = speech.transcribe(audio, message.merchantId(), language);
            log.info(
                    "Voice note {} heard by {} ({}): {}",
                    message.providerMessageId(),
                    heard.engine(),
                    heard.confidence(),
                    heard.text());
            return heard.isEmpty() ? new Reading(null, "voice_unclear") : new Reading(heard.text(), null);
        } catch (MediaRefusedException e) {
            log.info("Voice note {} not downloaded: {}", message.providerMessageId(), e.getMessage());
            return new Reading(
                    null, e.reason() == MediaRefusedException.Reason.TOO_LARGE ? "voice_too_long" : "voice_bad");
        } catch (BadAudioException e) {
            log.info("Voice note {} unusable ({}): {}", message.providerMessageId(), e.reason(), e.getMessage());
            return new Reading(
                    null,
                    switch (e.reason()) {
                        case TOO_LONG, TOO_LARGE -> "voice_too_long";
                        case EMPTY -> "voice_unclear";
                        // sending it again would not help: a format only ffmpeg reads, and ffmpeg is not there
                        case UNSUPPORTED_FORMAT -> "voice_format";
                        default -> "voice_bad";
                    });
        } catch (SpeechUnavailableException e) {
            log.warn("Voice note {} not transcribed: {}", message.providerMessageId(), e.getMessage());
            return new Reading(null, "voice_unavailable");
        }
    }

    /** The same message, as if the customer had typed what they said. */
    static InboundMessage asText(InboundMessage m, String text) {
        return new InboundMessage(
                m.channel(),
                m.providerMessageId(),
                m.merchantId(),
                m.customerId(),
                m.customerName(),
                m.sentAt(),
                InboundMessage.Kind.TEXT,
                text,
                null,
                null,
                null,
                null,
                null,
                null,
                m.contextMessageId(),
                null,
                m.customerPhone());
    }
}
