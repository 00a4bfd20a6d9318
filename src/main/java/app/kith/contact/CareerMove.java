package app.kith.contact;

import java.time.LocalDate;

/** A change of job noticed on a day (by an import, or by an edit): the job before and the job after. */
public record CareerMove(LocalDate on, String fromCompany, String fromTitle, String toCompany, String toTitle, String source) {

    /** "Title at Company", or whichever of the two is known. */
    public static String job(String company, String title) {
        if (company == null) {
            return title == null ? "" : title;
        }
        return title == null ? company : title + " at " + company;
    }
}
