package io.tiffin.merchant.internal;

import io.tiffin.merchant.Merchant;
import java.util.List;

/** One page of {@code GET /api/v1/merchants}: the merchants on it and how many there are in all. */
record MerchantPage(List<Merchant> items, long total, int page, int size) {}
