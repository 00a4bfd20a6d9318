package app.kith.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldErrorTest {
    @Test
    void aMessageBecomesASentenceButANameAsWrittenKeepsItsCase() {
        assertThat(FieldError.sentence("the name is too long")).isEqualTo("The name is too long.");
        assertThat(FieldError.sentence("Nothing was saved.")).isEqualTo("Nothing was saved.");
        assertThat(FieldError.sentence("c.csv: line 3 holds a byte that is not UTF-8")).isEqualTo("c.csv: line 3 holds a byte that is not UTF-8.");
        assertThat(FieldError.sentence("'often' is not a duration")).isEqualTo("'often' is not a duration.");
        assertThat(FieldError.sentence("exports/c.csv is empty")).isEqualTo("exports/c.csv is empty.");
    }
}
