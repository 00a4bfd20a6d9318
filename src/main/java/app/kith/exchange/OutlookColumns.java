package app.kith.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Outlook's CSV columns as an Outlook in another language names them ("Vorname", "E-Mail-Adresse", "Ort
 * geschäftlich" in German), each to the English name Kith reads; the names are in {@code outlook-columns.tsv},
 * read at the first header that needs them. Only the columns Kith takes in are listed.
 */
final class OutlookColumns {
    /** At least this many of a header's columns must be one language's for the file to be taken as written in it. */
    private static final int AT_LEAST = 3;
    /** Columns that hold a name, one of which a header must have for its rows to have a name. */
    private static final Set<String> NAMING = Set.of("first name", "last name", "company", "e-mail address");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");

    private OutlookColumns() {
    }

    /**
     * The header's names (in lower case) in English, read in the language most of them are in; empty when no
     * language names at least {@link #AT_LEAST} of them, one of which holds a name. A column of no language is kept
     * as it is (Outlook's own columns that Kith does not read; an English one a language leaves as it is).
     */
    static Optional<List<String>> english(List<String> names) {
        List<String> keys = names.stream().map(OutlookColumns::key).toList();
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Map<String, String>> language : Known.LANGUAGES.entrySet()) {
            int count = 0;
            for (String key : keys) {
                if (language.getValue().containsKey(key)) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = language.getKey();
                bestCount = count;
            }
        }
        if (bestCount < AT_LEAST) {
            return Optional.empty();
        }
        Map<String, String> columns = Known.LANGUAGES.get(best);
        // A name a header holds twice is the column read the last time: French names the honorific (Title, first
        // in Outlook's columns) and the job title (after the company) both "Titre". The earlier one is not read.
        List<String> english = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            boolean again = keys.subList(i + 1, keys.size()).contains(keys.get(i));
            english.add(again ? names.get(i) : columns.getOrDefault(keys.get(i), names.get(i)));
        }
        return english.stream().anyMatch(NAMING::contains) ? Optional.of(List.copyOf(english)) : Optional.empty();
    }

    /** A column's name as compared: in lower case, its runs of spaces (a no-break space too) as one space. */
    private static String key(String name) {
        return SPACES.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The languages, each with its columns' names to the English ones, read once. */
    private static final class Known {
        static final Map<String, Map<String, String>> LANGUAGES = read();

        private static Map<String, Map<String, String>> read() {
            Map<String, Map<String, String>> languages = new LinkedHashMap<>();
            try (InputStream in = OutlookColumns.class.getResourceAsStream("outlook-columns.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("outlook-columns.tsv is missing from the jar");
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] fields = line.split("\t");
                    Map<String, String> columns = languages.computeIfAbsent(fields[0], language -> new HashMap<>());
                    String previous = columns.put(key(fields[2]), fields[1]);
                    if (previous != null) {
                        throw new IllegalStateException(fields[0] + " names two columns " + fields[2]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            languages.replaceAll((language, columns) -> Map.copyOf(columns));
            return languages;
        }
    }
}
