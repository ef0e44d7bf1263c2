package io.badges.vocabulary.image;

import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * SVG as far as badges need it. Parsed with StAX: a {@code <!DOCTYPE>} line is tolerated but its DTD
 * is never loaded, and any entity declaration or reference is refused (no XXE, no billion laughs).
 * Refused too: scripts, {@code on*} handlers, {@code foreignObject}, and references that a viewer would
 * fetch (an {@code href} or CSS {@code url()} that is not a fragment or a {@code data:} URI).
 * Baking inserts one element right after the root start tag; the rest of the file is kept as it is.
 */
public final class Svg {

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final Pattern EXTERNAL_CSS = Pattern.compile(
            "url\\(\\s*['\"]?\\s*(?!#|data:)|@import", Pattern.CASE_INSENSITIVE);
    private static final XMLInputFactory FACTORY = factory();

    private Svg() {
    }

    /** Where baked data goes: the element and its namespace. */
    record Carrier(String prefix, String namespace, String element) {
    }

    /** One baked element found: its text (CDATA) and its {@code verify} attribute. */
    record Baked(Carrier carrier, String text, String verify) {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, true);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setProperty("http://java.sun.com/xml/stream/properties/ignore-external-dtd", true);
        return factory;
    }

    static String text(byte[] svg) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(svg)).toString();
        } catch (CharacterCodingException e) {
            throw new BadImage("malformed SVG: it is not UTF-8 text");
        }
    }

    /**
     * Checks the SVG against the policy above and returns the baked elements of these carriers it
     * holds (an upload must hold none; a presented badge one).
     */
    static List<Baked> check(byte[] svg, List<Carrier> carriers) {
        String xml = text(svg);
        List<Baked> baked = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            boolean root = true;
            Carrier open = null;
            String verify = null;
            StringBuilder content = new StringBuilder();
            boolean inStyle = false;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        String declaration = reader.getText();
                        if (declaration != null && declaration.contains("<!ENTITY")) {
                            throw new BadImage("SVG with entity declarations is refused");
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                            throw new BadImage("SVG with entity references is refused");
                    case XMLStreamConstants.START_ELEMENT -> {
                        String local = reader.getLocalName();
                        if (root && (!local.equals("svg") || !SVG_NS.equals(reader.getNamespaceURI()))) {
                            throw new BadImage("not an SVG: the root element is not <svg> in the SVG namespace");
                        }
                        root = false;
                        String lower = local.toLowerCase(Locale.ROOT);
                        if (lower.equals("script") || lower.equals("foreignobject")) {
                            throw new BadImage("SVG with a <" + local + "> element is refused");
                        }
                        inStyle = lower.equals("style");
                        checkAttributes(reader);
                        for (Carrier carrier : carriers) {
                            if (carrier.namespace().equals(reader.getNamespaceURI())
                                    && carrier.element().equals(local)) {
                                open = carrier;
                                verify = reader.getAttributeValue(null, "verify");
                                content.setLength(0);
                            }
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (open != null) {
                            content.append(reader.getText());
                        }
                        if (inStyle && EXTERNAL_CSS.matcher(reader.getText()).find()) {
                            throw new BadImage("SVG with a style that loads external resources is refused");
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        inStyle = false;
                        if (open != null && open.element().equals(reader.getLocalName())
                                && open.namespace().equals(reader.getNamespaceURI())) {
                            baked.add(new Baked(open, content.toString().strip(), verify));
                            open = null;
                        }
                    }
                    default -> {
                    }
                }
            }
            if (root) {
                throw new BadImage("not an SVG: no root element");
            }
            return baked;
        } catch (XMLStreamException e) {
            throw new BadImage("malformed SVG: not well-formed XML");
        } finally {
            close(reader);
        }
    }

    private static void checkAttributes(XMLStreamReader reader) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String name = reader.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
            String value = reader.getAttributeValue(i).strip();
            if (name.startsWith("on")) {
                throw new BadImage("SVG with an event handler attribute (" + reader.getAttributeLocalName(i)
                        + ") is refused");
            }
            if (name.equals("href") && !value.startsWith("#") && !value.toLowerCase(Locale.ROOT).startsWith("data:")) {
                throw new BadImage("SVG with a reference to an external resource is refused");
            }
            if (name.equals("style") && EXTERNAL_CSS.matcher(value).find()) {
                throw new BadImage("SVG with a style that loads external resources is refused");
            }
        }
    }

    /** A copy of the SVG with the carrier element (and its namespace) first inside the root element. */
    static byte[] bake(byte[] svg, Carrier carrier, String verify, String cdata) {
        if (!check(svg, List.of(carrier)).isEmpty()) {
            throw new BadImage("the image already holds baked badge data");
        }
        String xml = text(svg);
        int close = rootStartTagEnd(xml);
        boolean selfClosing = xml.charAt(close - 1) == '/';
        int attributesEnd = selfClosing ? close - 1 : close;
        String declaration = " xmlns:" + carrier.prefix() + "=\"" + carrier.namespace() + "\"";
        StringBuilder element = new StringBuilder("<").append(carrier.prefix()).append(':').append(carrier.element());
        if (verify != null) {
            element.append(" verify=\"").append(escapeAttribute(verify)).append('"');
        }
        element.append('>');
        if (cdata != null) {
            element.append("<![CDATA[").append(cdata.replace("]]>", "]]]]><![CDATA[>")).append("]]>");
        }
        element.append("</").append(carrier.prefix()).append(':').append(carrier.element()).append('>');
        String baked = xml.substring(0, attributesEnd) + declaration + ">" + element
                + (selfClosing ? "</svg>" : "") + xml.substring(close + 1);
        return baked.getBytes(StandardCharsets.UTF_8);
    }

    /** The index of the {@code >} that ends the root element's start tag. */
    static int rootStartTagEnd(String xml) {
        int i = xml.startsWith("\uFEFF") ? 1 : 0;
        while (i < xml.length()) {
            char c = xml.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (xml.startsWith("<?", i)) {
                i = after(xml, "?>", i);
            } else if (xml.startsWith("<!--", i)) {
                i = after(xml, "-->", i);
            } else if (xml.startsWith("<!", i)) {
                i = tagEnd(xml, i) + 1;
            } else if (c == '<') {
                return tagEnd(xml, i);
            } else {
                throw new BadImage("malformed SVG: text before the root element");
            }
        }
        throw new BadImage("not an SVG: no root element");
    }

    private static int after(String xml, String end, int from) {
        int at = xml.indexOf(end, from);
        if (at < 0) {
            throw new BadImage("malformed SVG: an unterminated declaration");
        }
        return at + end.length();
    }

    /** The closing {@code >} of a tag or declaration, past quoted values and a DOCTYPE's internal subset. */
    private static int tagEnd(String xml, int from) {
        char quote = 0;
        int brackets = 0;
        for (int j = from + 1; j < xml.length(); j++) {
            char c = xml.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
            } else if (c == '>' && brackets <= 0) {
                return j;
            }
        }
        throw new BadImage("malformed SVG: an unterminated tag");
    }

    private static String escapeAttribute(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was written; the reader holds no resource but the string
            }
        }
    }
}
