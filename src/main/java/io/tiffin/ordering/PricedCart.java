package io.tiffin.ordering;

import java.util.List;

/**
 * A cart priced by the server from the current menu and the merchant's store rules: the lines, then
 * the charges on top of them (packaging, delivery, tax), and the total of both. Money in minor units.
 */
public record PricedCart(String currency, List<PricedLine> lines, List<Charge> charges, long total) {

    /** A charge on top of the lines, with an English label for the kitchen and the API. */
    public record Charge(Kind kind, String label, long amount) {

        public enum Kind {
            PACKAGING,
            DELIVERY,
            TAX
        }
    }

    public PricedCart {
        lines = List.copyOf(lines);
        charges = charges == null ? List.of() : List.copyOf(charges);
    }

    /** Lines only, no charges: the total is what the lines add up to. */
    public PricedCart(String currency, List<PricedLine> lines, long total) {
        this(currency, lines, List.of(), total);
    }

    /** What the lines add up to, before charges; the minimum order is checked against it. */
    public long subtotal() {
        return lines.stream().mapToLong(PricedLine::lineTotal).reduce(0, Math::addExact);
    }

    public record PricedOption(
            String groupId,
            String optionId,
            String name,
            LineRequest.Qualifier qualifier,
            long unitPrice,
            boolean shown) {}

    /**
     * A priced line; {@code declined} are the qualified options the customer refused ("no extra
     * cheese"), named for the kitchen, never charged.
     */
    public record PricedLine(
            String itemId,
            String name,
            int quantity,
            List<PricedOption> options,
            String notes,
            long unitPrice,
            long lineTotal,
            List<PricedOption> declined) {

        public PricedLine {
            declined = declined == null ? List.of() : List.copyOf(declined);
        }

        public PricedLine(
                String itemId,
                String name,
                int quantity,
                List<PricedOption> options,
                String notes,
                long unitPrice,
                long lineTotal) {
            this(itemId, name, quantity, options, notes, unitPrice, lineTotal, List.of());
        }

        /**
         * The customer's note for the kitchen under the name the API also uses for it; part of the
         * JSON view only (the stored field is {@code notes}).
         */
        @com.fasterxml.jackson.annotation.JsonProperty(
                value = "note",
                access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
        public String note() {
            return notes;
        }

        /**
         * The choices made on the line, not the defaults kept, in English ("extra Cheese"); the
         * conversation words them in the customer's language from its templates.
         */
        public String optionSummary() {
            return String.join(
                    ", ",
                    options.stream()
                            .filter(PricedOption::shown)
                            .map(o -> switch (o.qualifier() == null ? LineRequest.Qualifier.LIGHT : o.qualifier()) {
                                case EXTRA -> "extra " + o.name();
                                case NO -> "no " + o.name();
                                case LIGHT -> o.qualifier() == null ? o.name() : "light " + o.name();
                            })
                            .toList());
        }
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
