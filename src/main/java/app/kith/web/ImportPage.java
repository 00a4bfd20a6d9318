package app.kith.web;

import app.kith.exchange.ImportFormat;
import app.kith.exchange.ImportJobs;

import java.util.List;

/** The model of the Import page: the formats and circles to choose from, the form as sent (with its error), and recent imports. */
public record ImportPage(Layout layout, List<ImportFormat> formats, List<String> circles, ImportForm form, List<ImportJobs.Job> recent) {

    /** How a recent import stands, in a few words. */
    public static String state(ImportJobs.Job job) {
        return switch (job.state()) {
            case QUEUED -> "waiting to start";
            case RUNNING -> "importing, " + job.percent() + "%";
            case DONE -> job.summary().dryRun() ? "dry run done" : "done";
            case FAILED -> "failed";
        };
    }
}
