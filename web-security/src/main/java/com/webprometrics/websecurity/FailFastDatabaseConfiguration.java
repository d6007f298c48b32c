package com.webprometrics.websecurity;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every data source of a service behind a {@link FailFastDataSource}. */
@Configuration(proxyBeanMethods = false)
public class FailFastDatabaseConfiguration {

    @Bean
    static BeanPostProcessor failFastDataSources() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource pool && !(bean instanceof FailFastDataSource)
                        ? new FailFastDataSource(pool) : bean;
            }
        };
    }
}
