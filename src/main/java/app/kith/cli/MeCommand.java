package app.kith.cli;

import app.kith.account.DailyLimit;
import app.kith.account.Profile;
import app.kith.account.ProfileChanges;
import app.kith.account.WorkHours;
import app.kith.shared.TimeZones;
import app.kith.shared.Weekdays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code kith me}: shows or changes your profile (home city, time zone, working hours and days, daily limit). */
@Command(name = "me", description = "Show or change your profile: home city, time zone, working hours and days, daily limit.")
final class MeCommand implements Callable<Integer> {
    @ParentCommand
    KithCommand root;
    @Spec
    CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME", description = "Your display name.")
    String name;
    @Option(names = "--city", paramLabel = "CITY", description = "Your home city.")
    String city;
    @Option(names = "--country", paramLabel = "COUNTRY", description = "Your country: a code such as DE, or its name.")
    String country;
    @Option(names = "--timezone", paramLabel = "ZONE", converter = Converters.ZoneName.class,
            description = "IANA time zone, such as Europe/Berlin; \"\" forgets it (the machine's is then used).")
    String timezone;
    @Option(names = "--work-hours", paramLabel = "09:00-18:00", description = "Your working hours, in your time zone; hours that end before they start run past midnight (22:00-06:00).")
    WorkHours workHours;
    @Option(names = "--work-days", paramLabel = "mon,tue,...", converter = Converters.WorkDays.class,
            description = "The days you work (mon,tue,wed,thu,fri by default; weekdays, weekends, or any for every day).")
    Weekdays workDays;
    @Option(names = "--daily-limit", paramLabel = "COUNT", converter = Converters.DailyLimitNumber.class, description = "At most this many reach-outs a day (1-" + DailyLimit.MAX + ").")
    Integer dailyLimit;
    @Option(names = "--json", description = "Print the profile as JSON.")
    boolean json;

    @Override
    public Integer call() {
        long userId = root.userId();
        Profile me;
        if (name == null && city == null && country == null && timezone == null && workHours == null && workDays == null
                && dailyLimit == null) {
            me = root.kith().accounts().profile(userId);
        } else {
            ProfileChanges changes = new ProfileChanges(name, city, country,
                    timezone == null || timezone.isEmpty() ? null : TimeZones.parse(timezone), workHours, dailyLimit, "".equals(timezone),
                    workDays);
            me = root.kith().accounts().updateProfile(userId, changes);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, new ProfileJson(me.username(), me.name(), me.city(), me.country(),
                    me.zone() == null ? null : me.zone().getId(), me.workHours().toString(), me.workDays().given(), me.dailyLimit()));
        } else {
            // What is not set says how to set it; an unset time zone, which zone is used meanwhile.
            out.println(me.name() == null ? me.username() + ", no name set (kith me --name \"Your Name\")" : me.name() + " (" + me.username() + ")");
            out.println("  home:        " + (me.city() == null && me.country() == null ? "not set (kith me --city Berlin --country DE)"
                    : Text.orDash(me.city()) + (me.country() == null ? "" : ", " + me.country())));
            out.println("  time zone:   " + (me.zone() != null ? me.zone().getId()
                    : "the machine's, " + TimeZones.written(root.clock().getZone()) + ", until you set yours (kith me --timezone Europe/Berlin)"));
            out.println("  work hours:  " + me.workHours() + (me.workHours().overnight() ? " (overnight)" : "") + ", " + (me.workDays().any() ? "every day" : me.workDays().written()));
            out.println("  daily limit: " + me.dailyLimit());
        }
        return 0;
    }

    record ProfileJson(String username, String name, String city, String country, String timezone, String workHours,
                       String workDays, int dailyLimit) {
    }
}
