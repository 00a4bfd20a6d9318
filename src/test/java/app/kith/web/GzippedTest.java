package app.kith.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Accept-Encoding read as RFC 9110 reads it: gzip named with q=0 is refused even where {@code *} would take it. */
class GzippedTest {
    @ParameterizedTest(name = "\"{0}\" accepts gzip: {1}")
    @CsvSource(delimiter = '|', value = {
            "gzip, deflate, br | true",
            "GZIP;q=0.5 | true",
            "br;q=1.0, gzip;q=0.8, *;q=0.1 | true",
            "* | true",
            "gzip;q=0 | false",
            "gzip;q=0, * | false",
            "*, gzip;q=0.000 | false",
            "br, *;q=0 | false",
            "identity | false",
            "deflate, br | false",
    })
    void readsQValues(String acceptEncoding, boolean accepted) {
        assertThat(Gzipped.accepted(acceptEncoding)).isEqualTo(accepted);
    }
}
