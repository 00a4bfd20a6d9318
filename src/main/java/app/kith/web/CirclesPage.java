package app.kith.web;

import app.kith.contact.Circle;

import java.util.List;

/**
 * The model of the Circles page: the user's circles, the form that adds one, the edit form that failed (if any), and
 * what the last change did (or null); {@code untracked}: it left contacts untracked, and the page links to them.
 */
public record CirclesPage(Layout layout, List<Circle> circles, CircleForm add, CircleForm edit, String notice, boolean untracked) {

    /** The edit form of a circle: the typed values with their errors if its last save failed, else what is stored. */
    public CircleForm formFor(Circle circle) {
        return edit != null && edit.id() == circle.id() ? edit : CircleForm.of(circle);
    }
}
