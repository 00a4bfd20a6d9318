package app.kith.agenda;

import app.kith.account.AccountService;
import app.kith.account.Profile;
import app.kith.contact.Cadence;
import app.kith.storage.Database;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static app.kith.storage.Columns.date;

/** Reads what a day's agenda needs with one indexed range query over stored due dates, then plans it. */
public final class AgendaService {
    private final Database database;
    private final AccountService accounts;

    public AgendaService(Database database, AccountService accounts) {
        this.database = database;
        this.accounts = accounts;
    }

    public Agenda day(long userId, LocalDate day) {
        Profile me = accounts.profile(userId);
        return Agenda.plan(day, me, dueBy(userId, day));
    }

    /** Contacts due on or before a day; archived and untracked contacts have no due date and never appear. */
    List<DueContact> dueBy(long userId, LocalDate day) {
        return database.withHandle(handle -> handle.createQuery("""
                        SELECT id, full_name, due_on, cadence, last_touch_on, city, country, timezone
                          FROM contacts
                         WHERE user_id = :userId AND due_on <= :day
                        """)
                .bind("userId", userId)
                .bind("day", day)
                .map((rows, context) -> {
                    String zone = rows.getString("timezone");
                    return new DueContact(rows.getLong("id"), rows.getString("full_name"), date(rows, "due_on"),
                            Cadence.ofIso(rows.getString("cadence")), date(rows, "last_touch_on"),
                            rows.getString("city"), rows.getString("country"), zone == null ? null : ZoneId.of(zone));
                })
                .list());
    }
}
