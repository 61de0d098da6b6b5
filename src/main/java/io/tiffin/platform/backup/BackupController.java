package io.tiffin.platform.backup;

import io.swagger.v3.oas.annotations.Hidden;
import io.tiffin.platform.InvalidInputException;
import io.tiffin.platform.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the {@code backup} command calls on a running app: from this machine only, with the secret of
 * {@code control.json}. Not part of the public API.
 */
@Hidden
@RestController
@ConditionalOnExpression("'${MONGODB_URI:}'.isBlank()")
class BackupController {

    record BackupRequest(String target) {}

    record BackupDone(String target, int files, long bytes, String createdAt) {}

    private final OnlineBackup backup;
    private final ControlFile control;

    BackupController(OnlineBackup backup, ControlFile control) {
        this.backup = backup;
        this.control = control;
    }

    @PostMapping("/control/backup")
    ResponseEntity<?> backup(
            @RequestHeader(name = ControlFile.HEADER, required = false) String token,
            @RequestBody(required = false) BackupRequest request,
            HttpServletRequest http)
            throws IOException {
        if (!InetAddress.getByName(http.getRemoteAddr()).isLoopbackAddress()) {
            return ResponseEntity.status(403)
                    .body(ApiError.of("forbidden", "backups are asked for from this machine only"));
        }
        if (!control.accepts(token)) {
            return ResponseEntity.status(401)
                    .body(ApiError.of("unauthorized", "the control secret is missing or wrong"));
        }
        Path target = target(request);
        try {
            BackupManifest manifest = backup.backupTo(target);
            return ResponseEntity.status(201)
                    .body(new BackupDone(
                            target.toString(),
                            manifest.files().size(),
                            manifest.bytes(),
                            manifest.createdAt().toString()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("target", e.getMessage());
        }
    }

    private static Path target(BackupRequest request) {
        if (request == null || request.target() == null || request.target().isBlank()) {
            throw new InvalidInputException("target", "required: the folder to write the backup into");
        }
        try {
            Path target = Path.of(request.target());
            if (!target.isAbsolute()) {
                throw new InvalidInputException("target", "must be an absolute path");
            }
            return target;
        } catch (InvalidPathException e) {
            throw new InvalidInputException("target", "not a path");
        }
    }
}
