package io.tiffin.ordering;

import java.util.List;

/** A cart priced by the server from the current menu. Money in minor units. */
public record PricedCart(String currency, List<PricedLine> lines, long total) {

    public record PricedOption(String groupId, String optionId, String name, LineRequest.Qualifier qualifier,
            long unitPrice, boolean shown) {
    }

    public record PricedLine(String itemId, String name, int quantity, List<PricedOption> options, String notes,
            long unitPrice, long lineTotal) {

        /** What a customer reads after the name: the choices they made, not the defaults they kept. */
        public String optionSummary() {
            return String.join(", ", options.stream().filter(PricedOption::shown).map(o -> switch (
                    o.qualifier() == null ? LineRequest.Qualifier.LIGHT : o.qualifier()) {
                case EXTRA -> "extra " + o.name();
                case NO -> "no " + o.name();
                case LIGHT -> o.qualifier() == null ? o.name() : "light " + o.name();
            }).toList());
        }
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
