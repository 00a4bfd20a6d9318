package app.kith.exchange;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportSummaryTest {
    @Test
    void howTheContactsAddedComeDueIsSaidForOneAsForMany() {
        assertThat(summary(false, 1).spreadSentence()).isEqualTo("The contact added in a circle comes due within its circle's cadence.");
        assertThat(summary(true, 1).spreadSentence()).isEqualTo("The contact to add in a circle would come due within its circle's cadence.");
        assertThat(summary(false, 4).spreadSentence())
                .isEqualTo("The 4 contacts added in a circle come due spread over its cadence, a few a day, not all at once.");
        assertThat(summary(false, 0).spreadSentence()).isNull();
    }

    private static ImportSummary summary(boolean dryRun, int added) {
        return new ImportSummary(LinkedInConnections.FORMAT, dryRun, added, added, 0, 0, List.of(), 0, 0, 0);
    }
}
