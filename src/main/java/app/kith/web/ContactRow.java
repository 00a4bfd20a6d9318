package app.kith.web;

/** One contact as the list shows it: name, circles, work, city and when they are next due. */
public record ContactRow(long id, String name, String circles, String work, String city, String due, boolean dueNow) {
}
