package app.kith.web;

import app.kith.exchange.ImportFormat;
import app.kith.exchange.ImportJobs;
import app.kith.exchange.Skip;

import java.util.List;

/** The model of the part of an import's page that htmx polls: progress while it runs, then the summary or the error. */
public record ImportJobFragment(ImportJobs.Job job) {
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
