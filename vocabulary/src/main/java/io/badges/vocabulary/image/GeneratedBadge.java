package io.badges.vocabulary.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A plain badge picture for a badge class uploaded without one: a disc in a colour derived from the
 * badge class id (stable across renames), the name's initials, and the name as the title. White text
 * on a 40 % lightness colour keeps the contrast above 4.5:1.
 */
final class GeneratedBadge {

    private GeneratedBadge() {
    }

    static byte[] svg(String badgeClassId, String name) {
        int hue = Math.floorMod(badgeClassId.hashCode(), 360);
        String title = escape(name);
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\""
                + " role=\"img\" aria-label=\"" + title + "\"><title>" + title + "</title>"
                + "<circle cx=\"128\" cy=\"128\" r=\"124\" fill=\"hsl(" + hue + ",55%,32%)\"/>"
                + "<circle cx=\"128\" cy=\"128\" r=\"104\" fill=\"none\" stroke=\"#ffffff\" stroke-opacity=\"0.7\""
                + " stroke-width=\"6\"/>"
                + "<text x=\"128\" y=\"150\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"64\""
                + " font-weight=\"bold\" fill=\"#ffffff\">" + escape(initials(name)) + "</text></svg>";
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    static String initials(String name) {
        String initials = Arrays.stream(name.strip().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .limit(2)
                .map(word -> new String(Character.toChars(word.codePointAt(0))))
                .collect(Collectors.joining());
        return initials.isEmpty() ? "?" : initials.toUpperCase(Locale.ROOT);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
