package io.tiffin.nlu.eval;

import io.tiffin.nlu.OrderParser;
import io.tiffin.nlu.ParseResult;
import io.tiffin.nlu.internal.DeterministicOrderParser;
import io.tiffin.platform.cli.CliTool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code nlu-eval --dataset FILE [--schema DIR] [--report OUT.json]}: parses every utterance of a
 * PIZZA or FoodOrdering file with the platform's own parser against a menu built from the dataset's
 * vocabulary, writes the parse as the dataset's tree and compares it with the gold tree by unordered
 * exact match. Prints per-slot scores and, last, {@code exact_match=<0..1> n=<count>}. Runs without
 * Spring; the datasets are read where they lie and never copied.
 */
public final class NluEvalTool implements CliTool {

    private final ObjectMapper json = JsonMapper.builder().build();

    @Override
    public String name() {
        return "nlu-eval";
    }

    @Override
    public int run(String[] args) throws Exception {
        return run(args, System.out, System.err);
    }

    int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Path dataset = null;
        Path schemaDir = null;
        Path report = null;
        Path catalogs = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--dataset" -> dataset = Path.of(required(value, "--dataset"));
                case "--schema" -> schemaDir = Path.of(required(value, "--schema"));
                case "--report" -> report = Path.of(required(value, "--report"));
                case "--catalogs" -> catalogs = Path.of(required(value, "--catalogs"));
                default -> {
                    err.println("unknown argument: " + args[i]);
                    err.println("usage: nlu-eval --dataset FILE [--schema DIR] [--report OUT.json] [--catalogs DIR]");
                    return 2;
                }
            }
            i++;
        }
        if (dataset == null) {
            err.println("usage: nlu-eval --dataset FILE [--schema DIR] [--report OUT.json] [--catalogs DIR]");
            return 2;
        }
        Evaluation evaluation = evaluate(dataset, schemaDir, catalogs, new DeterministicOrderParser());
        evaluation.scores().lines().forEach(out::println);
        out.printf(
                Locale.ROOT, "parse_ms_mean=%.3f parse_ms_p99=%.3f%n", evaluation.meanMillis(), evaluation.p99Millis());
        if (report != null) {
            writeReport(report, evaluation);
            out.println("mistakes written to " + report);
        }
        out.printf(Locale.ROOT, "exact_match=%.4f n=%d%n", evaluation.exactMatch(), evaluation.total());
        return 0;
    }

    /** One wrong utterance: what was said, what was meant, what the parser read. */
    record Mistake(String source, String gold, String predicted, List<ParseResult.Unresolved> unresolved) {}

    record Evaluation(
            int total, int correct, SlotScores scores, List<Mistake> mistakes, double meanMillis, double p99Millis) {
        double exactMatch() {
            return total == 0 ? 0 : (double) correct / total;
        }
    }

    Evaluation evaluate(Path dataset, Path schemaDir, Path catalogs, OrderParser parser) throws IOException {
        EvalMenu menu;
        Function<JsonNode, Tree> gold;
        if (schemaDir == null) {
            Path dir = catalogs != null
                    ? catalogs
                    : dataset.toAbsolutePath().getParent().resolve("catalogs");
            menu = PizzaCatalogs.build(dir);
            gold = record -> Tree.parseAll(field(record, "EXR")).getFirst();
        } else {
            FoodOrderingSchema schema = FoodOrderingSchema.read(schemaDir, json);
            menu = schema.menu;
            gold = record -> {
                String exr = field(record, "EXR");
                if (exr != null) {
                    List<Tree> roots = Tree.parseAll(exr);
                    return roots.size() == 1 && roots.getFirst().label().equals("ORDER")
                            ? roots.getFirst()
                            : Tree.node("ORDER", roots);
                }
                return schema.resolve(Tree.parseAll(field(record, "TOPALIAS")));
            };
        }
        var snapshot = menu.snapshot();
        SlotScores scores = new SlotScores();
        List<Mistake> mistakes = new ArrayList<>();
        List<Long> nanos = new ArrayList<>();
        int total = 0;
        int correct = 0;
        for (JsonNode record : records(dataset)) {
            String source = field(record, "SRC");
            if (source == null) {
                continue;
            }
            Tree expected = gold.apply(record);
            long start = System.nanoTime();
            ParseResult result = parser.parse(source, snapshot);
            nanos.add(System.nanoTime() - start);
            Tree predicted = menu.toTree(result);
            total++;
            scores.add(expected, predicted);
            if (expected.canonical().equals(predicted.canonical())) {
                correct++;
            } else {
                mistakes.add(new Mistake(source, expected.toString(), predicted.toString(), result.unresolved()));
            }
        }
        nanos.sort(null);
        double mean = nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        double p99 = nanos.isEmpty()
                ? 0
                : nanos.get(Math.min(nanos.size() - 1, (int) Math.ceil(nanos.size() * 0.99) - 1)) / 1e6;
        return new Evaluation(total, correct, scores, mistakes, mean, p99);
    }

    /** {@code SRC}, or {@code dev.SRC}/{@code train.SRC} as PIZZA names it. */
    private static String field(JsonNode record, String name) {
        for (Map.Entry<String, JsonNode> entry : record.properties()) {
            if (entry.getKey().equals(name) || entry.getKey().endsWith("." + name)) {
                return entry.getValue().asString();
            }
        }
        return null;
    }

    private Iterable<JsonNode> records(Path dataset) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(dataset);
                InputStream in = dataset.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    records.add(json.readTree(line));
                }
            }
        }
        return records;
    }

    private void writeReport(Path report, Evaluation evaluation) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("n", evaluation.total());
        root.put("exact_match", evaluation.exactMatch());
        ArrayNode mistakes = root.putArray("mistakes");
        for (Mistake mistake : evaluation.mistakes()) {
            ObjectNode m = mistakes.addObject();
            m.put("src", mistake.source());
            m.put("gold", mistake.gold());
            m.put("predicted", mistake.predicted());
            ArrayNode unresolved = m.putArray("unresolved");
            for (ParseResult.Unresolved u : mistake.unresolved()) {
                unresolved.add(u.reason() + ": " + u.span() + " " + u.candidates());
            }
        }
        if (report.toAbsolutePath().getParent() != null) {
            Files.createDirectories(report.toAbsolutePath().getParent());
        }
        json.writerWithDefaultPrettyPrinter().writeValue(report.toFile(), root);
    }

    private static String required(String value, String flag) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }
}
