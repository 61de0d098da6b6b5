package io.tiffin.platform.text;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The reply templates of {@code flows/templates/<language>.yml}, compiled once. A language that lacks
 * a key falls back to English, so a partial translation still answers everything. Lives in the open
 * platform module because both the conversation (replies) and notification (order updates) speak to
 * customers from the same files.
 */
@Component
public class Templates {

    public static final String FALLBACK = "en";

    private final ResourceLoader resources;
    private final String location;
    private final Mustache.Compiler compiler =
            Mustache.compiler().escapeHTML(false).defaultValue("").emptyStringIsFalse(true);
    private final Map<String, Map<String, Object>> languages = new ConcurrentHashMap<>();
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    public Templates(ResourceLoader resources, @Value("${tiffin.flows.location:classpath:/flows/}") String location) {
        this.resources = resources;
        this.location = location.endsWith("/") ? location : location + "/";
        if (raw(FALLBACK).isEmpty()) {
            throw new IllegalStateException("no English templates at " + this.location + "templates/en.yml");
        }
    }

    public String render(String language, String key, Map<String, ?> model) {
        String lang = language == null ? FALLBACK : language;
        Template template = compiled.computeIfAbsent(lang + ":" + key, k -> compiler.compile(text(lang, key)));
        return template.execute(model).strip();
    }

    /**
     * A nested value such as {@code buttons.confirm} or {@code status_text.PLACED}, looked up in the
     * language, then in its primary language ("hi-IN" reads {@code hi.yml}), then in English.
     */
    public String text(String language, String key) {
        String lang = language == null ? FALLBACK : language;
        Object value = lookup(raw(lang), key);
        int region = lang.indexOf('-');
        if (value == null && region > 0) {
            value = lookup(raw(lang.substring(0, region)), key);
        }
        if (value == null) {
            value = lookup(raw(FALLBACK), key);
        }
        if (value == null) {
            throw new IllegalStateException("no template " + key);
        }
        return value.toString();
    }

    private static Object lookup(Map<String, Object> root, String key) {
        Object node = root;
        for (String part : key.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }

    private Map<String, Object> raw(String language) {
        return languages.computeIfAbsent(language, this::load);
    }

    private Map<String, Object> load(String language) {
        if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            return Map.of();
        }
        Resource resource = resources.getResource(location + "templates/" + language + ".yml");
        if (!resource.exists()) {
            return Map.of();
        }
        try (InputStream in = resource.getInputStream()) {
            Map<String, Object> loaded = new Yaml().load(in);
            return loaded == null ? Map.of() : new HashMap<>(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates for " + language, e);
        }
    }
}
