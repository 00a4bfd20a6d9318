package app.kith.web;

import gg.jte.Content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kinds of touch as the options of a log form, one of them selected. Today repeats the same few lists on every
 * entry (fifty lists of nine options make most of the page's values), so each list is rendered once, when the server
 * starts, by its template ({@code today/kindOptions.jte}), and its UTF-8 copied into each page as it is.
 */
public final class KindOptions {
    private final Map<String, Content> bySelected;

    KindOptions(Templates templates, List<String> kinds) {
        Map<String, Content> lists = new HashMap<>();
        for (String kind : kinds) {
            byte[] html = templates.bytes("today/kindOptions.jte", new Choice(kinds, kind));
            lists.put(kind, output -> output.writeBinaryContent(html));
        }
        bySelected = Map.copyOf(lists);
    }

    /** The options with {@code kind} selected. */
    public Content selecting(String kind) {
        Content options = bySelected.get(kind);
        if (options == null) {
            throw new IllegalArgumentException("no such kind of touch: " + kind);
        }
        return options;
    }

    /** The model of one list: every kind, and the one selected. */
    public record Choice(List<String> kinds, String selected) {
    }
}
