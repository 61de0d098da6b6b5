/**
 * Merchants (tenants): profile, currency, timezone, location, channel bindings and store rules
 * (opening hours, minimum order, delivery fee and radius, packaging, tax).
 */
package io.tiffin.merchant;
