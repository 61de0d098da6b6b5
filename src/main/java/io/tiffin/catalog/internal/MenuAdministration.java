package io.tiffin.catalog.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.identity.Role;
import io.tiffin.identity.TenantAccess;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.platform.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The merchant-facing side of the catalog: who may read or replace a menu, and the CSV import.
 * Kept apart from {@link CatalogService}, whose reads serve customer messages with no user signed in.
 */
@Service
class MenuAdministration {

    private final CatalogService catalog;
    private final TenantAccess tenantAccess;
    private final MerchantDirectory merchants;
    private final MenuCsvReader csvReader = new MenuCsvReader();

    MenuAdministration(CatalogService catalog, TenantAccess tenantAccess, MerchantDirectory merchants) {
        this.catalog = catalog;
        this.tenantAccess = tenantAccess;
        this.merchants = merchants;
    }

    MenuSnapshot menuOf(String merchantId) {
        requireExisting(merchantId);
        return catalog.current(merchantId).orElseThrow(() -> new NotFoundException("menu of merchant " + merchantId));
    }

    MenuSnapshot replace(String merchantId, Menu menu) {
        requireExisting(merchantId, Role.MERCHANT_OWNER);
        return catalog.replace(merchantId, menu);
    }

    /** The CSV form carries no currency of its own unless a row names one: the merchant's applies. */
    MenuSnapshot replaceFromCsv(String merchantId, String csv) {
        requireExisting(merchantId, Role.MERCHANT_OWNER);
        String currency = merchants.byId(merchantId).map(Merchant::currency).orElse(null);
        return catalog.replace(merchantId, csvReader.read(csv, currency));
    }

    /**
     * A quick edit from the tablet: an item's (or one of its options') availability or price. Staff
     * may do it (it is the "sold out" switch); the bot reads the new menu on the next message.
     */
    MenuSnapshot editItem(String merchantId, String itemId, String groupId, String optionId, Boolean available, Long price) {
        requireExisting(merchantId);
        Menu menu = menuOf(merchantId).menu();
        if (menu.item(itemId).isEmpty()) {
            throw new NotFoundException("item " + itemId);
        }
        boolean[] found = {groupId == null};
        Menu edited = new Menu(menu.currency(), menu.categories().stream().map(c -> new Menu.Category(c.name(),
                c.items().stream().map(i -> !i.id().equals(itemId) ? i : groupId == null
                        ? new Menu.Item(i.id(), i.name(), i.aliases(), i.description(), price != null ? price : i.price(),
                                i.tags(), available != null ? available : i.available(), i.optionGroups())
                        : new Menu.Item(i.id(), i.name(), i.aliases(), i.description(), i.price(), i.tags(), i.available(),
                                i.optionGroups().stream().map(g -> !g.id().equals(groupId) ? g
                                        : new Menu.OptionGroup(g.id(), g.name(), g.min(), g.max(), g.qualifiers(),
                                                g.options().stream().map(o -> {
                                                    if (!o.id().equals(optionId)) {
                                                        return o;
                                                    }
                                                    found[0] = true;
                                                    return new Menu.Option(o.id(), o.name(), price != null ? price : o.price(),
                                                            o.aliases(), o.selectedByDefault(), available != null ? available : o.available());
                                                }).toList())).toList())).toList())).toList());
        if (!found[0]) {
            throw new NotFoundException("option " + groupId + "/" + optionId + " of item " + itemId);
        }
        return catalog.replace(merchantId, edited);
    }

    private void requireExisting(String merchantId, Role... roles) {
        // a merchant user is scoped to their own (existing) merchant; only an admin can name any id
        if (tenantAccess.requireMerchant(merchantId, roles).isAdmin() && !merchants.exists(merchantId)) {
            throw new NotFoundException("merchant " + merchantId);
        }
    }
}
