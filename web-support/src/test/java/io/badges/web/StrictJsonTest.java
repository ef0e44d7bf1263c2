package io.badges.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Sample(String name, boolean flag, int count, List<String> tags) {
    }

    private final ObjectMapper mapper = StrictJson.configure(new ObjectMapper());

    @Test
    void readsValuesOfTheDeclaredTypes() throws Exception {
        assertThat(mapper.readValue("{\"name\":\"n\",\"flag\":true,\"count\":3,\"tags\":[\"a\"]}", Sample.class))
                .isEqualTo(new Sample("n", true, 3, List.of("a")));
    }

    @Test
    void refusesScalarsOfAnotherType() {
        for (String body : List.of("{\"name\":42}", "{\"name\":4.2}", "{\"name\":true}", "{\"flag\":\"true\"}",
                "{\"flag\":1}", "{\"count\":\"3\"}", "{\"tags\":[1]}")) {
            assertThatThrownBy(() -> mapper.readValue(body, Sample.class)).as(body)
                    .isInstanceOf(MismatchedInputException.class);
        }
    }

    @Test
    void refusesDuplicateKeysAndDeepNesting() {
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"a\",\"name\":\"b\"}", Sample.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field");
        String deep = "[".repeat(StrictJson.MAX_NESTING + 1) + "]".repeat(StrictJson.MAX_NESTING + 1);
        assertThatThrownBy(() -> mapper.readTree(deep)).isInstanceOf(JsonProcessingException.class);
        String fine = "[".repeat(StrictJson.MAX_NESTING - 1) + "]".repeat(StrictJson.MAX_NESTING - 1);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> mapper.readTree(fine))).isNull();
    }
}
