package io.tiffin.catalog.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tiffin.catalog.Menu;
import io.tiffin.catalog.MenuSnapshot;
import io.tiffin.platform.InvalidInputException;
import java.util.List;
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
@Tag(name = "Menus")
@SecurityRequirement(name = "bearer")
class MenuController {

    private final MenuAdministration menus;

    MenuController(MenuAdministration menus) {
        this.menus = menus;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The stored menu with its version: {merchantId, version, updatedAt, menu} (the merchant's users)")
    MenuSnapshot get(@PathVariable String merchantId) {
        return menus.menuOf(merchantId);
    }

    /**
     * A JSON menu as MENU-FORMAT.md writes it ({@code {"currency","categories"}}), or as GET answers it,
     * wrapped with its merchant and version ({@code {"merchantId","version","updatedAt","menu"}}): what
     * was downloaded can be edited and uploaded as it is. The wrapper's other fields are ignored.
     */
    record MenuBody(String currency, List<Menu.Category> categories, Menu menu) {

        Menu toMenu() {
            if (menu == null) {
                return new Menu(currency, categories);
            }
            if (currency != null || categories != null) {
                throw new InvalidInputException(
                        "menu", "send the menu itself or the menu API's answer with its \"menu\", not both");
            }
            return menu;
        }
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "Replace the menu with a JSON menu, or with what GET answers (admin or owner); an invalid menu is refused whole")
    MenuSnapshot put(@PathVariable String merchantId, @RequestBody MenuBody menu) {
        return menus.replace(merchantId, menu.toMenu());
    }

    /** Availability and/or price (owner only) of one item or option; fields left out stay as they are. */
    record ItemEdit(
            Boolean available,
            @jakarta.validation.constraints.PositiveOrZero Long price) {}

    @PatchMapping(path = "/items/{itemId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark an item available or sold out (owner or staff), or change its price (owner)")
    MenuSnapshot editItem(
            @PathVariable String merchantId,
            @PathVariable String itemId,
            @jakarta.validation.Valid @RequestBody ItemEdit edit) {
        return menus.editItem(merchantId, itemId, null, null, edit.available(), edit.price());
    }

    @PatchMapping(path = "/items/{itemId}/options/{groupId}/{optionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark an option available or sold out (owner or staff), or change its extra price (owner)")
    MenuSnapshot editOption(
            @PathVariable String merchantId,
            @PathVariable String itemId,
            @PathVariable String groupId,
            @PathVariable String optionId,
            @jakarta.validation.Valid @RequestBody ItemEdit edit) {
        return menus.editItem(merchantId, itemId, groupId, optionId, edit.available(), edit.price());
    }

    @PutMapping(consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the menu with its flat CSV form (admin or owner)")
    MenuSnapshot putCsv(@PathVariable String merchantId, @RequestBody String csv) {
        return menus.replaceFromCsv(merchantId, csv);
    }

    /** What a PUT of this body would store, checked by the same rules, without storing anything. */
    @PostMapping(
            path = "/preview",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "Check a JSON menu (or what GET answers) by the same rules as PUT and show the parsed menu with its counts, storing nothing")
    MenuPreview preview(@PathVariable String merchantId, @RequestBody MenuBody menu) {
        return menus.preview(merchantId, menu.toMenu());
    }

    @PostMapping(path = "/preview", consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "Check a CSV menu by the same rules as PUT and show the parsed menu with its counts, storing nothing")
    MenuPreview previewCsv(@PathVariable String merchantId, @RequestBody String csv) {
        return menus.previewCsv(merchantId, csv);
    }
}
