package app.kith.shared;

import java.util.concurrent.ExecutionException;

/** What a task run on another thread failed with, as it was thrown there. */
public final class TaskFailures {
    private TaskFailures() {
    }

    /** The task's own exception, to throw again here (an Error is thrown at once); a checked one comes wrapped. */
    public static RuntimeException unwrapped(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
            return failure;
        }
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e.getCause());
    }
}
