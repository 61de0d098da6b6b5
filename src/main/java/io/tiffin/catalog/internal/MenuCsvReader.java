package io.tiffin.catalog.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.platform.InvalidInputException;
import io.tiffin.platform.InvalidInputException.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the flat CSV form of a menu (docs/menu-csv.md): one row per item, or per option with the
 * item id repeated. Problems of the CSV itself are reported as {@code line N.column}; the rules of
 * the menu are left to {@link MenuValidator}.
 */
final class MenuCsvReader {

    static final List<String> COLUMNS = List.of(
            "currency",
            "category",
            "item_id",
            "item_name",
            "price",
            "aliases",
            "tags",
            "available",
            "description",
            "group_id",
            "group_name",
            "group_min",
            "group_max",
            "group_qualifiers",
            "option_id",
            "option_name",
            "option_price",
            "option_default",
            "option_available",
            "option_aliases");
    private static final Set<String> REQUIRED = Set.of("category", "item_id", "item_name", "price");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setIgnoreHeaderCase(true)
            .setAllowMissingColumnNames(false)
            .get();

    /** Reads the menu; {@code fallbackCurrency} applies when no row names one (the merchant's own). */
    Menu read(String csv, String fallbackCurrency) {
        List<Problem> problems = new ArrayList<>();
        var items = new LinkedHashMap<String, ItemRows>();
        String currency = null;
        try (CSVParser parser = FORMAT.parse(new StringReader(csv == null ? "" : csv.replace("\uFEFF", "")))) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.toLowerCase(Locale.ROOT))
                    .toList();
            for (String column : header) {
                if (!COLUMNS.contains(column)) {
                    problems.add(
                            new Problem("line 1." + column, "unknown column; known: " + String.join(",", COLUMNS)));
                }
            }
            for (String column : REQUIRED) {
                if (!header.contains(column)) {
                    problems.add(new Problem("line 1." + column, "required column is missing"));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException("invalid_menu", problems);
            }
            for (CSVRecord record : parser) {
                var row = new Row(record, problems);
                currency = currency == null ? row.text("currency") : currency;
                String itemId = row.text("item_id");
                if (itemId == null) {
                    problems.add(new Problem(row.path("item_id"), "is required on every row"));
                    continue;
                }
                items.computeIfAbsent(itemId, id -> new ItemRows()).add(row);
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            // reading a string fails only on malformed input: commons-csv reports an unclosed quote in the
            // header as a CSVException (an IOException), in a row unchecked, a duplicate header as illegal
            throw new InvalidInputException("csv", "unreadable CSV: " + e.getMessage());
        }
        if (items.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem("line 2", "the CSV has no rows"));
        }
        var categories = new LinkedHashMap<String, List<Menu.Item>>();
        for (var entry : items.entrySet()) {
            ItemRows rows = entry.getValue();
            String category = rows.value("category", problems);
            Menu.Item item = rows.toItem(entry.getKey(), problems);
            categories
                    .computeIfAbsent(category == null ? "" : category, c -> new ArrayList<>())
                    .add(item);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid_menu", problems);
        }
        return new Menu(
                currency == null ? fallbackCurrency : currency.toUpperCase(Locale.ROOT),
                categories.entrySet().stream()
                        .map(e -> new Menu.Category(e.getKey(), e.getValue()))
                        .toList());
    }

    /** One CSV record with typed access; conversion problems are recorded, not thrown. */
    private record Row(CSVRecord record, List<Problem> problems) {

        String path(String column) {
            return "line " + (record.getRecordNumber() + 1) + "." + column;
        }

        String text(String column) {
            if (!record.isMapped(column) || !record.isSet(column)) {
                return null;
            }
            String value = record.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }

        Long money(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                problems.add(new Problem(path(column), "must be a whole number in minor units (paise, cents)"));
                return null;
            }
        }

        Integer count(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                problems.add(new Problem(path(column), "must be a whole number"));
                return null;
            }
        }

        Boolean flag(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> true;
                case "false", "no", "n", "0" -> false;
                default -> {
                    problems.add(new Problem(path(column), "must be true or false"));
                    yield null;
                }
            };
        }

        List<String> list(String column) {
            String value = text(column);
            return value == null
                    ? List.of()
                    : Arrays.stream(value.split("\\|"))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .toList();
        }

        boolean isOptionRow() {
            return text("group_id") != null || text("option_id") != null;
        }
    }

    /** The rows of one item; item and group fields may be given once and left blank on later rows. */
    private static final class ItemRows {
        private final List<Row> rows = new ArrayList<>();

        void add(Row row) {
            rows.add(row);
        }

        /** The first non-blank value of a column; a different non-blank value later is a problem. */
        String value(String column, List<Problem> problems) {
            return agreed(rows, column, problems);
        }

        Menu.Item toItem(String id, List<Problem> problems) {
            var groups = new LinkedHashMap<String, List<Row>>();
            for (Row row : rows) {
                if (!row.isOptionRow()) {
                    continue;
                }
                String groupId = row.text("group_id");
                if (groupId == null) {
                    problems.add(new Problem(row.path("group_id"), "an option row needs its group_id"));
                } else if (row.text("option_id") == null) {
                    problems.add(new Problem(row.path("option_id"), "an option row needs its option_id"));
                } else {
                    groups.computeIfAbsent(groupId, g -> new ArrayList<>()).add(row);
                }
            }
            List<Menu.OptionGroup> optionGroups = groups.entrySet().stream()
                    .map(e -> group(e.getKey(), e.getValue(), problems))
                    .toList();
            return new Menu.Item(
                    id,
                    value("item_name", problems),
                    merged(rows, "aliases"),
                    value("description", problems),
                    typed(rows, "price", problems, Row::money),
                    merged(rows, "tags"),
                    typed(rows, "available", problems, Row::flag),
                    optionGroups);
        }

        private static Menu.OptionGroup group(String id, List<Row> rows, List<Problem> problems) {
            List<Menu.Option> options = rows.stream()
                    .map(r -> new Menu.Option(
                            r.text("option_id"),
                            r.text("option_name"),
                            r.money("option_price"),
                            r.list("option_aliases"),
                            r.flag("option_default"),
                            r.flag("option_available")))
                    .toList();
            List<String> qualifiers = merged(rows, "group_qualifiers").stream()
                    .map(q -> q.toLowerCase(Locale.ROOT))
                    .toList();
            return new Menu.OptionGroup(
                    id,
                    agreed(rows, "group_name", problems),
                    typed(rows, "group_min", problems, Row::count),
                    typed(rows, "group_max", problems, Row::count),
                    qualifiers,
                    options);
        }

        private static List<String> merged(List<Row> rows, String column) {
            return rows.stream()
                    .flatMap(r -> r.list(column).stream())
                    .distinct()
                    .toList();
        }

        /** The agreed value of a column, converted by the first row that carries it. */
        private static <T> T typed(
                List<Row> rows,
                String column,
                List<Problem> problems,
                java.util.function.BiFunction<Row, String, T> convert) {
            if (agreed(rows, column, problems) == null) {
                return null;
            }
            Row carrier = rows.stream()
                    .filter(r -> r.text(column) != null)
                    .findFirst()
                    .orElseThrow();
            return convert.apply(carrier, column);
        }

        private static String agreed(List<Row> rows, String column, List<Problem> problems) {
            String value = null;
            for (Row row : rows) {
                String v = row.text(column);
                if (v == null) {
                    continue;
                }
                if (value == null) {
                    value = v;
                } else if (!value.equals(v)) {
                    problems.add(new Problem(
                            row.path(column), "differs from an earlier row of the same item or group (" + value + ")"));
                }
            }
            return value;
        }
    }
}
