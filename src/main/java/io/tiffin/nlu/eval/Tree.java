package io.tiffin.nlu.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A node of a bracketed order tree as the PIZZA and FoodOrdering datasets write them:
 * {@code (ORDER (PIZZAORDER (NUMBER 2 ) (TOPPING HAM ) ) )}. A leaf is a word with no children.
 */
record Tree(String label, List<Tree> children) {

    Tree {
        children = List.copyOf(children);
    }

    private static final java.util.regex.Pattern TYPED = java.util.regex.Pattern.compile("([A-Z][A-Z_]*)\\((.+)\\)");

    static Tree leaf(String word) {
        return new Tree(word, List.of());
    }

    /**
     * A catalog entity as the dev trees write it: {@code ESPRESSO_SHOT(2)} (a typed value inside a
     * slot) is {@code (ESPRESSO_SHOT 2 )}; any other entity, {@code Or(a,b)} included, is a leaf.
     */
    static Tree entity(String value) {
        var typed = TYPED.matcher(value);
        return typed.matches() ? node(typed.group(1), leaf(typed.group(2))) : leaf(value);
    }

    static Tree node(String label, Tree... children) {
        return new Tree(label, List.of(children));
    }

    static Tree node(String label, List<Tree> children) {
        return new Tree(label, children);
    }

    boolean isLeaf() {
        return children.isEmpty();
    }

    /** Every tree in the text, in order: the FoodOrdering TOP-Alias form has several roots and no ORDER. */
    static List<Tree> parseAll(String text) {
        String[] tokens = text.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+");
        List<Tree> roots = new ArrayList<>();
        int[] at = {0};
        while (at[0] < tokens.length) {
            if (!tokens[at[0]].equals("(")) {
                throw new IllegalArgumentException("expected '(' at token " + at[0] + " of " + text);
            }
            roots.add(parse(tokens, at));
        }
        return roots;
    }

    private static Tree parse(String[] tokens, int[] at) {
        at[0]++; // (
        String label = tokens[at[0]++];
        List<Tree> children = new ArrayList<>();
        while (!tokens[at[0]].equals(")")) {
            if (tokens[at[0]].equals("(")) {
                children.add(parse(tokens, at));
            } else {
                children.add(leaf(tokens[at[0]++]));
            }
        }
        at[0]++; // )
        return new Tree(label, children);
    }

    /**
     * A string that is equal for two trees exactly when they match with sibling order ignored: the
     * unordered exact match of the PIZZA authors (same labels, children paired one to one).
     */
    String canonical() {
        if (isLeaf()) {
            return label;
        }
        List<String> parts = new ArrayList<>();
        for (Tree child : children) {
            parts.add(child.canonical());
        }
        parts.sort(null);
        return "(" + label + " " + String.join(" ", parts) + " )";
    }

    /** The dataset's own notation, children in their given order. */
    @Override
    public String toString() {
        if (isLeaf()) {
            return label;
        }
        StringBuilder out = new StringBuilder("(").append(label);
        for (Tree child : children) {
            out.append(' ').append(child);
        }
        return out.append(" )").toString();
    }

    /** Visits every node with the labels above it, root first. */
    void walk(List<String> path, Consumer<Visit> visitor) {
        visitor.accept(new Visit(this, path));
        List<String> below = new ArrayList<>(path);
        below.add(label);
        for (Tree child : children) {
            if (!child.isLeaf()) {
                child.walk(below, visitor);
            }
        }
    }

    record Visit(Tree node, List<String> path) {}
}
