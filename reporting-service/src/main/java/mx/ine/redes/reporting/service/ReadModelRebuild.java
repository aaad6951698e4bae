package mx.ine.redes.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.MalformedEventException;
import mx.ine.redes.events.Topics;
import mx.ine.redes.events.UnknownEventTypeException;
import mx.ine.redes.reporting.config.RebuildConfig;
import mx.ine.redes.reporting.messaging.AccountEventsConsumer;
import mx.ine.redes.reporting.messaging.EvaluationEventsConsumer;
import mx.ine.redes.reporting.messaging.SubmissionEventsConsumer;
import mx.ine.redes.support.consumer.RecordHandler;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the read model from the topics: holds the live consumers ({@link ReadModelGate}), empties every
 * table of this service but its bookkeeping (discovered from the schema, so that a table added later is
 * emptied too), captures each partition's end offset, replays the three topics from the beginning up to
 * there through the consumers' own {@code apply} (inbox included) in batches, one transaction each, and
 * lets the consumers go on. Every event is applied again exactly as it was live, and the read model is
 * order-tolerant across topics (sequence guards), so the reports come out byte for byte the same.
 * Progress is durable ({@code rebuild_run}, {@code rebuild_topic}); a failure leaves the run FAILED with its
 * error and the consumers going, and the reports answer 503 until a rebuild succeeds.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    /** Not the read model: Flyway's history, the dead letters, the outbox (service-support) and the rebuilds' own record. */
    static final Set<String> KEPT = Set.of("flyway_schema_history", "dead_letter", "outbox_message", "aggregate_sequence",
            "rebuild_run", "rebuild_topic");

    /** The channels replayed, in this order, each through the consumer that applies it live. */
    private static final List<String> CHANNELS = List.of("account-events", "evaluation-events", "submission-events");
    private static final int BATCH_ATTEMPTS = 5;
    private static final Map<String, String> DEFAULT_TOPICS = Map.of("account-events", Topics.ACCOUNTS,
            "evaluation-events", Topics.EVALUATION, "submission-events", Topics.SUBMISSIONS);

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    // Operational time, not the business one: a rebuild's heartbeat and rate are real seconds even where the
    // local stack simulates the calendar.
    private final Clock clock = Clock.systemUTC();

    @Inject
    ReadModelGate gate;

    @Inject
    RebuildConfig config;

    @Inject
    Config settings;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ReportFeed feed;

    @Inject
    AccountEventsConsumer accounts;

    @Inject
    EvaluationEventsConsumer evaluation;

    @Inject
    SubmissionEventsConsumer submissions;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> new Thread(task, "read-model-rebuild"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            task -> new Thread(task, "read-model-rebuild-heartbeat"));

    /** A topic replayed and the consumer that applies its records live. */
    private record Source(String topic, RecordHandler handler) {
    }

    /** Where each partition of a topic begins and where the replay stops (its end when the replay began). */
    private record Range(Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {

        long records() {
            return end.entrySet().stream().mapToLong(entry -> entry.getValue() - begin.getOrDefault(entry.getKey(), 0L)).sum();
        }
    }

    /**
     * Starts a rebuild in the background.
     *
     * @return the run's id
     * @throws ProblemException 409 while another one runs (in any instance)
     */
    public long start(String requestedBy) {
        long id = register(requestedBy);
        runner.execute(() -> run(id));
        return id;
    }

    /**
     * Rebuilds on the caller's thread and returns once it has ended (SUCCEEDED or FAILED): for a command or a
     * benchmark that holds the live consumers itself ({@link ReadModelGate#hold()}) on this thread.
     *
     * @return the run's id
     */
    public long rebuildNow(String requestedBy) {
        long id = register(requestedBy);
        run(id);
        return id;
    }

    private long register(String requestedBy) {
        return QuarkusTransaction.requiringNew().call(() -> {
            abandonStale();
            List<?> inserted = entityManager.createNativeQuery("""
                    insert into rebuild_run (state, requested_by, requested_at, heartbeat_at)
                    values ('RUNNING', :by, :now, :now)
                    on conflict (state) where state = 'RUNNING' do nothing returning id""")
                    .setParameter("by", requestedBy).setParameter("now", now()).getResultList();
            if (inserted.isEmpty()) {
                Object running = entityManager.createNativeQuery("select id from rebuild_run where state = 'RUNNING'")
                        .getResultList().stream().findFirst().orElse("?");
                throw ProblemException.conflict(Text.of(
                        "Ya hay una reconstrucción en curso (" + running + "); espere a que termine.",
                        "A rebuild is already running (" + running + "); wait until it ends."));
            }
            return ((Number) inserted.getFirst()).longValue();
        });
    }

    public Optional<RebuildProgress> progress(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> runs = entityManager.createNativeQuery("""
                    select id, state, requested_by, requested_at, cleared_at, finished_at, error from rebuild_run where id = :id""")
                    .setParameter("id", id).getResultList();
            if (runs.isEmpty()) {
                return Optional.empty();
            }
            Object[] run = (Object[]) runs.getFirst();
            List<RebuildProgress.TopicProgress> topics = new ArrayList<>();
            Map<String, Object[]> byTopic = new HashMap<>();
            for (Object row : entityManager.createNativeQuery("""
                    select topic, cast(end_offsets as text), records, applied, undecodable, started_at, finished_at
                    from rebuild_topic where run_id = :id""").setParameter("id", id).getResultList()) {
                byTopic.put((String) ((Object[]) row)[0], (Object[]) row);
            }
            for (Source source : sources()) {
                Object[] row = byTopic.get(source.topic());
                if (row == null) {
                    continue;
                }
                Instant started = instant(row[5]);
                Instant finished = instant(row[6]);
                long applied = ((Number) row[3]).longValue();
                topics.add(new RebuildProgress.TopicProgress(source.topic(), offsets((String) row[1]), ((Number) row[2]).longValue(),
                        applied, ((Number) row[4]).longValue(), rate(applied, started, finished), started, finished));
            }
            return Optional.of(new RebuildProgress(((Number) run[0]).longValue(), (String) run[1], (String) run[2], instant(run[3]),
                    instant(run[4]), instant(run[5]), (String) run[6], topics));
        });
    }

    /**
     * Refuses to answer from a read model that is being rebuilt, or that a failed rebuild left incomplete.
     *
     * @throws ProblemException 503 with {@code Retry-After}
     */
    public void ensureReadModelComplete() {
        List<?> latest = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select id, state, cleared_at is not null, heartbeat_at from rebuild_run order by id desc limit 1""").getResultList());
        if (latest.isEmpty()) {
            return;
        }
        Object[] run = (Object[]) latest.getFirst();
        long id = ((Number) run[0]).longValue();
        String state = (String) run[1];
        boolean cleared = (Boolean) run[2];
        boolean alive = "RUNNING".equals(state) && !abandoned(instant(run[3]));
        if (alive) {
            throw unavailable(Text.of("Reconstrucción en curso: el modelo de lectura se está reconstruyendo desde los eventos"
                            + " (reconstrucción " + id + ", GET /api/operations/rebuilds/" + id + "). Vuelva a intentarlo en unos segundos.",
                    "Rebuild under way: the read model is being rebuilt from the events (rebuild " + id + ", GET /api/operations/rebuilds/"
                            + id + "). Try again in a few seconds."), Duration.ofSeconds(10));
        }
        if (!"SUCCEEDED".equals(state) && cleared) {
            throw unavailable(Text.of("El modelo de lectura está incompleto: la reconstrucción " + id + " no terminó. Un operador debe"
                            + " iniciar otra (POST /api/operations/rebuilds).",
                    "The read model is incomplete: rebuild " + id + " did not finish. An operator must start another one"
                            + " (POST /api/operations/rebuilds)."), Duration.ofSeconds(60));
        }
    }

    // --- the run ---------------------------------------------------------------------------------------

    private void run(long runId) {
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> beat(runId), config.heartbeatEvery().toMillis(),
                config.heartbeatEvery().toMillis(), TimeUnit.MILLISECONDS);
        boolean held = false;
        try {
            gate.close();
            held = true;
            clear(runId);
            // Captured after the read model is emptied: whatever a consumer elsewhere applied after that stays,
            // and everything before it is below these offsets and replayed.
            Map<Source, Range> ranges = new LinkedHashMap<>();
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(kafkaProperties(runId, "offsets"))) {
                for (Source source : sources()) {
                    ranges.put(source, capture(kafka, source.topic()));
                }
            }
            QuarkusTransaction.requiringNew().run(() -> ranges.forEach((source, range) -> entityManager.createNativeQuery("""
                            insert into rebuild_topic (run_id, topic, end_offsets, records) values (:run, :topic, cast(:ends as jsonb), :records)""")
                    .setParameter("run", runId).setParameter("topic", source.topic())
                    .setParameter("ends", write(byPartition(range.end()))).setParameter("records", range.records()).executeUpdate()));
            replayTopics(runId, ranges);
            finish(runId, "SUCCEEDED", null);
            LOG.infof("Rebuild %d of the read model succeeded", runId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(runId, "FAILED", "Interrumpida: el servicio se detuvo durante la reconstrucción");
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Rebuild %d of the read model failed", runId);
            finish(runId, "FAILED", describe(e));
        } finally {
            heartbeat.cancel(false);
            if (held) {
                gate.open();
            }
        }
    }

    private void clear(long runId) {
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<String> tables = entityManager.createNativeQuery(
                    "select tablename from pg_tables where schemaname = current_schema() order by tablename").getResultList();
            String readModel = tables.stream().filter(table -> !KEPT.contains(table)).map(table -> '"' + table.replace("\"", "\"\"") + '"')
                    .collect(Collectors.joining(", "));
            if (!readModel.isEmpty()) {
                entityManager.createNativeQuery("truncate table " + readModel).executeUpdate();
            }
            entityManager.createNativeQuery("update rebuild_run set cleared_at = :now where id = :id")
                    .setParameter("now", now()).setParameter("id", runId).executeUpdate();
            LOG.infof("Rebuild %d emptied %s", runId, readModel);
        });
    }

    /**
     * Every partition of every topic side by side, each on a thread with a consumer of its own: the order that
     * matters is an aggregate's, within its partition; partitions share no row but the watermarks, which a batch
     * writes once at its end in scope order ({@link ReportFeed#batched}), and the read model does not depend on the
     * order between them (sequence guards). A batch that meets another's lock in a deadlock is applied again.
     */
    private void replayTopics(long runId, Map<Source, Range> ranges) throws InterruptedException {
        List<Map.Entry<Source, Range>> partitions = new ArrayList<>();
        ranges.forEach((source, range) -> {
            markTopic(runId, source, "started_at");
            range.end().forEach((partition, end) -> {
                long begin = range.begin().getOrDefault(partition, 0L);
                if (end > begin) {
                    partitions.add(Map.entry(source, new Range(Map.of(partition, begin), Map.of(partition, end))));
                }
            });
        });
        int threads = Math.max(1, Math.min(config.parallelism(), partitions.size()));
        ExecutorService replayers = Executors.newFixedThreadPool(threads, task -> new Thread(task, "read-model-replay"));
        try {
            Map<Source, List<CompletableFuture<Void>>> replays = new LinkedHashMap<>();
            ranges.keySet().forEach(source -> replays.put(source, new ArrayList<>()));
            for (Map.Entry<Source, Range> partition : partitions) {
                replays.get(partition.getKey()).add(CompletableFuture.runAsync(() -> {
                    try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(kafkaProperties(runId, partition.getKey().topic()))) {
                        replay(runId, kafka, partition.getKey(), partition.getValue());
                    }
                }, replayers));
            }
            List<CompletableFuture<Void>> topics = new ArrayList<>();
            replays.forEach((source, parts) -> topics.add(CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                    .thenRun(() -> markTopic(runId, source, "finished_at"))));
            try {
                CompletableFuture.allOf(topics.toArray(CompletableFuture[]::new)).get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException wrapped ? wrapped.getCause() : e.getCause();
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            }
        } finally {
            replayers.shutdownNow();
        }
    }

    private void markTopic(long runId, Source source, String column) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update rebuild_topic set " + column + " = :now where run_id = :run and topic = :topic")
                .setParameter("now", now()).setParameter("run", runId).setParameter("topic", source.topic()).executeUpdate());
    }

    private Range capture(KafkaConsumer<String, String> kafka, String topic) {
        Duration timeout = config.brokerTimeout();
        List<PartitionInfo> infos = Optional.ofNullable(kafka.partitionsFor(topic, timeout)).orElse(List.of());
        List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        if (partitions.isEmpty()) {
            return new Range(Map.of(), Map.of());
        }
        return new Range(kafka.beginningOffsets(partitions, timeout), kafka.endOffsets(partitions, timeout));
    }

    private void replay(long runId, KafkaConsumer<String, String> kafka, Source source, Range range) {
        Map<TopicPartition, Long> remaining = new HashMap<>();
        range.end().forEach((partition, end) -> {
            if (end > range.begin().getOrDefault(partition, 0L)) {
                remaining.put(partition, end);
            }
        });
        kafka.assign(remaining.keySet());
        remaining.keySet().forEach(partition -> kafka.seek(partition, range.begin().getOrDefault(partition, 0L)));
        List<String> batch = new ArrayList<>(config.batchSize());
        while (!remaining.isEmpty()) {
            ConsumerRecords<String, String> polled = kafka.poll(Duration.ofMillis(200));
            for (TopicPartition partition : polled.partitions()) {
                Long end = remaining.get(partition);
                if (end == null) {
                    continue;
                }
                for (ConsumerRecord<String, String> record : polled.records(partition)) {
                    if (record.offset() < end) {
                        batch.add(record.value());
                        if (batch.size() == config.batchSize()) {
                            applyBatch(runId, source, batch);
                            batch.clear();
                        }
                    }
                }
            }
            // A partition is done once its position passes the captured end (compaction or transaction markers may
            // leave offsets without a record).
            for (TopicPartition partition : List.copyOf(remaining.keySet())) {
                if (kafka.position(partition, config.brokerTimeout()) >= remaining.get(partition)) {
                    remaining.remove(partition);
                    kafka.pause(List.of(partition));
                }
            }
        }
        applyBatch(runId, source, batch);
    }

    /** The records through the live consumer's own apply, in one transaction, with the topic's progress. */
    private void applyBatch(long runId, Source source, List<String> records) {
        if (records.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                applyOnce(runId, source, records);
                return;
            } catch (RuntimeException e) {
                // A batch rolled back left nothing behind: applied again, whole. (A lock conflict with another
                // topic's batch, a dropped connection; a bug fails every attempt.)
                if (attempt == BATCH_ATTEMPTS || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                LOG.warnf("Rebuild %d: a batch of %s failed (attempt %d), applied again: %s", runId, source.topic(), attempt, e);
            }
        }
    }

    private void applyOnce(long runId, Source source, List<String> records) {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            long[] applied = new long[1];
            long[] undecodable = new long[1];
            feed.batched(() -> {
                for (String record : records) {
                    // Checked before apply: a malformed record thrown from inside it would mark the whole batch for rollback.
                    if (undecodable(record)) {
                        undecodable[0]++;
                        continue;
                    }
                    source.handler().apply(record);
                    // Each record's changes written out and forgotten: the session stays small, so that the native
                    // statements of the next record do not dirty-check every entity of the batch.
                    entityManager.flush();
                    entityManager.clear();
                    applied[0]++;
                }
            });
            entityManager.createNativeQuery("""
                            update rebuild_topic set applied = applied + :applied, undecodable = undecodable + :undecodable
                            where run_id = :run and topic = :topic""")
                    .setParameter("applied", applied[0]).setParameter("undecodable", undecodable[0])
                    .setParameter("run", runId).setParameter("topic", source.topic()).executeUpdate();
        });
    }

    private static boolean undecodable(String record) {
        try {
            EventJson.read(record);
            return false;
        } catch (UnknownEventTypeException unknown) {
            return false;
        } catch (MalformedEventException malformed) {
            return true;
        }
    }

    private void finish(long runId, String state, String error) {
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                            update rebuild_run set state = :state, finished_at = :now, heartbeat_at = :now, error = :error where id = :id""")
                    .setParameter("state", state).setParameter("now", now()).setParameter("error", error)
                    .setParameter("id", runId).executeUpdate());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild %d could not record that it ended %s; it stays RUNNING until abandoned", runId, state);
        }
    }

    private void beat(long runId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                            "update rebuild_run set heartbeat_at = :now where id = :id and state = 'RUNNING'")
                    .setParameter("now", now()).setParameter("id", runId).executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("Rebuild %d could not renew its heartbeat: %s", runId, e.toString());
        }
    }

    /** A run whose instance stopped: FAILED, so that it no longer blocks the next one. */
    private void abandonStale() {
        entityManager.createNativeQuery("""
                        update rebuild_run set state = 'FAILED', finished_at = :now,
                            error = 'Abandonada: la instancia que la ejecutaba dejó de informar su avance'
                        where state = 'RUNNING' and heartbeat_at < :stale""")
                .setParameter("now", now()).setParameter("stale", now().minus(config.abandonedAfter())).executeUpdate();
    }

    private boolean abandoned(Instant heartbeat) {
        return heartbeat == null || heartbeat.isBefore(clock.instant().minus(config.abandonedAfter()));
    }

    private List<Source> sources() {
        List<RecordHandler> handlers = List.of(accounts, evaluation, submissions);
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < CHANNELS.size(); i++) {
            String channel = CHANNELS.get(i);
            sources.add(new Source(settings.getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class)
                    .orElse(DEFAULT_TOPICS.get(channel)), handlers.get(i)));
        }
        return sources;
    }

    private Map<String, Object> kafkaProperties(long runId, String purpose) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "reporting-rebuild-" + runId + "-" + purpose,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    }

    private static ProblemException unavailable(Text detail, Duration retryAfter) {
        return new ProblemException(503, detail, List.of()) {
            @Override
            public Map<String, String> headers() {
                return Map.of("Retry-After", Long.toString(retryAfter.toSeconds()));
            }
        };
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" ← ").append(cause);
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
    }

    private static Double rate(long applied, Instant started, Instant finished) {
        if (started == null) {
            return null;
        }
        long millis = Duration.between(started, finished == null ? Instant.now(Clock.systemUTC()) : finished).toMillis();
        return millis <= 0 ? null : Math.round(applied * 1000.0 / millis * 10) / 10.0;
    }

    private static Map<Integer, Long> byPartition(Map<TopicPartition, Long> offsets) {
        Map<Integer, Long> byPartition = new TreeMap<>();
        offsets.forEach((partition, offset) -> byPartition.put(partition.partition(), offset));
        return byPartition;
    }

    private Map<Integer, Long> offsets(String text) {
        try {
            return new TreeMap<>(json.readValue(text, new TypeReference<Map<Integer, Long>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("Not an instant: " + value.getClass());
        };
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
        runner.shutdownNow();
    }
}
