package com.webprometrics.platform.axon;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Axon 4.13 orders its JDBC and transaction auto-configurations after Boot 3's class names; Boot 4 moved
 * them, so without this Axon would not see the DataSource and would silently fall back to a no-op
 * transaction manager. This empty auto-configuration sits between the two and restores the order.
 * {@code CommandSideIntegrationTest} and {@code QuerySideIntegrationTest} guard it.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration"})
public class AxonJdbcOrderingAutoConfiguration {
}
