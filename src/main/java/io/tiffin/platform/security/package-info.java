/** Cryptographic helpers shared by every webhook: HMAC signatures and constant-time comparison. */
package io.tiffin.platform.security;
