package app.kith.interaction;

import java.time.LocalDate;
import java.util.List;

/** One entry in the log: on a day, with one or more contacts, of a kind, with an optional note. */
public record Interaction(long id, LocalDate on, Kind kind, String note, List<Participant> with) {

    /** A contact who took part, by id and name. */
    public record Participant(long id, String name) {
    }
}
