package io.tiffin.ordering;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.Menu.Item;
import io.tiffin.catalog.Menu.Option;
import io.tiffin.catalog.Menu.OptionGroup;
import io.tiffin.merchant.StoreRules;
import io.tiffin.ordering.LineRequest.OptionRequest;
import io.tiffin.ordering.LineRequest.Qualifier;
import io.tiffin.ordering.PricedCart.Charge;
import io.tiffin.ordering.PricedCart.PricedLine;
import io.tiffin.ordering.PricedCart.PricedOption;
import io.tiffin.ordering.PricingException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prices cart lines from the menu alone (MENU-FORMAT.md): item price plus the chosen options, defaults
 * included unless removed, an {@code extra} counted twice, times the quantity.
 */
public final class Pricing {

    private Pricing() {}

    public static PricedCart price(Menu menu, List<LineRequest> lines) {
        List<PricedLine> priced = new ArrayList<>(lines.size());
        long total = 0;
        for (LineRequest line : lines) {
            PricedLine p = priceLine(menu, line);
            priced.add(p);
            total = Math.addExact(total, p.lineTotal());
        }
        return new PricedCart(menu.currency(), List.copyOf(priced), total);
    }

    /**
     * The lines, then the merchant's charges: packaging once per order, the delivery fee for a
     * delivery (by the drop-off's distance when the fee goes by bands), and tax on the lines and
     * packaging. {@code fulfilment} null means not chosen yet: a delivery fee shows only when it does
     * not depend on where the order goes. With a delivery whose distance is unknown (an address the
     * merchant places on the map), banded fees charge the highest band.
     */
    public static PricedCart price(
            Menu menu, List<LineRequest> lines, StoreRules rules, Order.FulfilmentType fulfilment, Double distanceKm) {
        PricedCart items = price(menu, lines);
        List<Charge> charges = new ArrayList<>();
        if (rules.packagingCharge() > 0) {
            charges.add(new Charge(Charge.Kind.PACKAGING, "Packaging", rules.packagingCharge()));
        }
        boolean feeKnown = fulfilment == Order.FulfilmentType.DELIVERY
                || fulfilment == null
                        && rules.deliveryFee() != null
                        && !rules.deliveryFee().dependsOnDistance();
        long fee = feeKnown ? rules.deliveryFeeFor(distanceKm) : 0;
        if (fee > 0) {
            charges.add(new Charge(Charge.Kind.DELIVERY, "Delivery", fee));
        }
        long tax = rules.taxOn(Math.addExact(items.subtotal(), rules.packagingCharge()));
        if (tax > 0) {
            charges.add(new Charge(
                    Charge.Kind.TAX,
                    "Tax " + rules.taxPercent().stripTrailingZeros().toPlainString() + "%",
                    tax));
        }
        long total = items.total();
        for (Charge charge : charges) {
            total = Math.addExact(total, charge.amount());
        }
        return new PricedCart(items.currency(), items.lines(), charges, total);
    }

    public static PricedLine priceLine(Menu menu, LineRequest line) {
        Item item = menu.item(line.itemId())
                .orElseThrow(() -> new PricingException(
                        Reason.UNKNOWN_ITEM, line.itemId(), "no item " + line.itemId(), Map.of("item", line.itemId())));
        if (!item.isAvailable()) {
            throw new PricingException(
                    Reason.UNAVAILABLE_ITEM, item.id(), item.name() + " is not available", Map.of("item", item.name()));
        }
        for (OptionRequest request : line.options()) {
            OptionGroup group = item.group(request.groupId()).orElseThrow(() -> unknownOption(item, request));
            Option option = group.option(request.optionId()).orElseThrow(() -> unknownOption(item, request));
            Qualifier qualifier = request.qualifier();
            if (qualifier != null
                    && !group.qualifiers().contains(qualifier.name().toLowerCase(Locale.ROOT))) {
                throw new PricingException(
                        Reason.QUALIFIER_NOT_ALLOWED,
                        item.id(),
                        qualifier.name().toLowerCase(Locale.ROOT) + " " + option.name() + " is not offered",
                        Map.of("item", item.name(), "option", option.name(), "qualifier", qualifier.name()));
            }
        }
        List<PricedOption> options = new ArrayList<>();
        long unit = item.price() == null ? 0 : item.price();
        for (OptionGroup group : item.optionGroups()) {
            List<OptionRequest> asked = line.options().stream()
                    .filter(o -> o.groupId().equals(group.id()))
                    .toList();
            for (PricedOption option : priceGroup(item, group, asked)) {
                options.add(option);
                if (option.qualifier() != Qualifier.NO) {
                    unit = Math.addExact(
                            unit, option.qualifier() == Qualifier.EXTRA ? 2 * option.unitPrice() : option.unitPrice());
                }
            }
        }
        return new PricedLine(
                item.id(),
                item.name(),
                line.quantity(),
                List.copyOf(options),
                line.notes(),
                unit,
                Math.multiplyExact(unit, line.quantity()),
                declined(item, line));
    }

