package io.tiffin.speech.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pocketsphinx the local engine's command ({@code pocketsphinx_continuous} from Debian's package)
 * @param modelDir the US English model folder (acoustic model, cmudict and general language model)
 * @param localTimeout how long one local recognition may take before the process is killed
 * @param baseUrl an OpenAI-compatible transcription server ({@code STT_BASE_URL}); blank: local only
 * @param model the model name sent to it ({@code STT_MODEL})
 * @param remoteTimeout how long to wait for it before falling back to the local engine
 * @param maxDuration longer audio is refused before recognition
 * @param ffmpeg the command that reads audio Java does not (MP4/AAC, MP3, WebM); not installed: such
 *     audio is answered by asking to type
 * @param remoteConcurrency voice notes that may wait for the server at once; others go to the local
 *     engine rather than queue behind a slow server
 */
@ConfigurationProperties("tiffin.speech")
record SpeechProperties(
        String pocketsphinx,
        Path modelDir,
        Duration localTimeout,
        String baseUrl,
        String model,
        Duration remoteTimeout,
        Duration maxDuration,
        String ffmpeg,
        Integer remoteConcurrency) {

    SpeechProperties {
        pocketsphinx = pocketsphinx == null || pocketsphinx.isBlank() ? "pocketsphinx_continuous" : pocketsphinx;
        modelDir = modelDir == null ? Path.of("/usr/share/pocketsphinx/model/en-us") : modelDir;
        localTimeout = localTimeout == null ? Duration.ofSeconds(20) : localTimeout;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", "");
        model = model == null || model.isBlank() ? "whisper-1" : model;
        remoteTimeout = remoteTimeout == null ? Duration.ofSeconds(15) : remoteTimeout;
        maxDuration = maxDuration == null ? Duration.ofMinutes(2) : maxDuration;
        ffmpeg = ffmpeg == null || ffmpeg.isBlank() ? "ffmpeg" : ffmpeg;
        remoteConcurrency = remoteConcurrency == null || remoteConcurrency < 1 ? 2 : remoteConcurrency;
    }
}
