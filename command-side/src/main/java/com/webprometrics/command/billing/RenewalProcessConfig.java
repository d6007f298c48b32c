package com.webprometrics.command.billing;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The renewal process's storage: Axon's JDBC saga store on the tables of V16 (snake_case, {@code bytea}), and its
 * processor reading the store from the start the first time, so a subscription's latest scheduled step is found
 * whenever the process is first deployed.
 */
@Configuration
class RenewalProcessConfig {
    static final String PROCESSOR = "RenewalProcessProcessor";

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("command.saga_entry")
                .associationValueEntryTable("command.association_value_entry")
                .sagaIdColumn("saga_id")
                .revisionColumn("revision")
                .sagaTypeColumn("saga_type")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    @Autowired
    void renewalProcessor(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessor(PROCESSOR, c -> c.eventStore(),
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken));
    }
}
