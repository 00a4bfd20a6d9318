package app.kith.exchange;

import app.kith.shared.CjkText;

import java.util.Arrays;
import java.util.List;

/** A contact's name made from the parts a file gives apart (given, middle and family names). */
final class PersonNames {
    private PersonNames() {
    }

    /**
     * The parts, given name first and family name last, as the name is written: "Ada King Lovelace", with blank parts
     * left out. Names in Chinese, Japanese or Korean script are written family name first without spaces: family 李
     * and given 雷 as 李雷, 박 and 지민 as 박지민.
     */
    static String joined(String... givenToFamily) {
        List<String> parts = Arrays.stream(givenToFamily)
                .filter(part -> part != null && !part.isBlank())
                .map(String::strip)
                .toList();
        if (parts.size() > 1 && parts.stream().allMatch(CjkText::allCjk)) {
            return parts.get(parts.size() - 1) + String.join("", parts.subList(0, parts.size() - 1));
        }
        return String.join(" ", parts);
    }
}
