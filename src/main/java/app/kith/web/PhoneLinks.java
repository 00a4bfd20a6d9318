package app.kith.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code tel:} link of a phone number as typed, so that a tap dials that number: a leading + and the digits,
 * letters as the keypad's digits (1-800-FLOWERS), pauses kept (","), and an extension dialled after a pause.
 */
public final class PhoneLinks {
    /** "ext. 12", "extension 12" or "x12" at the end ("#" is a dial string's own: *31#NUMBER). */
    private static final Pattern EXTENSION = Pattern.compile("(?i)\\s*(?:ext\\.?|extension|x)\\s*(\\d+)\\s*$");
    private static final String KEYPAD = "22233344455566677778889999";

    private PhoneLinks() {
    }

    /** The link's address, or null when the text holds no digit to dial. */
    public static String tel(String phone) {
        String number = phone.strip();
        String extension = "";
        Matcher ext = EXTENSION.matcher(number);
        if (ext.find() && ext.start() > 0) {
            extension = "," + ext.group(1);
            number = number.substring(0, ext.start());
        }
        StringBuilder dial = new StringBuilder("tel:");
        boolean digits = false;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == '+' && dial.length() == 4) {
                dial.append('+');
            } else if (c >= '0' && c <= '9') {
                dial.append(c);
                digits = true;
            } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                dial.append(KEYPAD.charAt(Character.toUpperCase(c) - 'A'));
                digits = true;
            } else if (c == ',' || c == ';' || c == '*') {
                dial.append(c);
            } else if (c == '#') {
                dial.append("%23");
            }
        }
        return digits ? dial.append(extension).toString() : null;
    }
}
