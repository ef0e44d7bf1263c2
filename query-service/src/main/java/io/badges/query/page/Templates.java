package io.badges.query.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * The jte templates of src/main/jte, compiled with the service (jte-maven-plugin): HTML-escaped by
 * context at compile time, so a badge named {@code <script>} shows as text.
 */
@Component
class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** The page {@code template} (a .jte file name) renders for {@code page}, its one parameter. */
    byte[] render(String template, Object page) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(template, page, output);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(output.getContentLength());
        try {
            output.writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
