package app.kith.exchange;

import java.util.List;

/**
 * What a restore brought back, and from what kind of file; {@code removedAccounts} are the empty accounts a backup
 * did not name, removed to make room for its own.
 */
public record RestoreSummary(String source, int accounts, int contacts, int interactions, List<String> removedAccounts) {

    public String describe() {
        return "Restored " + count(contacts, "contact") + " and " + count(interactions, "interaction")
                + (accounts > 1 ? " of " + accounts + " accounts" : "") + " from " + source + "."
                + (removedAccounts.isEmpty() ? "" : " Removed the empty account" + (removedAccounts.size() == 1 ? " " : "s ")
                + String.join(", ", removedAccounts) + ", which the backup does not hold.");
    }

    static String count(int number, String thing) {
        return number + " " + thing + (number == 1 ? "" : "s");
    }
}
