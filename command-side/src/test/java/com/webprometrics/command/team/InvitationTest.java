package com.webprometrics.command.team;

import com.webprometrics.command.auth.Role;
import com.webprometrics.command.support.InMemoryCredentials;
import com.webprometrics.command.team.TeamCommands.InviteTeamMember;
import com.webprometrics.events.team.InvitationIssued;
import com.webprometrics.platform.domain.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

class InvitationTest {
    private static final UUID INVITATION = UUID.randomUUID();
    private static final UUID AGENCY = UUID.randomUUID();
    private static final UUID INVITER = UUID.randomUUID();
    private static final Instant EXPIRES = Instant.parse("2026-12-02T10:00:00Z");

    private final InMemoryCredentials credentials = new InMemoryCredentials();
    private final Map<String, UUID> tokens = new HashMap<>();
    private AggregateTestFixture<Invitation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invitation.class);
        fixture.registerInjectableResource(credentials);
        fixture.registerInjectableResource(new InvitationTokenStore() {
            @Override
            public void save(UUID invitationId, byte[] tokenHash) {
                tokens.put(new String(tokenHash), invitationId);
            }

            @Override
            public Optional<UUID> invitationFor(byte[] tokenHash) {
                return Optional.ofNullable(tokens.get(new String(tokenHash)));
            }
        });
    }

    @Test
    void anInvitationNamesTheRoleAndExpires() {
        fixture.givenNoPriorActivity()
                .when(new InviteTeamMember(INVITATION, AGENCY, "new@agency.test", "ANALYST", INVITER, new byte[]{7}, EXPIRES))
                .expectEvents(new InvitationIssued(INVITATION, AGENCY, "new@agency.test", "ANALYST", INVITER, EXPIRES));
    }

    @Test
    void nobodyIsInvitedAsOwner() {
        fixture.givenNoPriorActivity()
                .when(new InviteTeamMember(INVITATION, AGENCY, "new@agency.test", "OWNER", INVITER, new byte[]{7}, EXPIRES))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void anExistingUserCannotBeInvitedAgain() {
        credentials.register(UUID.randomUUID(), AGENCY, "Taken@Agency.test", "hash", Role.VIEWER);
        fixture.givenNoPriorActivity()
                .when(new InviteTeamMember(INVITATION, AGENCY, "taken@agency.test", "VIEWER", INVITER, new byte[]{7}, EXPIRES))
                .expectException(DomainException.class)
                .expectNoEvents();
    }
}
