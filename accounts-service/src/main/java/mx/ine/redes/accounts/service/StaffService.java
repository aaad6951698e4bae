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
import java.time.LocalDate;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;

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
            throw ProblemException.conflict(Text.of("Ya hay una persona registrada con el correo " + email + ".",
                    "A person is already registered with the e-mail " + email + "."),
                    List.of(ProblemException.Violation.field("email", Text.of("Ya registrado.", "Already registered."))));
        }
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.name = request.name().strip();
        person.email = email;
        if (request.areaCode() != null) {
            person.area = Area.findByCode(request.areaCode()).orElseThrow(() -> ProblemException.invalid("areaCode",
                    Text.of("No existe el área " + request.areaCode() + ".", "There is no area " + request.areaCode() + ".")));
        }
        person.createdAt = clock.instant();
        person.persist();
        return person;
    }

    public Training recordTraining(TrainingRequest request, String actor) {
        // A training is recorded once it was held: never ahead.
        if (request.heldOn().isAfter(today())) {
            throw ProblemException.invalid("heldOn", Text.of("La fecha de la capacitación (" + request.heldOn()
                    + ") no puede ser futura: se registra una vez impartida.", "The training date (" + request.heldOn()
                    + ") cannot be in the future: a training is recorded once held."));
        }
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
                    Text.of("No hay una persona registrada con el correo " + email + ".",
                            "No person is registered with the e-mail " + email + ".")));
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
        if (request.publishedOn().isAfter(today())) {
            throw ProblemException.invalid("publishedOn", Text.of("La fecha de publicación (" + request.publishedOn()
                    + ") no puede ser futura.", "The publication date (" + request.publishedOn() + ") cannot be in the future."));
        }
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

    /** People by e-mail (unique): a stable order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Person> people(PageRequest paging) {
        return paging.of(Person.count(), () -> Person.<Person>find("order by email")
                .range(paging.firstResult(), paging.firstResult() + paging.size() - 1).list());
    }

    /** Trainings, most recent first, then by id; a page of ids first, then those trainings with their attendees. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Training> trainings(PageRequest paging) {
        return paging.of(Training.count(), () -> {
            List<UUID> ids = Training.getEntityManager().createQuery(
                            "select t.id from Training t order by t.heldOn desc, t.id", UUID.class)
                    .setFirstResult(paging.firstResult()).setMaxResults(paging.size()).getResultList();
            if (ids.isEmpty()) {
                return List.of();
            }
            return Training.getEntityManager().createQuery("""
                            select distinct t from Training t left join fetch t.attendees
                            where t.id in :ids order by t.heldOn desc, t.id""", Training.class)
                    .setParameter("ids", ids).getResultList();
        });
    }

    /** Documents, most recently published first, then by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SupportDocument> documents(PageRequest paging) {
        return paging.of(SupportDocument.count(), () -> SupportDocument.<SupportDocument>find("order by publishedOn desc, id")
                .range(paging.firstResult(), paging.firstResult() + paging.size() - 1).list());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), AccountService.INSTITUTE_ZONE);
    }
}
