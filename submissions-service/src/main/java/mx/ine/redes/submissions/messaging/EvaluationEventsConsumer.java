package mx.ine.redes.submissions.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import mx.ine.redes.submissions.service.RequestProjection;
import mx.ine.redes.support.consumer.EventConsumption;
import mx.ine.redes.support.consumer.RecordHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * evaluation-service's events: the requests this service takes submissions for, their deadlines,
 * withdrawals and closings, and the observations. Retried until applied (a lost deadline move would
 * misjudge timeliness); only a record that cannot be decoded is parked ({@link EventConsumption}).
 */
@ApplicationScoped
public class EvaluationEventsConsumer implements RecordHandler {

    @Inject
    RequestProjection projection;

    @Inject
    EventConsumption consumption;

    @Incoming("evaluation-events")
    @Blocking
    public void onEvaluationEvent(ConsumerRecord<String, String> record) {
        consumption.consume(this, record);
    }

    @Override
    public String consumerName() {
        return "submissions-requests";
    }

    @Override
    public void apply(String record) {
        projection.apply(record);
    }
}
