package app.kith.cli;

import app.kith.shared.KithException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server and a restore kept apart on one data directory (across processes in use: see ServeProcessTest). */
class ServeLockTest {
    @TempDir
    Path data;

    @Test
    void aServerIsRefusedDuringARestoreAndARestoreWhileAServerRunsAndEachGoesOnOnceTheOtherEnds() {
        try (ServeLock restoring = ServeLock.restore(data)) {
            assertThat(restoring).isNotNull();
            assertThatThrownBy(() -> ServeLock.serve(data)).isInstanceOf(KithException.class)
                    .hasMessage("kith restore is running on " + data + ": wait for it to end, then start kith serve");
        }
        try (ServeLock serving = ServeLock.serve(data)) {
            assertThat(serving).isNotNull();
            assertThatThrownBy(() -> ServeLock.restore(data)).isInstanceOf(KithException.class)
                    .hasMessageStartingWith("kith serve (or another restore) is running on " + data + ": stop it first");
        }
        try (ServeLock restoring = ServeLock.restore(data)) {
            assertThat(restoring).isNotNull();
        }
    }

    @Test
    void aFolderThatCannotHoldTheFileGuardsNothingAndStopsNothing() {
        Path missing = data.resolve("not-made-yet");
        assertThat(ServeLock.serve(missing)).isNull();
        assertThat(ServeLock.restore(missing)).isNull();
    }
}
