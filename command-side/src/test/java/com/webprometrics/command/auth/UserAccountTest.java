package com.webprometrics.command.auth;

import com.webprometrics.command.auth.AuthCommands.LoginOutcome;
import com.webprometrics.command.auth.AuthCommands.RecordLoginAttempt;
import com.webprometrics.command.team.TeamCommands.ChangeUserRole;
import com.webprometrics.command.team.TeamCommands.DeactivateUser;
import com.webprometrics.events.auth.LoginFailed;
import com.webprometrics.events.auth.LoginSucceeded;
import com.webprometrics.events.auth.UserLockedOut;
import com.webprometrics.events.auth.UserRegistered;
import com.webprometrics.events.team.UserDeactivated;
import com.webprometrics.events.team.UserRoleChanged;
import com.webprometrics.command.team.TeamRejection;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static com.webprometrics.command.support.Rejected.rejected;

class UserAccountTest {
    private static final UUID USER = UUID.randomUUID();
    private static final UUID AGENCY = UUID.randomUUID();
    private static final UUID SESSION = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private AggregateTestFixture<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
    }

    private static UserRegistered analyst() {
        return new UserRegistered(USER, AGENCY, "ana@agency.test", "Ana", "ANALYST", null);
    }

    private static LoginFailed failure(int count) {
        return new LoginFailed(USER, AGENCY, "bad_credentials", count);
    }

    @Test
    void rightPasswordSignsInAndResetsTheFailureCount() {
        fixture.given(analyst(), failure(1), failure(2))
                .when(new RecordLoginAttempt(USER, true, SESSION, NOW))
                .expectEvents(new LoginSucceeded(USER, AGENCY, SESSION))
                .expectResultMessagePayload(LoginOutcome.SUCCEEDED);
    }

    @Test
    void wrongPasswordIsRecordedWithTheRunningCount() {
        fixture.given(analyst(), failure(1))
                .when(new RecordLoginAttempt(USER, false, SESSION, NOW))
                .expectEvents(failure(2))
                .expectResultMessagePayload(LoginOutcome.FAILED);
    }

    @Test
    void noNumberOfWrongPasswordsKeepsTheOwnerOfTheRightOneOut() {
        fixture.given(analyst(), failure(1), failure(2), failure(3), failure(4), failure(5), failure(6))
                .when(new RecordLoginAttempt(USER, true, SESSION, NOW))
                .expectEvents(new LoginSucceeded(USER, AGENCY, SESSION))
                .expectResultMessagePayload(LoginOutcome.SUCCEEDED);
    }

    @Test
    void aLockRecordedBeforeLocksWereDroppedNoLongerHolds() {
        fixture.given(analyst(), failure(5), new UserLockedOut(USER, AGENCY, NOW.plusSeconds(900), 5))
                .when(new RecordLoginAttempt(USER, true, SESSION, NOW.plusSeconds(60)))
                .expectEvents(new LoginSucceeded(USER, AGENCY, SESSION));
    }

    @Test
    void aSuccessStartsTheCountOfFailuresAgain() {
        fixture.given(analyst(), failure(1), failure(2), new LoginSucceeded(USER, AGENCY, SESSION))
                .when(new RecordLoginAttempt(USER, false, SESSION, NOW))
                .expectEvents(failure(1));
    }

    @Test
    void deactivatedUserCannotSignIn() {
        fixture.given(analyst(), new UserDeactivated(USER, AGENCY))
                .when(new RecordLoginAttempt(USER, true, SESSION, NOW))
                .expectEvents(new LoginFailed(USER, AGENCY, "deactivated", 0))
                .expectResultMessagePayload(LoginOutcome.FAILED);
    }

    @Test
    void adminCanChangeAnAnalystIntoAViewer() {
        fixture.given(analyst())
                .when(new ChangeUserRole(USER, AGENCY, "VIEWER", UUID.randomUUID()))
                .expectEvents(new UserRoleChanged(USER, AGENCY, "ANALYST", "VIEWER"));
    }

    @Test
    void nobodyCanBeMadeASecondOwner() {
        fixture.given(analyst())
                .when(new ChangeUserRole(USER, AGENCY, "OWNER", UUID.randomUUID()))
                .expectException(rejected(TeamRejection.INVALID_ROLE))
                .expectNoEvents();
    }

    @Test
    void theOwnersRoleCannotBeChanged() {
        fixture.given(new UserRegistered(USER, AGENCY, "o@agency.test", "Owner", "OWNER", null))
                .when(new ChangeUserRole(USER, AGENCY, "VIEWER", UUID.randomUUID()))
                .expectException(rejected(TeamRejection.OWNER_ROLE_FIXED))
                .expectNoEvents();
    }

    @Test
    void anotherAgencyCannotTouchTheUser() {
        fixture.given(analyst())
                .when(new DeactivateUser(USER, UUID.randomUUID(), UUID.randomUUID()))
                .expectException(rejected(TeamRejection.USER_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void usersCannotDeactivateThemselves() {
        fixture.given(analyst())
                .when(new DeactivateUser(USER, AGENCY, USER))
                .expectException(rejected(TeamRejection.SELF_DEACTIVATION))
                .expectNoEvents();
    }

    @Test
    void deactivationIsRecordedOnce() {
        fixture.given(analyst(), new UserDeactivated(USER, AGENCY))
                .when(new DeactivateUser(USER, AGENCY, UUID.randomUUID()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
