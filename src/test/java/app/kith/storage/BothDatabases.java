package app.kith.storage;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a test once on a fresh SQLite database and once on a fresh PostgreSQL database; the test takes a
 * {@link TestDatabase} parameter, which is closed (and dropped) after it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BothDatabases.Provider.class)
public @interface BothDatabases {

    /** Supplies one invocation per dialect. */
    final class Provider implements TestTemplateInvocationContextProvider {
        @Override
        public boolean supportsTestTemplate(ExtensionContext context) {
            return true;
        }

        @Override
        public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
            return Arrays.stream(Dialect.values()).map(Invocation::new);
        }
    }

    /** One run of the test on one dialect. */
    final class Invocation implements TestTemplateInvocationContext {
        private final Dialect dialect;

        Invocation(Dialect dialect) {
            this.dialect = dialect;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return dialect.name().toLowerCase();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new ParameterResolver() {
                @Override
                public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
                    return parameter.getParameter().getType() == TestDatabase.class;
                }

                @Override
                public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
                    TestDatabase database = TestDatabase.create(dialect);
                    extension.getStore(ExtensionContext.Namespace.create(BothDatabases.class, extension.getUniqueId()))
                            .put("database", database);
                    return database;
                }
            });
        }
    }
}
