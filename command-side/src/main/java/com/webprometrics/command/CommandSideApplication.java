package com.webprometrics.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The write side: REST command API, Axon aggregates, sign-in and token issuing. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class CommandSideApplication {
    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
