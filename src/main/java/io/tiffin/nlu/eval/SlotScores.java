package io.tiffin.nlu.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-slot precision, recall and F1 over the slot facts of each utterance: a fact is a node whose
 * children are all leaves, named by its label with any composite above it ({@code NOT>TOPPING},
 * {@code COMPLEX_TOPPING>QUANTITY}) and keyed by its intent, path and value. Intents count too.
 */
final class SlotScores {

    private static final class Count {
        int gold;
        int predicted;
        int correct;
    }

    private final Map<String, Count> bySlot = new TreeMap<>();

    void add(Tree gold, Tree predicted) {
        Map<String, List<String>> goldFacts = facts(gold);
        Map<String, List<String>> predictedFacts = facts(predicted);
        for (var entry : goldFacts.entrySet()) {
            count(entry.getKey()).gold += entry.getValue().size();
        }
        for (var entry : predictedFacts.entrySet()) {
            Count count = count(entry.getKey());
            count.predicted += entry.getValue().size();
            List<String> remaining = new ArrayList<>(goldFacts.getOrDefault(entry.getKey(), List.of()));
            for (String fact : entry.getValue()) {
                if (remaining.remove(fact)) {
                    count.correct++;
                }
            }
        }
    }

    private Count count(String slot) {
        return bySlot.computeIfAbsent(slot, s -> new Count());
    }

    private static Map<String, List<String>> facts(Tree order) {
        Map<String, List<String>> facts = new HashMap<>();
        for (Tree intent : order.children()) {
            String intentKey = intent.canonical();
            facts.computeIfAbsent(intent.label(), s -> new ArrayList<>()).add(intentKey);
            intent.walk(List.of(), visit -> {
                Tree node = visit.node();
                if (node == intent || node.children().stream().anyMatch(c -> !c.isLeaf())) {
                    return;
                }
                List<String> above = visit.path().subList(1, visit.path().size());
                String slot = above.isEmpty() ? node.label() : String.join(">", above) + ">" + node.label();
                // the value and, for a composite, its sibling facts: (COMPLEX (QUANTITY EXTRA) (TOPPING HAM))
                // counts QUANTITY right only with the right topping
                facts.computeIfAbsent(slot, s -> new ArrayList<>()).add(intent.label() + "|" + node.canonical());
            });
        }
        return facts;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-28s %6s %6s %6s %6s %6s", "slot", "gold", "pred", "P", "R", "F1"));
        for (var entry : bySlot.entrySet()) {
            Count c = entry.getValue();
            double p = c.predicted == 0 ? 0 : (double) c.correct / c.predicted;
            double r = c.gold == 0 ? 0 : (double) c.correct / c.gold;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            lines.add(String.format("%-28s %6d %6d %6.3f %6.3f %6.3f", entry.getKey(), c.gold, c.predicted, p, r, f));
        }
        return lines;
    }
}
