package io.tiffin.channel.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which URLs a media download may touch at all: only provider hosts, by name, over HTTP(S). */
class SafeDownloaderUnitTest {

    private final SafeDownloader downloads =
            new SafeDownloader(new MediaProperties(List.of("media.example.org"), null, null));

    @Test
    void providerHostsListedHostsAndConfiguredProviderUrlsAreAllowed() {
        downloads.allowHostOf("https://graph.internal.test/v23.0");

        assertThat(downloads.allowed(URI.create("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1")))
                .isTrue();
        assertThat(downloads.allowed(URI.create("https://scontent.xx.fbcdn.net/v/a.ogg")))
                .isTrue();
        assertThat(downloads.allowed(URI.create("https://scontent-bom1-1.cdninstagram.com/v/t42/audio.mp4")))
                .isTrue();
        assertThat(downloads.allowed(URI.create("https://api.telegram.org/file/bot1:AA/voice/file_7.oga")))
                .isTrue();
        assertThat(downloads.allowed(URI.create("https://media.example.org/a.ogg")))
                .isTrue();
        assertThat(downloads.allowed(URI.create("https://graph.internal.test/123")))
                .isTrue();
    }

    @Test
    void everythingElseIsRefused() {
        assertThat(downloads.allowed(URI.create("http://169.254.169.254/latest/meta-data/")))
                .isFalse();
        assertThat(downloads.allowed(URI.create("http://127.0.0.1:8080/actuator")))
                .isFalse();
        assertThat(downloads.allowed(URI.create("https://lookaside.fbsbx.com.evil.example/a")))
                .isFalse();
        assertThat(downloads.allowed(URI.create("https://evil.example/?lookaside.fbsbx.com")))
                .isFalse();
        assertThat(downloads.allowed(URI.create("https://user@lookaside.fbsbx.com/a")))
                .isFalse();
        assertThat(downloads.allowed(URI.create("file:///etc/passwd"))).isFalse();
        assertThat(downloads.allowed(URI.create("ftp://lookaside.fbsbx.com/a"))).isFalse();
        assertThat(downloads.allowed(URI.create("https://fbcdn.net.evil.example/a")))
                .isFalse();
        assertThat(downloads.allowed(URI.create("https://cdninstagram.com.evil.example/a")))
                .isFalse();
        assertThat(downloads.allowed(URI.create("https://api.telegram.org.evil.example/file/bot1:AA/x")))
                .isFalse();
    }
}
