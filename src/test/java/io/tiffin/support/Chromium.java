package io.tiffin.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Debian's Chromium driven headless by Playwright; browser tests skip where it is not installed. */
public final class Chromium implements AutoCloseable {

    private static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium() {
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    /** Launches it, or skips the calling test class when Chromium is missing. */
    public static Chromium launch() {
        Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE), "Debian's chromium is not installed");
        return new Chromium();
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
