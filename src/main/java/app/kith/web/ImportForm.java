package app.kith.web;

import app.kith.exchange.ImportFormat;

/** The Import form's choices as sent, and what was wrong with them (null when nothing was). */
public record ImportForm(String format, String circle, boolean dryRun, boolean skipBadRows, String error) {
    /**
     * The form as an address asks for it: LinkedIn's connections and nothing ticked, unless it says otherwise. After a
     * failed import, its page links back with the file's kind ({@code format}) and, when one bad row stopped it,
     * {@code skipBadRows=true}.
     */
    static ImportForm asked(String format, String skipBadRows) {
        return new ImportForm(ImportFormat.find(format).orElse(ImportFormat.LINKEDIN).word(), "", false, "true".equals(skipBadRows), null);
    }
}
