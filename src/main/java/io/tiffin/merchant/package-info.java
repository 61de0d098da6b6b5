/** Merchants (tenants): profile, currency, timezone, location, channel bindings and settings. */
package io.tiffin.merchant;
