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

    private void requireExisting(String merchantId, Role... roles) {
        // a merchant user is scoped to their own (existing) merchant; only an admin can name any id
        if (tenantAccess.requireMerchant(merchantId, roles).isAdmin() && !merchants.exists(merchantId)) {
            throw new NotFoundException("merchant " + merchantId);
        }
    }
}
