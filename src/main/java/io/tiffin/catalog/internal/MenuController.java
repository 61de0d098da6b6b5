package io.tiffin.catalog.internal;

import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A merchant's menu over HTTP, as JSON or as the flat CSV form (docs/menu-csv.md). */
@RestController
@RequestMapping("/api/v1/merchants/{merchantId}/menu")
class MenuController {

    private final MenuAdministration menus;

    MenuController(MenuAdministration menus) {
        this.menus = menus;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    MenuSnapshot get(@PathVariable String merchantId) {
        return menus.menuOf(merchantId);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    MenuSnapshot put(@PathVariable String merchantId, @RequestBody Menu menu) {
        return menus.replace(merchantId, menu);
    }

    /** Availability and/or price (owner only) of one item or option; fields left out stay as they are. */
    record ItemEdit(Boolean available, @jakarta.validation.constraints.PositiveOrZero Long price) {
    }

    @PatchMapping(path = "/items/{itemId}", produces = MediaType.APPLICATION_JSON_VALUE)
    MenuSnapshot editItem(@PathVariable String merchantId, @PathVariable String itemId,
            @jakarta.validation.Valid @RequestBody ItemEdit edit) {
        return menus.editItem(merchantId, itemId, null, null, edit.available(), edit.price());
    }

    @PatchMapping(path = "/items/{itemId}/options/{groupId}/{optionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    MenuSnapshot editOption(@PathVariable String merchantId, @PathVariable String itemId, @PathVariable String groupId,
            @PathVariable String optionId, @jakarta.validation.Valid @RequestBody ItemEdit edit) {
        return menus.editItem(merchantId, itemId, groupId, optionId, edit.available(), edit.price());
    }

    @PutMapping(consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    MenuSnapshot putCsv(@PathVariable String merchantId, @RequestBody String csv) {
        return menus.replaceFromCsv(merchantId, csv);
    }

    /** What a PUT of this body would store, checked by the same rules, without storing anything. */
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    MenuPreview preview(@PathVariable String merchantId, @RequestBody Menu menu) {
        return menus.preview(merchantId, menu);
    }

    @PostMapping(path = "/preview", consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    MenuPreview previewCsv(@PathVariable String merchantId, @RequestBody String csv) {
        return menus.previewCsv(merchantId, csv);
    }
}
