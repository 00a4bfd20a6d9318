import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the time went in a JFR recording (the profile option of bench/http). Two kinds of samples, each counted
 * apart: Java code on the CPU ({@code jdk.ExecutionSample}), and threads inside native code while serving a request
 * ({@code jdk.NativeMethodSample} with a product frame on the stack: in practice SQLite). Each is counted by leaf
 * method (self time), by the innermost product method ({@code app.kith.*}) on the stack, and by stages of a request (a
 * sample counts for every stage its stack passes through, so the stages add up to more than 100%).
 *
 * <p>Usage: {@code JfrTop FILE.jfr [TOP] [PREFIX]}.
 */
public final class JfrTop {
    /** A request's stages, by a method on the stack (matched as "class.method" prefixes, first match per stage). */
    private static final Map<String, List<String>> STAGES = new LinkedHashMap<>();

    static {
        STAGES.put("security check + session lookup (Security.check)", List.of("app.kith.web.Security.check"));
        STAGES.put("agenda (AgendaService.day)", List.of("app.kith.agenda.AgendaService.day"));
        STAGES.put("  of which SQLite (in the agenda)", List.of("org.sqlite."));
        STAGES.put("  of which Agenda.plan (ranking, suggestions)", List.of("app.kith.agenda.Agenda.plan"));
        STAGES.put("contact search (ContactService.search)", List.of("app.kith.contact.ContactService.search"));
        STAGES.put("  of which SQLite (in the search)", List.of("org.sqlite."));
        STAGES.put("city suggestions (ContactService.cities)", List.of("app.kith.contact.ContactService.cities"));
        STAGES.put("one contact (ContactService.get)", List.of("app.kith.contact.ContactService.get"));
        STAGES.put("timeline (InteractionService.timeline)", List.of("app.kith.interaction.InteractionService.timeline"));
        STAGES.put("logging (InteractionService.log)", List.of("app.kith.interaction.InteractionService.log"));
        STAGES.put("  of which SQLite (in logging)", List.of("org.sqlite."));
        STAGES.put("  of which waiting for the write lock (BEGIN IMMEDIATE)", List.of("org.sqlite.SQLiteConnection.setAutoCommit"));
        STAGES.put("  of which commit", List.of("org.sqlite.SQLiteConnection.commit"));
        STAGES.put("circles with counts (CircleService.list)", List.of("app.kith.contact.CircleService.list"));
        STAGES.put("template render (gg.jte)", List.of("gg.jte."));
        STAGES.put("String to bytes (String.getBytes, encodeUTF8)", List.of("java.lang.String.encodeUTF8", "java.lang.String.getBytes"));
        STAGES.put("any JDBI (org.jdbi)", List.of("org.jdbi."));
        STAGES.put("any SQLite (org.sqlite)", List.of("org.sqlite."));
        STAGES.put("Hikari pool (com.zaxxer)", List.of("com.zaxxer."));
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        String prefix = args.length > 2 ? args[2] : "profile";
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        // Java code on the CPU; then threads in native code (SQLite) while serving a request (idle selectors are left out).
        summarize(prefix + ".java", events, "jdk.ExecutionSample", top);
        summarize(prefix + ".native", events, "jdk.NativeMethodSample", top);
    }

    private static void summarize(String prefix, List<RecordedEvent> events, String type, int top) {
        Map<String, Integer> leaf = new HashMap<>();
        Map<String, Integer> product = new HashMap<>();
        // Stages keyed "index<TAB>name", kept in the order STAGES lists them.
        Map<String, Integer> stages = new TreeMap<>(Comparator.comparingInt((String k) -> Integer.parseInt(k.substring(0, k.indexOf('\t')))));
        int total = 0;
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals(type)) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            String innermost = null;
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (name.startsWith("app.kith.")) {
                    innermost = name;
                    break;
                }
            }
            if (innermost == null && type.equals("jdk.NativeMethodSample")) {
                continue; // a thread waiting in native code outside any request: epoll, accept
            }
            total++;
            leaf.merge(name(frames.get(0)), 1, Integer::sum);
            product.merge(innermost == null ? "(no app.kith frame)" : innermost, 1, Integer::sum);
            Set<String> seen = new LinkedHashSet<>();
            List<String> parent = List.of();
            int stageIndex = 0;
            for (Map.Entry<String, List<String>> stage : STAGES.entrySet()) {
                boolean nested = stage.getKey().startsWith("  ");
                if (!nested) {
                    parent = stage.getValue();
                }
                if (matches(frames, stage.getValue(), nested ? parent : null)) {
                    seen.add(stageIndex + "\t" + stage.getKey());
                }
                stageIndex++;
            }
            for (String key : seen) {
                stages.merge(key, 1, Integer::sum);
            }
        }
        System.out.println(prefix + ".samples=" + total);
        if (total == 0) {
            return;
        }
        print(prefix + ".stage", stages, total, 100, false);
        print(prefix + ".product", product, total, top, true);
        print(prefix + ".leaf", leaf, total, top, true);
    }

    /** Whether a frame matches, and (for a nested stage) lies deeper than a frame of its parent stage. */
    private static boolean matches(List<RecordedFrame> frames, List<String> prefixes, List<String> parent) {
        for (int i = 0; i < frames.size(); i++) {
            String name = name(frames.get(i));
            if (prefixes.stream().anyMatch(name::startsWith)) {
                if (parent == null) {
                    return true;
                }
                for (int j = i + 1; j < frames.size(); j++) {
                    String outer = name(frames.get(j));
                    if (parent.stream().anyMatch(outer::startsWith)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void print(String prefix, Map<String, Integer> counts, int total, int top, boolean sorted) {
        var entries = counts.entrySet().stream();
        if (sorted) {
            entries = entries.sorted(Map.Entry.<String, Integer>comparingByValue().reversed());
        }
        entries.limit(top).forEach(e -> System.out.printf("%s %5.1f%%  %s%n", prefix, 100.0 * e.getValue() / total,
                e.getKey().substring(e.getKey().indexOf('\t') + 1)));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
