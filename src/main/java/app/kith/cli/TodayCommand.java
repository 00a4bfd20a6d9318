package app.kith.cli;

import app.kith.agenda.Agenda;
import app.kith.agenda.Suggestion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code kith today}: whom to reach out to today, and how. */
@Command(name = "today", description = "Whom to reach out to today, and how.")
final class TodayCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;
    @Option(names = "--date", paramLabel = "DATE", description = "Another day: YYYY-MM-DD, today, yesterday or tomorrow.")
    Day date;
    @Option(names = "--json", description = "Print the day's agenda as JSON.")
    boolean json;

    /** Why nobody ever comes due, and what to do about it. */
    private String nobodyComes() {
        int off = root.kith().agenda().offForGood(root.userId());
        if (off > 0) {
            return "Nobody comes due: " + off + (off == 1 ? " contact is" : " contacts are") + " snoozed or away for good"
                    + " (kith snooze NAME --end, kith away NAME --back bring one back); any others are in no circle"
                    + " (kith edit NAME --circle Mentors).";
        }
        return "Nobody has a due date yet: put contacts in a circle (kith edit NAME --circle Mentors) or give "
                + "them a cadence (--every 1m); kith demo shows a network in a new folder.";
    }

    @Override
    public Integer call() {
        // Without --date, the agenda reads the profile once for both the date (in its time zone) and the limit.
        Agenda agenda = date != null ? root.kith().agenda().day(root.userId(), root.date(date))
                : root.kith().agenda().forToday(root.userId());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            // Who comes next, as the text names them, on a day with nobody due (nor anyone waiting).
            boolean empty = agenda.due().isEmpty() && agenda.waiting() == 0;
            Json.print(out, Json.TodayJson.of(agenda, empty ? root.kith().agenda().next(root.userId(), agenda.date()).orElse(null) : null));
            return 0;
        }
        if (agenda.due().isEmpty() && agenda.waiting() > 0) {
            // The day's limit is reached: the rest wait for the days ahead, however quickly the day's were done.
            out.println(Text.day(agenda.date()) + ": you reached out to " + people(agenda.reached())
                    + (agenda.reached() > agenda.limit() ? ", more than" : ", as many as") + " your daily limit of " + agenda.limit() + "."
                    + (agenda.date().equals(root.today()) ? " Enjoy the rest of the day." : ""));
            out.println(agenda.waiting() + " more due, waiting: they come first on the days ahead.");
            return 0;
        }
        if (agenda.due().isEmpty()) {
            out.println(Text.day(agenda.date()) + ": nobody is due. Enjoy the day.");
            root.kith().agenda().next(root.userId(), agenda.date()).ifPresentOrElse(
                    next -> out.println("Next: " + next.name() + " (#" + next.id() + "), "
                            + (next.dueAlready() ? "due already, on " + Text.day(next.dueOn()) + ", one of their days." : "due " + Text.day(next.dueOn()) + ".")),
                    () -> out.println(nobodyComes()));
            return 0;
        }
        out.println(Text.day(agenda.date()) + ": reach out to " + people(agenda.due().size())
                + (agenda.reached() == 0 ? "" : " (reached so far: " + agenda.reached() + ")"));
        if (agenda.dayOff()) {
            // Said once, not under every entry.
            out.println("Not one of your working days, so no hours are suggested (kith me --work-days).");
        }
        int number = 1;
        for (Agenda.Entry entry : agenda.due()) {
            out.printf("%2d. %s (#%d), %s, %s, last touch %s%n", number++, entry.name(), entry.id(),
                    entry.overdueDays() == 0 ? "due today" : entry.overdueDays() + (entry.overdueDays() == 1 ? " day" : " days") + " overdue",
                    "every " + entry.cadence().describe(), entry.lastTouch() == null ? "never" : Text.day(entry.lastTouch()));
            out.println("    " + suggestion(entry.suggestion()));
        }
        if (agenda.waiting() > 0) {
            out.println(agenda.waiting() + " more due, waiting beyond your daily limit of " + agenda.limit() + ".");
        }
        return 0;
    }

    private static String people(int count) {
        return count + (count == 1 ? " person" : " people");
    }

    private static String suggestion(Suggestion suggestion) {
        String how = switch (suggestion.format()) {
            case IN_PERSON -> "meet in person: coffee or a meal";
            case VIDEO -> "a video call: they live elsewhere";
            case MESSAGE -> "send a message";
        };
        if (suggestion.hoursApart()) {
            return how + "; your working hours and theirs do not meet: find a time that suits you both";
        }
        if (suggestion.theirZoneUnknown()) {
            return how + "; their time zone is not known, so no hours are suggested: set it (kith edit NAME --timezone ZONE)";
        }
        if (suggestion.theirWeekend()) {
            return how + "; it is the weekend where they are, so no working hours are suggested: ask what suits them";
        }
        return suggestion.window() == null ? how : how + ", between " + suggestion.window() + " your time";
    }
}
