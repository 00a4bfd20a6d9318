package app.kith.shared;

/** A value as an error message shows it: in quotes, on one line, and cut short when long, so a message stays one line. */
public final class Quoted {
    /** The most characters of a value a message repeats. */
    static final int MAX = 60;

    private Quoted() {
    }

    /** {@code 'value'}, with line breaks and tabs shown as spaces and anything past 60 characters cut to "…". */
    public static String of(String value) {
        if (value == null) {
            return "''";
        }
        StringBuilder shown = new StringBuilder(Math.min(value.length(), MAX) + 3).append('\'');
        int count = 0;
        for (int i = 0; i < value.length(); i = value.offsetByCodePoints(i, 1)) {
            if (count == MAX - 1 && value.codePointCount(i, value.length()) > 1) {
                shown.append('…');
                break;
            }
            int c = value.codePointAt(i);
            shown.appendCodePoint(PlainText.isControl(c) ? ' ' : c);
            count++;
        }
        return shown.append('\'').toString();
    }
}
