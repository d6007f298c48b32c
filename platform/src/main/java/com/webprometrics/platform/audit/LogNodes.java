package com.webprometrics.platform.audit;

import com.webprometrics.auditlog.Nodes;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The global audit log's perfect subtrees as its checkpoints stored them ({@code event_store.audit_log_node}): any
 * root, inclusion or consistency proof of the log is O(log n) lookups. The command side's sealer writes them; both
 * sides read them.
 */
public record LogNodes(JdbcTemplate jdbc) implements Nodes {
    @Override
    public byte[] perfect(int level, long index) {
        return jdbc.queryForObject("SELECT hash FROM event_store.audit_log_node WHERE level = ? AND index = ?",
                byte[].class, level, index);
    }
}
