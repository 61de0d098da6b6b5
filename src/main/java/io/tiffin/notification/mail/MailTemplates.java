package io.tiffin.notification.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.tiffin.platform.text.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Email bodies from {@code flows/mail/<language>/<name>.html} and {@code .txt}, the subject from the
 * reply templates ({@code mail_subject_<name>}). A language without the file falls back to its primary
 * language, then English. The HTML escapes every value (a customer's name cannot become markup); the
 * text does not.
 */
@Component
class MailTemplates {

    record Rendered(String subject, String html, String text) {}

    private final ResourceLoader resources;
    private final String location;
    private final Templates templates;
    private final Mustache.Compiler html =
            Mustache.compiler().escapeHTML(true).defaultValue("").emptyStringIsFalse(true);
    private final Mustache.Compiler text =
            Mustache.compiler().escapeHTML(false).defaultValue("").emptyStringIsFalse(true);
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    MailTemplates(
            ResourceLoader resources,
            @Value("${tiffin.flows.location:classpath:/flows/}") String location,
            Templates templates) {
        this.resources = resources;
        this.location = (location.endsWith("/") ? location : location + "/") + "mail/";
        this.templates = templates;
    }

    Rendered render(String language, String name, Map<String, ?> model) {
        String lang = language == null ? Templates.FALLBACK : language;
        return new Rendered(
                templates.render(lang, "mail_subject_" + name, model),
                template(lang, name, "html", html).execute(model),
                template(lang, name, "txt", text).execute(model).strip());
    }

    private Template template(String language, String name, String extension, Mustache.Compiler compiler) {
        return compiled.computeIfAbsent(language + "/" + name + "." + extension, key -> {
            int region = language.indexOf('-');
            for (String lang : region > 0
                    ? new String[] {language, language.substring(0, region), Templates.FALLBACK}
                    : new String[] {language, Templates.FALLBACK}) {
                Resource file = resources.getResource(location + lang + "/" + name + "." + extension);
                if (file.exists()) {
                    try (InputStream in = file.getInputStream()) {
                        return compiler.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            throw new IllegalStateException("no email template " + location + "en/" + name + "." + extension);
        });
    }
}
