package io.tiffin.speech.internal;

import io.tiffin.catalog.Catalog;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.speech.Audio;
import io.tiffin.speech.AudioDecoder;
import io.tiffin.speech.SpeechRecognizer;
import io.tiffin.speech.SpeechUnavailableException;
import io.tiffin.speech.Transcript;
import io.tiffin.speech.VoiceTranscriber;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * Picks the engine: the transcription server when one is configured (it also speaks Hindi), falling
 * back to the local menu grammar when it fails or is slow; the local engine alone otherwise.
 */
@Service
@EnableConfigurationProperties(SpeechProperties.class)
class SpeechService implements SpeechRecognizer, VoiceTranscriber, org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SpeechService.class);

    private final Pocketsphinx local;
    private final RemoteTranscriber remote;
    private final Catalog catalog;
    private final AudioDecoder decoder;

    @org.springframework.beans.factory.annotation.Autowired
    SpeechService(SpeechProperties properties, Catalog catalog, ObjectMapper json) {
        this(
                new Pocketsphinx(properties),
                new RemoteTranscriber(properties, json),
                catalog,
                new AudioDecoder(properties.maxDuration(), new Ffmpeg(properties.ffmpeg(), properties.localTimeout())));
    }

    SpeechService(Pocketsphinx local, RemoteTranscriber remote, Catalog catalog, AudioDecoder decoder) {
        this.local = local;
        this.remote = remote;
        this.catalog = catalog;
        this.decoder = decoder;
        if (!local.installed()) {
            // said once here; every voice note after this is answered by asking to type (or goes to the server)
            log.warn(
                    "Local speech recognition is off: pocketsphinx (Debian packages pocketsphinx, pocketsphinx-en-us) "
                            + "is not installed{}",
                    remote.configured() ? "; voice goes to STT_BASE_URL only" : "");
        }
    }

    @Override
    public Transcript transcribe(byte[] audio, String merchantId, String languageHint) {
        Audio pcm = decoder.decode(audio);
        return recognize(pcm, catalog.current(merchantId).orElse(null), languageHint);
    }

    @Override
    public boolean available() {
        return local.installed() || remote.configured();
    }

    @Override
    public Transcript recognize(Audio audio, MenuSnapshot menu, String languageHint) {
        if (remote.configured()) {
            try {
                return remote.recognize(audio, menu, languageHint);
            } catch (IOException | RuntimeException e) {
                log.warn("Transcription server failed ({}); using the local engine", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SpeechUnavailableException("interrupted", e);
            }
        }
        if (!local.installed()) {
            throw new SpeechUnavailableException("no speech engine: pocketsphinx is not installed");
        }
        return local.recognize(audio, menu);
    }

    @Override
    public void destroy() {
        local.close();
    }

    boolean localInstalled() {
        return local.installed();
    }

    boolean remoteConfigured() {
        return remote.configured();
    }
}
