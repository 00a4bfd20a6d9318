package app.kith.contact;

import app.kith.shared.Weekdays;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static app.kith.storage.Columns.date;
import static app.kith.storage.Columns.decimal;
import static app.kith.storage.Columns.text;

/**
 * Keeps each contact's stored cadence and due date right. Every change that can move a due date calls
 * {@link #refresh} inside its own transaction, so the agenda is one indexed range query over {@code due_on}.
 */
final class Schedule {
    private static final int CHUNK = 500;

    private Schedule() {
    }

    /** Recomputes the effective cadence and due date of the given contacts of one user. */
    static void refresh(Handle handle, long userId, Collection<Long> contactIds) {
        List<Long> ids = new ArrayList<>(contactIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            refreshChunk(handle, userId, ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
    }

    private record Row(long id, Cadence own, LocalDate lastTouch, LocalDate addedOn, Double firstDueSpread, LocalDate snoozedUntil,
                       LocalDate awayUntil, Weekdays days, boolean archived) {
    }

    private static void refreshChunk(Handle handle, long userId, List<Long> ids) {
        List<Row> rows = handle.createQuery("""
                        SELECT id, own_cadence, last_touch_on, added_on, first_due_spread, snoozed_until, away_until, contact_days, archived
                          FROM contacts WHERE user_id = :userId AND id IN (<ids>)
                        """)
                .bind("userId", userId)
                .bindList("ids", ids)
                .map((result, context) -> new Row(result.getLong("id"),
                        Cadence.ofIso(text(result, "own_cadence")),
                        date(result, "last_touch_on"),
                        date(result, "added_on"),
                        decimal(result, "first_due_spread"),
                        date(result, "snoozed_until"),
                        date(result, "away_until"),
                        Weekdays.parse(text(result, "contact_days")),
                        result.getBoolean("archived")))
                .list();
        Map<Long, Cadence> shortestCircle = new HashMap<>();
        handle.createQuery("""
                        SELECT cc.contact_id, c.cadence FROM contact_circles cc JOIN circles c ON c.id = cc.circle_id
                         WHERE c.user_id = :userId AND cc.contact_id IN (<ids>)
                        """)
                .bind("userId", userId)
                .bindList("ids", ids)
                .map((result, context) -> Map.entry(result.getLong(1), Cadence.ofIso(text(result, 2))))
                .forEach(entry -> shortestCircle.merge(entry.getKey(), entry.getValue(),
                        (a, b) -> a.compareTo(b) <= 0 ? a : b));

        PreparedBatch update = handle.prepareBatch(
                "UPDATE contacts SET cadence = :cadence, cadence_days = :cadenceDays, due_on = :dueOn WHERE id = :id");
        for (Row row : rows) {
            Cadence cadence = row.own() != null ? row.own() : shortestCircle.get(row.id());
            LocalDate due = row.archived() ? null
                    : DueDate.of(cadence, row.lastTouch(), row.addedOn(), row.firstDueSpread(), row.snoozedUntil(), row.awayUntil(), row.days());
            update.bind("cadence", cadence == null ? null : cadence.iso())
                    .bind("cadenceDays", cadence == null ? null : (Integer) (int) Math.round(cadence.approximateDays()))
                    .bindByType("dueOn", due, LocalDate.class)
                    .bind("id", row.id())
                    .add();
        }
        if (update.size() > 0) {
            update.execute();
        }
    }
}
