package io.tiffin.catalog.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.identity.Role;
import io.tiffin.identity.TenantAccess;
import io.tiffin.merchant.Merchant;
import io.tiffin.merchant.MerchantDirectory;
import io.tiffin.platform.InvalidInputException;
import io.tiffin.platform.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
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
    private static final int EDIT_ATTEMPTS = 5;

    private final MenuCsvReader csvReader = new MenuCsvReader();

    MenuAdministration(CatalogService catalog, TenantAccess tenantAccess, MerchantDirectory merchants) {
        this.catalog = catalog;
        this.tenantAccess = tenantAccess;
        this.merchants = merchants;
    }

    MenuSnapshot menuOf(String merchantId) {
        requireExisting(merchantId, Role.MERCHANT_OWNER, Role.MERCHANT_STAFF);
        return catalog.current(merchantId).orElseThrow(() -> new NotFoundException("menu of merchant " + merchantId));
    }

    MenuSnapshot replace(String merchantId, Menu menu) {
        requireExisting(merchantId, Role.MERCHANT_OWNER);
        return catalog.replace(merchantId, menu);
    }

    /** The CSV form carries no currency of its own unless a row names one: the merchant's applies. */
    MenuSnapshot replaceFromCsv(String merchantId, String csv) {
        requireExisting(merchantId, Role.MERCHANT_OWNER);
        return catalog.replace(merchantId, csvReader.read(csv, currencyOf(merchantId)));
    }

    MenuPreview preview(String merchantId, Menu menu) {
        requireExisting(merchantId, Role.MERCHANT_OWNER);
        catalog.check(menu);
        return MenuPreview.of(menu);
    }

    MenuPreview previewCsv(String merchantId, String csv) {
        requireExisting(merchantId, Role.MERCHANT_OWNER);
        Menu menu = csvReader.read(csv, currencyOf(merchantId));
        catalog.check(menu);
        return MenuPreview.of(menu);
    }

    /**
     * A quick edit from the tablet: an item's (or one of its options') availability or price. Staff
     * may flip availability (it is the "sold out" switch); what a dish costs is the owner's call. The
     * bot reads the new menu on the next message.
     */
    MenuSnapshot editItem(
            String merchantId, String itemId, String groupId, String optionId, Boolean available, Long price) {
        if (price != null) {
            requireExisting(merchantId, Role.MERCHANT_OWNER);
        } else {
            requireExisting(merchantId, Role.MERCHANT_OWNER, Role.MERCHANT_STAFF);
        }
        if (available == null && price == null) {
            throw new InvalidInputException("", "give available, price or both");
        }
        // two tablets editing at once must not undo each other: apply the edit to the version read
        for (int attempt = 0; attempt < EDIT_ATTEMPTS; attempt++) {
            MenuSnapshot current = menuOf(merchantId);
            Menu edited = edit(current.menu(), itemId, groupId, optionId, available, price);
            MenuSnapshot stored = catalog.replaceIfUnchanged(merchantId, current.version(), edited);
            if (stored != null) {
                return stored;
            }
        }
        throw new OptimisticLockingFailureException("menu of merchant " + merchantId + " kept changing");
    }

    private static Menu edit(Menu menu, String itemId, String groupId, String optionId, Boolean available, Long price) {
        Menu.Item item = menu.item(itemId).orElseThrow(() -> new NotFoundException("item " + itemId));
        Menu.Item edited;
        if (groupId == null) {
            edited = new Menu.Item(
                    item.id(),
                    item.name(),
                    item.aliases(),
                    item.description(),
                    price != null ? price : item.price(),
                    item.tags(),
                    available != null ? available : item.available(),
                    item.optionGroups());
        } else {
            Menu.OptionGroup group = item.group(groupId).orElseThrow(() -> optionNotFound(itemId, groupId, optionId));
            Menu.Option option = group.option(optionId).orElseThrow(() -> optionNotFound(itemId, groupId, optionId));
            Menu.Option changed = new Menu.Option(
                    option.id(),
                    option.name(),
                    price != null ? price : option.price(),
                    option.aliases(),
                    option.selectedByDefault(),
                    available != null ? available : option.available());
            Menu.OptionGroup newGroup = new Menu.OptionGroup(
                    group.id(),
                    group.name(),
                    group.min(),
                    group.max(),
                    group.qualifiers(),
                    group.options().stream().map(o -> o == option ? changed : o).toList());
            edited = new Menu.Item(
                    item.id(),
                    item.name(),
                    item.aliases(),
                    item.description(),
                    item.price(),
                    item.tags(),
                    item.available(),
                    item.optionGroups().stream()
                            .map(g -> g == group ? newGroup : g)
                            .toList());
        }
        return new Menu(
                menu.currency(),
                menu.categories().stream()
                        .map(c -> new Menu.Category(
                                c.name(),
                                c.items().stream()
                                        .map(i -> i == item ? edited : i)
                                        .toList()))
                        .toList());
    }

    private static NotFoundException optionNotFound(String itemId, String groupId, String optionId) {
        return new NotFoundException("option " + groupId + "/" + optionId + " of item " + itemId);
    }

    private String currencyOf(String merchantId) {
        return merchants.byId(merchantId).map(Merchant::currency).orElse(null);
    }

    private void requireExisting(String merchantId, Role... roles) {
        // a merchant user is scoped to their own (existing) merchant; only an admin can name any id
        if (tenantAccess.requireMerchant(merchantId, roles).isAdmin() && !merchants.exists(merchantId)) {
            throw new NotFoundException("merchant " + merchantId);
        }
    }
}
