package io.tiffin.nlu.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tiffin.nlu.internal.DeterministicOrderParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * PIZZA dev with typing noise made here (a fixed seed; the dataset is read where it lies, never
 * copied): 30% of the words get one or two character edits (a letter swapped for a neighbour on the
 * keyboard, dropped, doubled, or two letters transposed). The goal is exact match within 5 points
 * of the clean set; not reached yet, so the test holds the level reached and checks the noise is there.
 */
class NoisedPizzaDevUnitTest {

    private static final Path DEV = Path.of("..", "shared", "data", "pizza", "PIZZA_dev.json");
    private static final double NOISED_SHARE = 0.3;
    /** The seed the level is held on. */
    private static final long SEED = 20261130L;
    /** Exact match on the noised set that the parser reaches now (goal: within 5 points of clean). */
    private static final double REACHED = 0.893;

    private static final String[] KEYBOARD_ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

    @TempDir
    Path temp;

    @Test
    void noisedDevHoldsTheLevelReachedAndTheNoiseIsReal() throws Exception {
        assumeTrue(Files.isRegularFile(DEV), "PIZZA data not present");
        Path catalogs = DEV.toAbsolutePath().getParent().resolve("catalogs");
        var tool = new NluEvalTool();
        var parser = new DeterministicOrderParser();
        int[] counts = new int[2];
        Path noisedDev = noised(SEED, counts);

        double clean = tool.evaluate(DEV, null, catalogs, parser).exactMatch();
        double withNoise = tool.evaluate(noisedDev, null, catalogs, parser).exactMatch();

        assertThat((double) counts[1] / counts[0]).isBetween(0.25, 0.35);
        assertThat(clean).isGreaterThanOrEqualTo(0.95);
        // the goal is clean - 0.05; measured today 0.894 against 0.9885 (seeds 1-5 mean 0.904) (was 0.491;
        // nlu-models/eval/REPORT.md):
        // this guards what spelling correction reaches now and fails on any step back
        assertThat(withNoise).as("noised %.4f vs clean %.4f", withNoise, clean).isGreaterThanOrEqualTo(REACHED);
        // -Dnoise.seeds=1,2,3,4,5 also prints the figure of other seeds, to measure without tuning to one
        String seeds = System.getProperty("noise.seeds", "");
        double sum = 0;
        int n = 0;
        for (String seed : seeds.split(",")) {
            if (!seed.isBlank()) {
                double figure = tool.evaluate(noised(Long.parseLong(seed.trim()), new int[2]), null, catalogs, parser)
                        .exactMatch();
                System.out.printf(Locale.ROOT, "noised PIZZA dev seed %s: %.4f%n", seed.trim(), figure);
                sum += figure;
                n++;
            }
        }
        System.out.printf(Locale.ROOT, "noised PIZZA dev seed %d: %.4f (clean %.4f)%n", SEED, withNoise, clean);
        if (n > 0) {
            System.out.printf(Locale.ROOT, "noised PIZZA dev mean over %d seeds: %.4f%n", n, sum / n);
        }
    }

    /** PIZZA dev with the noise of one seed, written to the test's scratch folder; counts[0] words, counts[1] edited. */
    private Path noised(long seed, int[] counts) throws Exception {
        var json = JsonMapper.builder().build();
        Random random = new Random(seed);
        List<String> noised = new ArrayList<>();
        for (String line : Files.readAllLines(DEV, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode record = (ObjectNode) json.readTree(line);
            String[] tokens = record.get("dev.SRC").asString().split(" ");
            for (int i = 0; i < tokens.length; i++) {
                counts[0]++;
                if (tokens[i].chars().allMatch(Character::isLetter) && random.nextDouble() < NOISED_SHARE) {
                    tokens[i] = edit(tokens[i], random, 1 + random.nextInt(2));
                    counts[1]++;
                }
            }
            record.put("dev.SRC", String.join(" ", tokens));
            noised.add(json.writeValueAsString(record));
        }
        Path file = temp.resolve("PIZZA_dev.noised-" + seed + ".json");
        Files.write(file, noised, StandardCharsets.UTF_8);
        return file;
    }

    /** One or two edits, letters only, so a word stays a word a hurried customer might type. */
    static String edit(String word, Random random, int edits) {
        StringBuilder w = new StringBuilder(word);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(w.length());
            switch (random.nextInt(4)) {
                case 0 -> w.setCharAt(at, neighbour(w.charAt(at), random));
                case 1 -> {
                    if (w.length() > 1) {
                        w.deleteCharAt(at);
                    }
                }
                case 2 -> w.insert(at, w.charAt(at));
                default -> {
                    if (at + 1 < w.length()) {
                        char c = w.charAt(at);
                        w.setCharAt(at, w.charAt(at + 1));
                        w.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return w.toString();
    }

    private static char neighbour(char c, Random random) {
        for (String row : KEYBOARD_ROWS) {
            int i = row.indexOf(Character.toLowerCase(c));
            if (i >= 0) {
                int j = i == 0 ? 1 : i == row.length() - 1 ? i - 1 : i + (random.nextBoolean() ? 1 : -1);
                return row.charAt(j);
            }
        }
        return c;
    }
}
