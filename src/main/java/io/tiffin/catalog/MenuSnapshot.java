package io.tiffin.catalog;

import java.time.Instant;

/** The stored menu of one merchant at one version; the version changes with every import or edit. */
public record MenuSnapshot(String merchantId, long version, Instant updatedAt, Menu menu) {}