    /** The refusals of options the item has, by their names; one the item does not have means nothing to the kitchen. */
    private static List<PricedOption> declined(Item item, LineRequest line) {
        List<PricedOption> declined = new ArrayList<>();
        for (OptionRequest refused : line.declined()) {
            item.group(refused.groupId())
                    .flatMap(g -> g.option(refused.optionId()))
                    .ifPresent(option -> declined.add(new PricedOption(
                            refused.groupId(), option.id(), option.name(), refused.qualifier(), 0, true)));
        }
        return List.copyOf(declined);
    }

    private static List<PricedOption> priceGroup(Item item, OptionGroup group, List<OptionRequest> asked) {
        List<PricedOption> result = new ArrayList<>();
        if (group.isSingleChoice()) {
            OptionRequest chosen = asked.isEmpty() ? null : asked.get(asked.size() - 1);
            Option option = chosen != null
                    ? group.option(chosen.optionId()).orElseThrow()
                    : group.defaults().stream().findFirst().orElseThrow(() -> missingChoice(item, group));
            requireAvailable(item, option);
            result.add(new PricedOption(
                    group.id(), option.id(), option.name(), null, option.priceOrZero(), chosen != null));
            return result;
        }
        for (Option option : group.options()) {
            OptionRequest request = asked.stream()
                    .filter(a -> a.optionId().equals(option.id()))
                    .reduce((a, b) -> b)
                    .orElse(null);
            Qualifier qualifier = request == null ? null : request.qualifier();
            if (request == null && !option.isDefault()) {
                continue;
            }
            if (qualifier == Qualifier.NO && !option.isDefault()) {
                // "no onions" on a pizza without onions still reaches the ticket: for an allergy the
                // kitchen must read it; it costs nothing and counts as no pick
                result.add(new PricedOption(group.id(), option.id(), option.name(), qualifier, 0L, true));
                continue;
            }
            if (qualifier != Qualifier.NO) {
                requireAvailable(item, option);
            }
            boolean shown = request != null && !(option.isDefault() && qualifier == null);
            result.add(
                    new PricedOption(group.id(), option.id(), option.name(), qualifier, option.priceOrZero(), shown));
        }
        long selected =
                result.stream().filter(o -> o.qualifier() != Qualifier.NO).count();
        if (group.max() != null && selected > group.max()) {
            throw new PricingException(
                    Reason.TOO_MANY_OPTIONS,
                    item.id(),
                    "at most " + group.max() + " " + group.name().toLowerCase(Locale.ROOT) + " for " + item.name(),
                    Map.of("item", item.name(), "group", group.name(), "max", String.valueOf(group.max())));
        }
        if (selected < group.minOrZero()) {
            throw missingChoice(item, group);
        }
        return result;
    }

    private static void requireAvailable(Item item, Option option) {
        if (!option.isAvailable()) {
            throw new PricingException(
                    Reason.UNAVAILABLE_OPTION,
                    item.id(),
                    option.name() + " is not available",
                    Map.of("item", item.name(), "option", option.name()));
        }
    }

    private static PricingException missingChoice(Item item, OptionGroup group) {
        return new PricingException(
                Reason.MISSING_CHOICE,
                item.id(),
                item.name() + " needs a " + group.name().toLowerCase(Locale.ROOT),
                Map.of("item", item.name(), "group", group.name()));
    }

    private static PricingException unknownOption(Item item, OptionRequest request) {
        return new PricingException(
                Reason.UNKNOWN_OPTION,
                item.id(),
                item.name() + " has no option " + request.groupId() + "/" + request.optionId(),
                Map.of("item", item.name()));
    }
}
