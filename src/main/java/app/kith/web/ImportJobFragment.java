package app.kith.web;

import app.kith.exchange.ImportFormat;
import app.kith.exchange.ImportJobs;
import app.kith.exchange.Skip;

import java.util.List;

/**
 * The model of the part of an import's page that htmx polls: progress while it runs, then the summary or the error.
 * {@code polled} when it answers htmx's poll rather than being part of the whole page: then the end of an import is
 * also said in the page's live region ({@code #import-said}), which stays in place across polls so that a screen
 * reader says the change once. The status inside the polled part is not a live region itself: replaced every second,
 * it would be read every second, or never. A failure is said by its own alert, which a screen reader reads as it comes.
 */
public record ImportJobFragment(ImportJobs.Job job, boolean polled) {
    /** The skipped rows listed one by one; the rest are counted. */
    static final int SKIPPED_SHOWN = 20;

    /** One sentence on where the import stands. */
    public String status() {
        return switch (job.state()) {
            case QUEUED -> "Waiting to start…";
            case RUNNING -> job.totalRows() == 0 ? "Reading the file…"
                    : job.doneRows() >= job.totalRows() ? "Saving " + job.totalRows() + " " + entries() + "…"
                    : "Checked " + job.doneRows() + " of " + job.totalRows() + " " + entries() + "…";
            case DONE -> (job.summary().dryRun() ? "Dry run, nothing written: " : "Imported ") + job.summary().format()
                    + ", " + job.summary().rowsCounted() + ".";
            case FAILED -> FieldError.sentence(job.error());
        };
    }

    /** What the file's entries are called: a vCard file's are cards, spanning many lines each. */
    private String entries() {
        return job.format() == ImportFormat.VCARD ? "cards" : "rows";
    }

    public List<Skip> skippedShown() {
        List<Skip> skipped = job.summary().skipped();
        return skipped.subList(0, Math.min(SKIPPED_SHOWN, skipped.size()));
    }
}
