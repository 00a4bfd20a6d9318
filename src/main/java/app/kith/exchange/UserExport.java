package app.kith.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Everything one user keeps in Kith, as the JSON export writes it: stored values as they are (ids, cadences, due
 * dates), in id order, so that the same data always gives the same bytes and a restore brings it back exactly.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserExport(String format, int version, User user, List<CircleEntry> circles, List<ContactEntry> contacts,
                         List<InteractionEntry> interactions, List<CareerEntry> careerMoves,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> deletedImports) {
    static final String FORMAT = "kith-export";
    /**
     * The version written. 2 added the account's {@code workDays}: an older Kith, which refuses a field it does not
     * know, then says the file is newer rather than that it is invalid. Versions 1 and 2 are read.
     */
    static final int VERSION = 2;

    /**
     * The account's settings; {@code owner} and {@code passwordHash} only in a backup. {@code workDays} as stored
     * ({@code mon,tue,wed,thu,fri}), or {@code any} for every day; absent from exports made before it was kept,
     * which a restore reads as Monday to Friday.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record User(String username, Boolean owner, String passwordHash, String name, String city, String country,
                       String timezone, String workStart, String workEnd, String workDays, int dailyLimit) {
        User withoutAccount() {
            return new User(username, null, null, name, city, country, timezone, workStart, workEnd, workDays, dailyLimit);
        }
    }

    public record CircleEntry(long id, String name, String cadence) {
    }

    /**
     * A contact with every stored field; dates as ISO dates, cadences as ISO periods, the photo as base64;
     * {@code jobSource} the import its company and title come from (absent when the user typed them).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContactEntry(long id, String name, List<String> emails, List<String> phones, String company, String title,
                               String city, String country, String timezone, String linkedinUrl, String metHow,
                               String metOn, String notes, String strengths, String birthday, String days,
                               boolean archived, String addedOn, String ownCadence, String cadence, Integer cadenceDays,
                               String lastTouchOn, String snoozedUntil, String awayUntil, String dueOn,
                               Double firstDueSpread, List<String> tags, List<Long> circles, PhotoEntry photo,
                               String jobSource) {
    }

    public record PhotoEntry(String mediaType, byte[] data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InteractionEntry(long id, String on, String kind, String note, String sourceKey, List<Long> contacts) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CareerEntry(long id, long contact, String on, String fromCompany, String fromTitle, String toCompany,
                              String toTitle, String source) {
    }

    /** A backup of a PostgreSQL database: every account's export, with its password hash so that it still signs in. */
    public record Backup(String format, int version, List<UserExport> users) {
        static final String FORMAT = "kith-backup";
    }
}
