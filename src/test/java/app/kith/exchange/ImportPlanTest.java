package app.kith.exchange;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where in their first cadence period imported contacts fall due. */
class ImportPlanTest {
    @Test
    void theFirstPlacesHalveThePeriodAgainAndAgain() {
        assertThat(new double[] {ImportPlan.spread(0), ImportPlan.spread(1), ImportPlan.spread(2), ImportPlan.spread(3),
                ImportPlan.spread(4), ImportPlan.spread(5), ImportPlan.spread(6)})
                .containsExactly(0.5, 0.25, 0.75, 0.125, 0.625, 0.375, 0.875);
        assertThat(ImportPlan.spread(Integer.MAX_VALUE - 1)).isBetween(0.0, 1.0);
    }

    @Test
    void everyFirstStretchOfAnImportIsSpreadEvenlyOverThePeriodsDays() {
        // However many new contacts an import turns out to have, each day of the period gets its share, give or take
        // a few: so each can be written with its due date before the import knows how many there are.
        for (int period : new int[] {7, 14, 30, 31, 92, 182, 365, 366}) {
            int[] perDay = new int[period];
            for (int n = 1; n <= 5000; n++) {
                // As DueDate places a spread: day 1 to the period's last.
                int day = (int) Math.min(period - 1, (long) Math.floor(ImportPlan.spread(n - 1) * period));
                perDay[day]++;
                double share = (double) n / period;
                for (int count : perDay) {
                    assertThat(Math.abs(count - share)).as("%d contacts over %d days", n, period).isLessThan(4);
                }
            }
        }
    }
}
