package io.tiffin.speech;

/**
 * What was heard: lower-case words as the engine wrote them, how sure it is (0..1), and which engine
 * answered ({@code menu-grammar}, {@code free-speech} or {@code remote}).
 */
public record Transcript(String text, double confidence, String engine) {

    public Transcript {
        text = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
