package mx.ine.redes.accounts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.accounts.Area;
import mx.ine.redes.accounts.Person;
import mx.ine.redes.accounts.SupportDocument;
import mx.ine.redes.accounts.Training;
import mx.ine.redes.accounts.rest.DocumentRequest;
import mx.ine.redes.accounts.rest.PersonRequest;
import mx.ine.redes.accounts.rest.TrainingRequest;
import mx.ine.redes.events.TrainingRecorded;
import mx.ine.redes.support.outbox.EventPublisher;
import mx.ine.redes.support.problem.ProblemException;

/** The people who administer accounts, the trainings they attend and the guides published to them (Art. 6 IV, V). */
@ApplicationScoped
@Transactional
public class StaffService {

    @Inject
    Clock clock;

    @Inject
    EventPublisher events;

    public Person registerPerson(PersonRequest request) {
        String email = StaffEmails.require(request.email(), "email");
        if (Person.findByEmail(email).isPresent()) {
            throw ProblemException.conflict("Ya hay una persona registrada con el correo " + email + ".");
        }
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.name = request.name().strip();
        person.email = email;
        if (request.areaCode() != null) {
            person.area = Area.findByCode(request.areaCode()).orElseThrow(() ->
                    ProblemException.invalid("areaCode", "No existe el área " + request.areaCode() + "."));
        }
        person.createdAt = clock.instant();
        person.persist();
        return person;
    }

    public Training recordTraining(TrainingRequest request, String actor) {
        Training training = new Training();
        training.id = UUID.randomUUID();
        training.heldOn = request.heldOn();
        training.topic = request.topic().strip();
        training.hours = request.hours();
        training.modality = request.modality();
        training.recordedBy = actor;
        training.recordedAt = clock.instant();
        List<String> attendees = new ArrayList<>();
        for (int i = 0; i < request.attendeeEmails().size(); i++) {
            String field = "attendeeEmails[" + i + "]";
            String email = StaffEmails.require(request.attendeeEmails().get(i), field);
            Person person = Person.findByEmail(email).orElseThrow(() -> ProblemException.invalid(field,
                    "No hay una persona registrada con el correo " + email + "."));
            if (training.attendees.add(person)) {
                attendees.add(email);
            }
        }
        training.persist();
        events.publish(new TrainingRecorded(training.id, training.heldOn, training.topic, training.hours,
                training.modality.name(), attendees));
        return training;
    }

    public SupportDocument publishDocument(DocumentRequest request, String actor) {
        SupportDocument document = new SupportDocument();
        document.id = UUID.randomUUID();
        document.title = request.title().strip();
        document.link = request.link().strip();
        document.description = request.description() == null || request.description().isBlank() ? null : request.description().strip();
        document.publishedOn = request.publishedOn();
        document.recordedBy = actor;
        document.recordedAt = clock.instant();
        document.persist();
        return document;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Person> people() {
        return Person.list("order by email");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Training> trainings() {
        return Training.list("select distinct t from Training t left join fetch t.attendees order by t.heldOn desc, t.id");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SupportDocument> documents() {
        return SupportDocument.list("order by publishedOn desc, id");
    }
}
