package io.tiffin.speech;

import io.tiffin.catalog.MenuSnapshot;

/**
 * Audio in, words out. The menu is what the customer most likely talks about, so engines use it to
 * constrain or prompt recognition; the language hint ("en", "hi", or null) picks an engine that
 * speaks it.
 *
 * @throws BadAudioException the audio itself cannot be used (empty, too long, not speech we can read)
 * @throws SpeechUnavailableException no engine could answer (none installed, all timed out)
 */
public interface SpeechRecognizer {

    Transcript recognize(Audio audio, MenuSnapshot menu, String languageHint);
}
