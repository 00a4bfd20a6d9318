package app.kith.web;

import app.kith.agenda.Suggestion;
import app.kith.interaction.Kind;
import gg.jte.Content;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The kinds of touch as the options of Today's log form, the one its suggestion names selected. Today repeats the
 * same few lists on every entry (fifty lists of nine options make most of the page's values), so each list is
 * rendered once, when the server starts, by its template ({@code today/kindOptions.jte}), and its UTF-8 copied into
 * each page as it is.
 */
public final class KindOptions {
    private final Map<Kind, Content> bySelected = new EnumMap<>(Kind.class);

    KindOptions(Templates templates) {
        for (Kind kind : Kind.values()) {
            byte[] html = templates.bytes("today/kindOptions.jte", new Choice(TodayPages.KINDS, kind.word()));
            bySelected.put(kind, output -> output.writeBinaryContent(html));
        }
    }

    /** The options with the kind of touch a suggestion names selected: coffee to meet, a video call, or a message. */
    public Content suggested(Suggestion.Format format) {
        return bySelected.get(kindFor(format));
    }

    /** The kind of touch a suggestion names: coffee to meet, a video call, or a message. */
    static Kind kindFor(Suggestion.Format format) {
        return switch (format) {
            case IN_PERSON -> Kind.COFFEE;
            case VIDEO -> Kind.VIDEO;
            case MESSAGE -> Kind.MESSAGE;
        };
    }

    /** The model of one list: every kind's word, and the one selected. */
    public record Choice(List<String> kinds, String selected) {
    }
}
