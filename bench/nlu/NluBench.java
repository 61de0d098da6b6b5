import io.tiffin.catalog.Menu;
import io.tiffin.catalog.Menu.Category;
import io.tiffin.catalog.Menu.Item;
import io.tiffin.catalog.Menu.Option;
import io.tiffin.catalog.Menu.OptionGroup;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.nlu.internal.DeterministicOrderParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Latency of the deterministic order parser on a 200-item menu: per-utterance parse time
 * (p50/p99/max over many parses after warm-up) and the cost of indexing a new menu version.
 * See bench/nlu/README.md for the command.
 *
 * Usage: java -cp target/classes:$(cat /tmp/nlu-cp.txt) bench/nlu/NluBench.java [--items 200] [--parses 20000] [--noise 30]
 */
public class NluBench {

    static final String[] BASES = {"kadai", "handi", "tawa", "lababdar", "korma", "vindaloo", "do pyaza",
            "jalfrezi", "malai", "achari"};
    static final String[] PROTEINS = {"mutton", "prawn", "egg", "mushroom", "aloo", "gobi", "soya", "corn", "tofu",
            "lamb", "crab", "bhindi", "chole", "rajma", "kofta", "keema", "baingan", "methi", "matar", "kaju"};
    static final String[] TOPPINGS = {"cheese", "onions", "pepperoni", "jalapenos", "olives", "mushrooms", "ham",
            "bacon", "sausage", "pineapple", "tomatoes", "spinach", "chicken", "paneer", "corn", "capsicum",
            "basil", "garlic", "feta", "anchovies"};
    static final String[] PIZZAS = {"margherita", "farmhouse", "veggie supreme", "tandoori paneer", "bbq chicken",
            "hawaiian", "meat lovers", "peppy paneer", "mexican green wave", "chicken dominator"};

