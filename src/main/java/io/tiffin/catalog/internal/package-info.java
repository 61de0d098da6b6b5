/**
 * The catalog's implementation: validation, CSV import, storage in the {@code menus} collection and
 * the menu endpoints.
 */
package io.tiffin.catalog.internal;
