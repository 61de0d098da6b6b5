package io.tiffin.platform.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the embedded stores keep their files ({@code TIFFIN_DATA_DIR}). */
@ConfigurationProperties("tiffin")
public record StoreProperties(@DefaultValue("./data") String dataDir) {}
