package io.tiffin.platform.backup;

import io.tiffin.platform.cli.CliTool;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code backup} and {@code restore}: the command-line side of backups of the embedded data directory
 * ({@code --data-dir}, else {@code TIFFIN_DATA_DIR}, else {@code ./data}). Exit codes: 0 done, 1 failed,
 * 2 refused (wrong arguments, a running app, a directory in the way).
 */
public final class BackupTools {

    private BackupTools() {}

    /**
     * {@code backup --to DIR}: with the app running on the data directory, asks it (through
     * {@code control.json}) for a consistent copy; with no app running, copies the files while holding
     * the store's lock, so no app starts on them meanwhile.
     */
    public static final class Backup implements CliTool {

        @Override
        public String name() {
            return "backup";
        }

        @Override
        public int run(String[] args) throws Exception {
            return backup(options(args), System.out, System.err);
        }
    }

    /** {@code restore --from DIR [--force]}: refuses while an app runs on the data directory. */
    public static final class Restore implements CliTool {

        @Override
        public String name() {
            return "restore";
        }

        @Override
        public int run(String[] args) throws Exception {
            return restore(options(args), System.out, System.err);
        }
    }

    static int backup(Map<String, String> options, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        String to = options.get("to");
        if (to == null || to.isBlank()) {
            err.println("usage: backup --to DIR [--data-dir DIR]");
            return 2;
        }
        DataDirectory data = dataDirectory(options);
        Path target = Path.of(to).toAbsolutePath().normalize();
        if (!Files.exists(data.path().resolve(DataDirectory.STORE_FILE))) {
            err.println("no embedded store in " + data.path());
            return 2;
        }
        if (Files.exists(target)) {
            err.println(target + " already exists: give a new folder");
            return 2;
        }
        if (data.inUse()) {
            return askRunningApp(data, target, out, err);
        }
        try (FileChannel store = FileChannel.open(
                        data.path().resolve(DataDirectory.STORE_FILE),
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock = store.tryLock()) {
            if (lock == null) {
                return askRunningApp(data, target, out, err);
            }
            BackupManifest manifest = data.backupTo(target, List.of());
            out.printf(
                    "backup of %s (app stopped) written to %s: %d files, %d bytes%n",
                    data.path(), target, manifest.files().size(), manifest.bytes());
            return 0;
        }
    }

    private static int askRunningApp(DataDirectory data, Path target, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        ControlFile.Contents control = ControlFile.read(data);
        if (control == null) {
            err.println("an app is running on " + data.path() + " but left no " + DataDirectory.CONTROL_FILE
                    + " (is it still starting?); try again once it is up");
            return 1;
        }
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + control.port() + "/control/backup"))
                .timeout(Duration.ofMinutes(30))
                .header(ControlFile.HEADER, control.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JsonMapper.builder().build().writeValueAsString(Map.of("target", target.toString()))))
                .build();
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                err.println("the running app (pid " + control.pid() + ") refused the backup: " + response.statusCode()
                        + " " + response.body());
                return 1;
            }
            out.println("backup of " + data.path() + " (app running, pid " + control.pid() + ") written to " + target
                    + ": " + response.body());
            return 0;
        }
    }

    static int restore(Map<String, String> options, PrintStream out, PrintStream err) throws IOException {
        String from = options.get("from");
        if (from == null || from.isBlank()) {
            err.println("usage: restore --from DIR [--data-dir DIR] [--force]");
            return 2;
        }
        DataDirectory data = dataDirectory(options);
        try {
            Path keptAside = data.restoreFrom(Path.of(from).toAbsolutePath().normalize(), options.containsKey("force"));
            out.println("restored " + from + " into " + data.path()
                    + (keptAside == null ? "" : "; what was there is kept in " + keptAside));
            return 0;
        } catch (IllegalStateException e) {
            err.println("refused: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("restore failed: " + e.getMessage());
            return 1;
        }
    }

    private static DataDirectory dataDirectory(Map<String, String> options) {
        String dir = options.get("data-dir");
        if (dir == null) {
            dir = System.getenv().getOrDefault("TIFFIN_DATA_DIR", "./data");
        }
        return new DataDirectory(Path.of(dir));
    }

    /** {@code --name value} pairs; a flag without a value ({@code --force}) maps to "". */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            options.put(name, hasValue ? args[++i] : "");
        }
        return options;
    }
}
