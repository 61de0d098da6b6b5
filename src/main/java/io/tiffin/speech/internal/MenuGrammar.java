package io.tiffin.speech.internal;

import io.tiffin.catalog.Menu;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A JSGF grammar and a pronunciation dictionary made from one menu: what a spoken order on that menu
 * can be ("[i would like] two large chicken biryani with raita and three garlic naan [please]"), plus
 * the few things customers say that are not orders ("where is my order", "yes", "cancel"). Options are
 * tied to the items that have them, so "large" is only heard before something that comes large.
 */
record MenuGrammar(String jsgf, String dictionary, Set<String> vocabulary) {

    /** Not "i want": said quickly it is "one", the most common first word of an order. */
    static final List<String> LEADS = List.of(
            "i would like",
            "can i get",
            "can i have",
            "could i get",
            "could i have",
            "give me",
            "please send",
            "send me",
            "i will have",
            "i will take",
            "please",
            "hello",
            "hello i would like",
            "and",
            "also");

    static final List<String> JOINS = List.of("and", "also", "and also", "plus", "and then");
    static final List<String> TAILS = List.of("please", "thank you", "thanks", "that is all", "that is it");
    static final List<String> QUANTITIES;
    /** English words of dish names, said as the dictionary says them. */
    private static final Set<String> COMMON = Set.of(
            "chicken",
            "butter",
            "garlic",
            "plain",
            "rice",
            "veg",
            "fresh",
            "lime",
            "soda",
            "sweet",
            "mango",
            "pizza",
            "coca",
            "cola",
            "coke",
            "diet",
            "zero",
            "curry",
            "steamed",
            "cumin",
            "egg",
            "boiled",
            "mutton",
            "vegetable",
            "tea",
            "big",
            "small",
            "large",
            "and",
            "with");
    /** What customers say that is not an order; the conversation understands each of them as typed. */
    static final List<String> REQUESTS = List.of(
            "where is my order",
            "what is the status of my order",
            "what is my order status",
            "when will my order arrive",
            "track my order",
            "order status",
            "yes",
            "yes please",
            "no",
            "confirm",
            "confirm order",
            "confirm my order",
            "cancel",
            "cancel my order",
            "cancel the order",
            "menu",
            "show me the menu",
            "what is on the menu",
            "send me the menu",
            "help",
            "pickup",
            "pick up",
            "i will pick it up",
            "hello",
            "hi",
            "thank you",
            "repeat my last order",
            "same again",
            "same as last time");

    static {
        // up to ten: "and twenty" is too close to "and one", "eleven" to a mumbled dish name
        List<String> q = new ArrayList<>(List.of("a", "an"));
        for (int n = 1; n <= 10; n++) {
            q.add(SpokenForms.number(n));
        }
        QUANTITIES = List.copyOf(q);
    }