    public static void main(String[] args) {
        int items = intOption(args, "--items", 200);
        int parses = intOption(args, "--parses", 20000);
        Menu menu = menu(items);
        List<String> utterances = utterances(new Random(42), 500);
        // --noise 30: one or two typing slips in that percentage of the words, as in the noised PIZZA dev test
        int noise = intOption(args, "--noise", 0);
        if (noise > 0) {
            Random slips = new Random(7);
            utterances = utterances.stream().map(u -> noised(u, noise / 100.0, slips)).toList();
        }
        DeterministicOrderParser parser = new DeterministicOrderParser();

        // index build: the first parse of each new menu version builds its index; a parse of a
        // warm index is subtracted
        for (int v = 0; v < 30; v++) {
            parser.parse(utterances.get(0), new MenuSnapshot("warm", v, Instant.EPOCH, menu));
        }
        long[] builds = new long[20];
        for (int v = 0; v < builds.length; v++) {
            MenuSnapshot snapshot = new MenuSnapshot("bench-build", 1000 + v, Instant.EPOCH, menu);
            long start = System.nanoTime();
            parser.parse("1 kaju korma", snapshot);
            builds[v] = System.nanoTime() - start;
        }

        MenuSnapshot snapshot = new MenuSnapshot("bench", 1, Instant.EPOCH, menu);
        for (int i = 0; i < parses; i++) { // warm-up: the JIT and the misspelling memo
            parser.parse(utterances.get(i % utterances.size()), snapshot);
        }
        // wall-clock and this thread's CPU time: on a shared, loaded machine the wall-clock tail is
        // mostly the scheduler and other processes, the CPU time is what the parser costs
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[parses];
        long[] cpu = new long[parses];
        for (int i = 0; i < parses; i++) {
            String utterance = utterances.get(i % utterances.size());
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            parser.parse(utterance, snapshot);
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        Arrays.sort(builds);
        System.out.printf("menu_items=%d option_groups_per_pizza=2 utterances=%d parses=%d%n", count(menu),
                utterances.size(), parses);
        System.out.printf("parse_ms p50=%.3f p90=%.3f p99=%.3f max=%.3f mean=%.3f%n", ms(pct(nanos, 50)),
                ms(pct(nanos, 90)), ms(pct(nanos, 99)), ms(nanos[nanos.length - 1]),
                Arrays.stream(nanos).average().orElse(0) / 1e6);
        System.out.printf("parse_cpu_ms p50=%.3f p90=%.3f p99=%.3f max=%.3f%n", ms(pct(cpu, 50)), ms(pct(cpu, 90)),
                ms(pct(cpu, 99)), ms(cpu[cpu.length - 1]));
        System.out.printf("load_average=%.2f cpus=%d%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("index_build_ms (first parse of a new menu version) median=%.3f max=%.3f%n",
                ms(builds[builds.length / 2]), ms(builds[builds.length - 1]));
    }

    static Menu menu(int size) {
        List<Item> pizzas = new ArrayList<>();
        for (String name : PIZZAS) {
            pizzas.add(new Item(name.replace(' ', '_') + "_pizza", name + " pizza", List.of(name), null, 29900L,
                    List.of(), true, List.of(sizes(), toppings())));
        }
        List<Item> dishes = new ArrayList<>();
        for (int i = 0; dishes.size() + pizzas.size() < size; i++) {
            String name = PROTEINS[i % PROTEINS.length] + " " + BASES[(i / PROTEINS.length) % BASES.length];
            dishes.add(new Item("d" + i, name, List.of(), null, 20000L + i, List.of(), true, List.of()));
        }
        return new Menu("INR", List.of(new Category("Pizza", pizzas), new Category("Curries", dishes)));
    }

    static OptionGroup sizes() {
        return new OptionGroup("size", "Size", 1, 1, List.of(), List.of(
                new Option("small", "Small", 0L, List.of("personal"), null, null),
                new Option("medium", "Medium", 8000L, List.of("regular"), true, null),
                new Option("large", "Large", 16000L, List.of("big"), null, null)));
    }

    static OptionGroup toppings() {
        List<Option> options = new ArrayList<>();
        for (String t : TOPPINGS) {
            options.add(new Option(t, t, 3000L, List.of(), t.equals("cheese"), null));
        }
        return new OptionGroup("toppings", "Toppings", 0, 12, List.of("extra", "light", "no"), options);
    }

    /** Orders like customers type them: counts as digits and words, lists, qualifiers, typos. */
    static List<String> utterances(Random random, int n) {
        String[] counts = {"", "1 ", "2 ", "a ", "two ", "do ", "3 ", "ek "};
        String[] joins = {" and ", ", ", " aur ", " plus "};
        String[] qualifiers = {"extra ", "no ", "light ", "without ", ""};
        String[] sizes = {"large ", "small ", "medium ", "big ", ""};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder s = new StringBuilder(random.nextBoolean() ? "i want " : "");
            int parts = 1 + random.nextInt(3);
            for (int p = 0; p < parts; p++) {
                if (p > 0) {
                    s.append(joins[random.nextInt(joins.length)]);
                }
                s.append(counts[random.nextInt(counts.length)]);
                if (random.nextBoolean()) {
                    s.append(sizes[random.nextInt(sizes.length)]).append(PIZZAS[random.nextInt(PIZZAS.length)])
                            .append(" pizza with ").append(qualifiers[random.nextInt(qualifiers.length)])
                            .append(TOPPINGS[random.nextInt(TOPPINGS.length)]).append(" and ")
                            .append(qualifiers[random.nextInt(qualifiers.length)])
                            .append(TOPPINGS[random.nextInt(TOPPINGS.length)]);
                } else {
                    String dish = PROTEINS[random.nextInt(PROTEINS.length)] + " " + BASES[random.nextInt(BASES.length)];
                    s.append(random.nextInt(5) == 0 ? typo(dish, random) : dish);
                }
            }
            out.add(random.nextInt(4) == 0 ? s + " please" : s.toString());
        }
        // the harder kinds of message, one in five: other scripts (romanised per word), refusals
        // with scope, options spread over lines, letters swapped or doubled
        for (int i = 0; i < n / 5; i++) {
            String pizza = PIZZAS[random.nextInt(PIZZAS.length)];
            String topping = TOPPINGS[random.nextInt(TOPPINGS.length)];
            out.set(random.nextInt(out.size()), switch (i % 5) {
                case 0 -> HINDI[random.nextInt(HINDI.length)];
                case 1 -> "a large " + pizza + " pizza, don't include " + topping + " or onions";
                case 2 -> "two " + pizza + " pizzas and a " + PIZZAS[random.nextInt(PIZZAS.length)] + " pizza, all of them large";
                case 3 -> "two " + pizza + " pizzas, one with no extra " + topping;
                default -> swap(PROTEINS[random.nextInt(PROTEINS.length)]) + " " + BASES[random.nextInt(BASES.length)] + "e";
            });
        }
        return out;
    }

    static final String[] HINDI = {"दो मटन कोरमा", "एक पनीर टिक्का और २ एग करी", "तीन आलू मलाई", "मुझे दो कीमा कडाई चाहिए"};

    static String swap(String word) {
        return word.length() < 3 ? word : word.charAt(1) + "" + word.charAt(0) + word.substring(2);
    }

    static String typo(String word, Random random) {
        int at = 1 + random.nextInt(Math.max(1, word.length() - 2));
        return word.substring(0, at) + word.substring(at + 1);
    }

    static int count(Menu menu) {
        return (int) menu.items().count();
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static final String[] KEYBOARD_ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

    /** Each word of letters, at this share, gets one or two slips: a neighbouring key, a dropped, doubled or swapped letter. */
    static String noised(String utterance, double share, Random random) {
        String[] words = utterance.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (!words[i].chars().allMatch(c -> c >= 'a' && c <= 'z') || random.nextDouble() >= share) {
                continue;
            }
            StringBuilder w = new StringBuilder(words[i]);
            for (int e = 1 + random.nextInt(2); e > 0 && w.length() > 0; e--) {
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
            words[i] = w.toString();
        }
        return String.join(" ", words);
    }

    private static char neighbour(char c, Random random) {
        for (String row : KEYBOARD_ROWS) {
            int i = row.indexOf(c);
            if (i >= 0) {
                int j = i == 0 ? 1 : i == row.length() - 1 ? i - 1 : i + (random.nextBoolean() ? 1 : -1);
                return row.charAt(j);
            }
        }
        return c;
    }

    static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
