package io.badges.command;

import io.badges.web.AheadOfTimeStart;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandServiceApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        // the embedded default starts from Spring's AOT-generated bean definitions (AheadOfTimeStart)
        AheadOfTimeStart.application(CommandServiceApplication.class, args).run(args);
    }
}
