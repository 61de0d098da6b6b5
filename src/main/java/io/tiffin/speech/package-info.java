/**
 * Speech: turns a customer's voice (a voice note, a recording) into the words they said, grounded in
 * the merchant's own menu. One port, {@link io.tiffin.speech.SpeechRecognizer}; the local engine is
 * Debian's pocketsphinx driven by a grammar and pronunciation dictionary made from the menu, and an
 * OpenAI-compatible transcription server ({@code STT_BASE_URL}) may be put in front of it. Channels
 * hand their downloaded audio to {@link io.tiffin.speech.VoiceTranscriber}, whatever the provider.
 */
package io.tiffin.speech;
