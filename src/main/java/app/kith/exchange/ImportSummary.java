package app.kith.exchange;

import java.util.List;

/**
 * What an import did (or, on a dry run, would do): rows that added a contact, that added something to one
 * already there, that it already had, and that were left out; the job changes noticed; interactions added; and how
 * many of the contacts added are in no circle (none was named for them), so that none of them comes due until given
 * one or a cadence of their own.
 */
public record ImportSummary(String format, boolean dryRun, int rows, int added, int merged, int unchanged,
                            List<Skip> skipped, int careerMoves, int interactions, int untracked) {

    /** Whether the rows were messages, counted as the interactions they made, not as contacts. */
    public boolean ofMessages() {
        return format.equals(LinkedInMessages.FORMAT);
    }

    /** "4 rows", or "4 cards" for a vCard file, whose entries span many lines each. */
    public String rowsCounted() {
        String unit = format.equals(VCardImport.FORMAT) ? "card" : "row";
        return rows + " " + unit + (rows == 1 ? "" : "s");
    }

    /** What the untracked count means, without its last stop: the terminal and the web app go on differently. */
    public String untrackedSentence() {
        String added = dryRun ? " to add" : " added";
        return untracked == 1 ? "The contact" + added + " is in no circle, so Kith will not bring them up until you put them in one"
                : "The " + untracked + " contacts" + added + " are in no circle, so Kith will not bring them up until you put them in one";
    }

    /**
     * How the contacts added in a circle come due, when some were: spread over their first cadence, so that Today is
     * not flooded the next morning (as README's "No flood" tells); null when none were.
     */
    public String spreadSentence() {
        int tracked = added - untracked;
        if (ofMessages() || tracked <= 0) {
            return null;
        }
        String which = (dryRun ? " to add" : " added") + " in a circle ";
        if (tracked == 1) {
            return "The contact" + which + (dryRun ? "would come" : "comes") + " due within its circle's cadence.";
        }
        return "The " + tracked + " contacts" + which + (dryRun ? "would come" : "come") + " due spread over its cadence, a few a day, not all at once.";
    }

    /** A few lines for a terminal. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(dryRun ? "Dry run, nothing written: " : "Imported ").append(format).append(", ").append(rowsCounted()).append(":\n");
        if (ofMessages()) {
            text.append(String.format("  interactions added  %d%n", interactions));
            text.append(String.format("  already imported    %d%n", unchanged));
            text.append(String.format("  skipped             %d%n", skipped.size()));
        } else {
            text.append(String.format("  added      %d%n", added));
            text.append(String.format("  merged     %d%n", merged));
            text.append(String.format("  unchanged  %d%n", unchanged));
            text.append(String.format("  skipped    %d%n", skipped.size()));
            if (careerMoves > 0) {
                text.append(String.format("  job changes noticed: %d (kept in their career history)%n", careerMoves));
            }
            if (spreadSentence() != null) {
                text.append("  ").append(spreadSentence()).append('\n');
            }
            if (untracked > 0) {
                text.append("  ").append(untrackedSentence())
                        .append(" (kith edit NAME --circle Mentors, or --every 3m); --circle NAME on an import puts the new contacts in one")
                        .append(dryRun ? ".\n" : "; kith contacts --untracked lists them.\n");
            }
        }
        int shown = 0;
        for (Skip skip : skipped) {
            if (shown++ == 20) {
                text.append("  ... and ").append(skipped.size() - 20).append(" more skipped\n");
                break;
            }
            text.append("  skipped line ").append(skip.line()).append(": ").append(skip.reason()).append('\n');
        }
        return text.toString();
    }
}
