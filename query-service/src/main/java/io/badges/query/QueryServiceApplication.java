package io.badges.query;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryServiceApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(QueryServiceApplication.class);
        if (Arrays.asList(args).contains("migrate")) {
            app.setAdditionalProfiles("migrate-only");
        }
        app.run(args);
    }
}
