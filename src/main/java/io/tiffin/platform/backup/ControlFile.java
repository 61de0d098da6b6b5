package io.tiffin.platform.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code control.json} in the data directory: the running app's port and a secret made at start, so
 * a {@code backup} command on this machine can ask the app for a consistent copy. Whoever can read
 * the file can read the data directory anyway; the file is readable by its owner only and removed
 * at a clean stop.
 */
public final class ControlFile {

    public static final String HEADER = "X-Tiffin-Control";
    private static final Logger log = LoggerFactory.getLogger(ControlFile.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Contents(int port, String token, long pid) {}

    private final DataDirectory data;
    private final String token;

    ControlFile(DataDirectory data) {
        this.data = data;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    boolean accepts(String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        token.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        presented.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        Path file = data.path().resolve(DataDirectory.CONTROL_FILE);
        Path temporary = data.path().resolve(DataDirectory.CONTROL_FILE + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(
                    temporary,
                    JSON.writeValueAsBytes(new Contents(
                            event.getWebServer().getPort(),
                            token,
                            ProcessHandle.current().pid())));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Cannot write {}: the backup command cannot reach this app", file, e);
        }
    }

    @EventListener
    void stopping(ContextClosedEvent event) {
        try {
            Files.deleteIfExists(data.path().resolve(DataDirectory.CONTROL_FILE));
        } catch (IOException e) {
            log.debug("Cannot remove the control file", e);
        }
    }

    /** What a running app wrote, or null when there is no control file. */
    public static Contents read(DataDirectory data) throws IOException {
        Path file = data.path().resolve(DataDirectory.CONTROL_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Map<?, ?> values = JSON.readValue(Files.readAllBytes(file), Map.class);
        return new Contents(
                ((Number) values.get("port")).intValue(),
                (String) values.get("token"),
                ((Number) values.get("pid")).longValue());
    }
}
