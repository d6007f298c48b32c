package com.webprometrics.websecurity;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UuidsTest {

    @Test
    void randomIdsAreVersionFour() {
        UUID id = Uuids.random();
        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void timeOrderedIdsCarryTheMillisecondAndSortByIt() throws InterruptedException {
        long before = System.currentTimeMillis();
        UUID first = Uuids.timeOrdered();
        Thread.sleep(2);
        UUID second = Uuids.timeOrdered();
        long after = System.currentTimeMillis();

        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isBetween(before, after);
        // the index compares the text: an id made in a later millisecond sorts after
        assertThat(second.toString()).isGreaterThan(first.toString());
    }

    @Test
    void timeOrderedIdsMadeInTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Uuids.timeOrdered());
        }
        assertThat(ids).hasSize(10_000);
    }
}
