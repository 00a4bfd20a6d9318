package app.kith.web;

import java.util.List;

/**
 * The model of the contact list: one page of the contacts matching the search and filters; when none does, how many
 * archived contacts would.
 */
public record ContactListPage(Layout layout, ContactListFilters filters, List<ContactRow> rows, int total, int number,
                              int pages, String previous, String next, List<String> circles, List<String> cities,
                              String notice, int archivedMatches) {
}
