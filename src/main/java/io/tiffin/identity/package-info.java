/**
 * Identity: users, roles, login, signed bearer tokens, login throttling, and the tenant scoping
 * every service applies through {@link io.tiffin.identity.TenantAccess}.
 */
package io.tiffin.identity;
