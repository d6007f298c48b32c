package com.webprometrics.query.ops;

import com.webprometrics.platform.domain.DomainException;
import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Starts online rebuilds, one at a time per instance, on their own thread, and remembers how each went
 * (until the process ends: a rebuild's record is operational, not audit history).
 */
@Service
public class Rebuilds {
    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final Map<String, OnlineRebuild> rebuilds;
    private final EventProcessingConfiguration processing;
    private final Clock clock;
    private final Map<UUID, RebuildProgress> all = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "online-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private RebuildProgress running;

    Rebuilds(List<OnlineRebuild> rebuilds, EventProcessingConfiguration processing, Clock clock) {
        this.rebuilds = rebuilds.stream().collect(Collectors.toMap(OnlineRebuild::processor, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
        this.processing = processing;
        this.clock = clock;
    }

    /**
     * @throws DomainException not found for an unknown processor; conflict when another rebuild runs or the
     *                         processor's read model cannot be rebuilt online
     */
    public synchronized RebuildProgress start(String processor) {
        if (processing.eventProcessor(processor).isEmpty()) {
            throw DomainException.notFound("The processor " + processor);
        }
        OnlineRebuild rebuild = rebuilds.get(processor);
        if (rebuild == null) {
            throw new DomainException(DomainException.Kind.CONFLICT, "No online rebuild",
                    "Processor " + processor + " has no online rebuild; online rebuilds exist for " + rebuilds.keySet() + ".");
        }
        if (running != null && !running.finished()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "Rebuild running",
                    "Rebuild " + running.id() + " of " + running.processor() + " is still running.");
        }
        RebuildProgress progress = new RebuildProgress(UUID.randomUUID(), processor, clock);
        all.put(progress.id(), progress);
        running = progress;
        worker.submit(() -> run(rebuild, progress));
        return progress;
    }

    public Optional<RebuildProgress.Status> status(UUID id) {
        return Optional.ofNullable(all.get(id)).map(RebuildProgress::status);
    }

    private void run(OnlineRebuild rebuild, RebuildProgress progress) {
        try {
            log.info("Rebuild {} of {} started", progress.id(), rebuild.processor());
            rebuild.run(progress);
            progress.done();
            log.info("Rebuild {} of {} done: {}", progress.id(), rebuild.processor(), progress.status());
        } catch (Exception | Error e) {
            log.error("Rebuild {} of {} failed; the live read model was kept", progress.id(), rebuild.processor(), e);
            progress.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
