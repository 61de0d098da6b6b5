/**
 * Catalog: menus (categories, items, option groups, aliases, tags, availability), their validation
 * and their import from the JSON and CSV forms of MENU-FORMAT.md.
 */
package io.tiffin.catalog;
