package com.webprometrics.command.ops;

import com.webprometrics.command.infra.tables.CommandTables;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/ops/command-tables/rebuild} (platform role OPS, by the role matrix): empties the command side's
 * event-fed tables and replays the event store into them, in one transaction; commands that would write them wait
 * meanwhile. For after an incident (a table edited by hand, a restore of part of the database).
 */
@RestController
@RequestMapping("/api/ops/command-tables")
class CommandTablesController {
    private final CommandTables tables;

    CommandTablesController(CommandTables tables) {
        this.tables = tables;
    }

    @PostMapping("/rebuild")
    CommandTables.Rebuilt rebuild() {
        return tables.rebuild();
    }
}
