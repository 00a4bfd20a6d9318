package app.kith.web;

/**
 * What Today says after a touch or a snooze sent as a plain form (without JavaScript, the page reloads): what was
 * done, and where its Undo button posts.
 */
public record DoneNotice(String message, String undo) {
}
