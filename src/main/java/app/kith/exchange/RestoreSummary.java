package app.kith.exchange;

/** What a restore brought back, and from what kind of file. */
public record RestoreSummary(String source, int accounts, int contacts, int interactions) {

    public String describe() {
        return "Restored " + count(contacts, "contact") + " and " + count(interactions, "interaction")
                + (accounts > 1 ? " of " + accounts + " accounts" : "") + " from " + source + ".";
    }

    static String count(int number, String thing) {
        return number + " " + thing + (number == 1 ? "" : "s");
    }
}
