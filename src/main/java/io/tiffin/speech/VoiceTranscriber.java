package io.tiffin.speech;

/**
 * The entry point for any channel's voice note: the downloaded bytes (OGG/Opus or WAV), the merchant
 * whose menu grounds recognition, and a language hint. Channels only download; decoding, limits and
 * engine choice happen here.
 *
 * @throws BadAudioException the audio cannot be used
 * @throws SpeechUnavailableException no engine could answer
 */
public interface VoiceTranscriber {

    Transcript transcribe(byte[] audio, String merchantId, String languageHint);

    /** Whether any engine is there at all; without one, voice notes are answered by asking to type. */
    boolean available();
}
