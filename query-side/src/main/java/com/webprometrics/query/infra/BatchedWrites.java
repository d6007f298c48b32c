package com.webprometrics.query.infra;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * How projections write: a handler's statement is queued in the processor's unit of work (one per batch of events)
 * and sent just before that unit of work commits, in the order the handlers queued them, as JDBC batches of
 * consecutive runs of the same statement. A batch of events then costs one round trip to PostgreSQL instead of one
 * per event: under a full command load the clients projection spent most of its time waiting for those round trips
 * and fell seconds behind (docs/benchmarks.md). A handler writing through this must not read, in the same batch,
 * what it wrote. Outside a unit of work (a reset, a direct call) the statement runs at once.
 */
@Component
public class BatchedWrites {
    private static final String QUEUE = BatchedWrites.class.getName() + ".queue";

    private final JdbcTemplate jdbc;

    BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Statement(String sql, Object[] args) {
    }

    public void update(String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        queue().add(new Statement(sql, args));
    }

    private List<Statement> queue() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(QUEUE, key -> {
            List<Statement> queued = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> send(queued));
            return queued;
        });
    }

    private void send(List<Statement> queued) {
        for (int start = 0; start < queued.size(); ) {
            String sql = queued.get(start).sql();
            int end = start;
            List<Object[]> rows = new ArrayList<>();
            while (end < queued.size() && queued.get(end).sql().equals(sql)) {
                rows.add(queued.get(end++).args());
            }
            if (rows.size() == 1) {
                jdbc.update(sql, rows.get(0));
            } else {
                jdbc.batchUpdate(sql, rows);
            }
            start = end;
        }
    }
}