    static MenuGrammar of(Menu menu, Pronunciations pronunciations) {
        Set<String> vocabulary = new TreeSet<>();
        Set<String> menuWords = new java.util.HashSet<>();
        StringBuilder rules = new StringBuilder();
        Map<String, String> optionRules = new LinkedHashMap<>();
        List<String> itemRules = new ArrayList<>();
        // sold-out items too: "kulfi" heard as kulfi gets "sold out today", not another dish in its place
        List<Menu.Item> items = menu.items().toList();
        for (int i = 0; i < items.size(); i++) {
            Menu.Item item = items.get(i);
            Set<String> names = sayable(item.name(), item.aliases());
            if (names.isEmpty()) {
                continue;
            }
            names.forEach(n -> menuWords.addAll(List.of(n.split(" "))));
            Set<String> single = new LinkedHashSet<>();
            Set<String> addOns = new LinkedHashSet<>();
            for (Menu.OptionGroup group : item.optionGroups()) {
                for (Menu.Option option : group.options()) {
                    (group.isSingleChoice() ? single : addOns).addAll(sayable(option.name(), option.aliases()));
                }
            }
            StringBuilder rule = new StringBuilder();
            String choice = single.isEmpty() ? null : ruleFor(optionRules, single);
            if (choice != null) {
                rule.append('[').append(choice).append("] ");
            }
            rule.append(alternatives(names));
            if (choice != null) {
                rule.append(" [").append(choice).append(']');
            }
            if (!addOns.isEmpty()) {
                String addOn = ruleFor(optionRules, addOns);
                rule.append(" [with ")
                        .append(addOn)
                        .append(" (and ")
                        .append(addOn)
                        .append(")*]");
            }
            String name = "<item" + i + ">";
            itemRules.add(name);
            rules.append(name).append(" = ").append(rule).append(";\n");
        }
        optionRules.forEach((alternatives, name) ->
                rules.append(name).append(" = ").append(alternatives).append(";\n"));
        String jsgf = "#JSGF V1.0;\ngrammar menu;\n"
                + "public <utterance> = <order> | <request>;\n"
                // a line after the first needs a joining word or a quantity before it, so a pause or a
                // breath is not heard as one more short item ("tea", "naan")
                + "<order> = [<lead>] [<quantity>] <item> (<join> [<quantity>] <item> | <number> <item>)* [<tail>];\n"
                + "<item> = (" + String.join(" | ", itemRules) + ");\n"
                + "<lead> = " + alternatives(LEADS) + ";\n"
                + "<join> = " + alternatives(JOINS) + ";\n"
                + "<tail> = " + alternatives(TAILS) + ";\n"
                + "<quantity> = (a | an | <number>);\n"
                + "<number> = " + alternatives(QUANTITIES.subList(2, QUANTITIES.size())) + ";\n"
                + "<request> = " + alternatives(REQUESTS) + ";\n"
                + rules;
        for (String line : jsgf.split("\n")) {
            if (line.startsWith("<") || line.startsWith("public")) {
                for (String token : line.substring(line.indexOf('=') + 1).split("[\\s|()\\[\\];*]+")) {
                    if (!token.isEmpty() && !token.startsWith("<")) {
                        vocabulary.add(token);
                    }
                }
            }
        }
        StringBuilder dictionary = new StringBuilder();
        for (String word : vocabulary) {
            List<String> said = pronunciations.of(
                    word,
                    menuWords.contains(word)
                            && word.length() > 3
                            && !COMMON.contains(word)); // short words: more neighbours to confuse
            for (int v = 0; v < said.size(); v++) {
                dictionary
                        .append(v == 0 ? word : word + "(" + (v + 1) + ")")
                        .append(' ')
                        .append(said.get(v))
                        .append('\n');
            }
        }
        return new MenuGrammar(jsgf, dictionary.toString(), vocabulary);
    }

    private static Set<String> sayable(String name, List<String> aliases) {
        Set<String> said = new LinkedHashSet<>();
        said.add(SpokenForms.of(name));
        if (aliases != null) {
            // "biriyani" beside "biryani", "lasi" beside "lassi": another spelling of the same sound only
            // makes the transcript spell the dish differently from the menu
            aliases.stream()
                    .map(SpokenForms::of)
                    .filter(a -> said.stream().noneMatch(known -> sameWordSpelledOtherwise(known, a)))
                    .forEach(said::add);
        }
        // an acronym ("pbm") is spelled out letter by letter, which no spelling rule here can guess
        said.removeIf(phrase -> phrase.isBlank()
                || java.util.Arrays.stream(phrase.split(" ")).anyMatch(w -> !w.matches(".*[aeiouy].*")));
        return said;
    }

    static boolean sameWordSpelledOtherwise(String a, String b) {
        return !a.isEmpty()
                && !b.isEmpty()
                && Math.max(a.length(), b.length()) >= 5
                && a.charAt(0) == b.charAt(0)
                && org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance()
                                .apply(a.replace(" ", ""), b.replace(" ", ""))
                        <= 2;
    }

    private static String ruleFor(Map<String, String> rules, Set<String> phrases) {
        return rules.computeIfAbsent(alternatives(phrases), k -> "<option" + rules.size() + ">");
    }

    private static String alternatives(java.util.Collection<String> phrases) {
        return "(" + String.join(" | ", phrases) + ")";
    }
}
