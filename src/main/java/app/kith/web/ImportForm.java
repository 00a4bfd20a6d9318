package app.kith.web;

/** The Import form's choices as sent, and what was wrong with them (null when nothing was). */
public record ImportForm(String format, String circle, boolean dryRun, boolean skipBadRows, String error) {
    static ImportForm blank() {
        return new ImportForm("linkedin", "", false, false, null);
    }
}
