package com.webprometrics.query;

import com.webprometrics.platform.axon.eventstore.GlobalIndex;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An event's own global index, also for one that commits late and fills a gap below the token's index. */
class GlobalIndexTest {

    @Test
    void theNextEventIsTheTokensNewIndexAndALateOneIsTheGapItFilled() {
        GapAwareTrackingToken start = GapAwareTrackingToken.newInstance(10, List.of(7L, 9L));
        GapAwareTrackingToken next = start.advanceTo(12, 1000);
        assertThat(GlobalIndex.between(start, next)).isEqualTo(12);
        GapAwareTrackingToken late = next.advanceTo(9, 1000);
        assertThat(late.position()).hasValue(12); // what a token says: not the late event's index
        assertThat(GlobalIndex.between(next, late)).isEqualTo(9);
        assertThat(GlobalIndex.between(null, start)).isEqualTo(10);
    }
}
