package com.webprometrics.command.team;

import com.webprometrics.command.auth.Role;
import com.webprometrics.command.support.InMemoryCredentials;
import com.webprometrics.command.team.TeamCommands.InviteTeamMember;
import com.webprometrics.events.team.InvitationIssued;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.webprometrics.command.support.Rejected.rejected;

class InvitationTest {
    private static final UUID INVITATION = UUID.randomUUID();
    private static final UUID AGENCY = UUID.randomUUID();
    private static final UUID INVITER = UUID.randomUUID();
    private static final Instant EXPIRES = Instant.parse("2026-12-02T10:00:00Z");

    private final InMemoryCredentials credentials = new InMemoryCredentials();
    private boolean seatsLeft = true;
    private AggregateTestFixture<Invitation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invitation.class);
        fixture.registerInjectableResource(credentials);
        fixture.registerInjectableResource(new SeatQuota() {
            @Override
            public void requireRoom(UUID agencyId) {
                if (!seatsLeft) throw TeamRejection.SEAT_LIMIT_REACHED.get();
            }

            @Override
            public boolean fits(UUID agencyId, int limit) {
                return seatsLeft;
            }
        });
    }

    @Test
    void anInvitationNamesTheRoleAndExpires() {
        fixture.givenNoPriorActivity()
                .when(new InviteTeamMember(INVITATION, AGENCY, "new@agency.test", "ANALYST", INVITER, EXPIRES))
                .expectEvents(new InvitationIssued(INVITATION, AGENCY, "new@agency.test", "ANALYST", INVITER, EXPIRES));
    }

    @Test
    void nobodyIsInvitedAsOwner() {
        fixture.givenNoPriorActivity()
                .when(new InviteTeamMember(INVITATION, AGENCY, "new@agency.test", "OWNER", INVITER, EXPIRES))
                .expectException(rejected(TeamRejection.INVALID_ROLE))
                .expectNoEvents();
    }

    @Test
    void anExistingUserCannotBeInvitedAgain() {
        credentials.register(UUID.randomUUID(), "Taken@Agency.test", "hash");
        fixture.givenNoPriorActivity()
                .when(new InviteTeamMember(INVITATION, AGENCY, "taken@agency.test", "VIEWER", INVITER, EXPIRES))
                .expectException(rejected(TeamRejection.EMAIL_TAKEN))
                .expectNoEvents();
    }

    @Test
    void nobodyIsInvitedWhenThePlanHasNoSeatLeft() {
        seatsLeft = false;
        fixture.givenNoPriorActivity()
                .when(new InviteTeamMember(INVITATION, AGENCY, "new@agency.test", "ANALYST", INVITER, EXPIRES))
                .expectException(rejected(TeamRejection.SEAT_LIMIT_REACHED))
                .expectNoEvents();
    }
}
