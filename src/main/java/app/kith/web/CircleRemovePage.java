package app.kith.web;

import app.kith.contact.Circle;

/** The model of the page that asks before removing a circle. */
public record CircleRemovePage(Layout layout, Circle circle) {
}
