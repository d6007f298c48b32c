package com.webprometrics.command.auth;

import com.webprometrics.websecurity.RoleMatrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The roles the domain knows are the roles of the matrix every hop and the SPA read, and vice versa. */
class RoleMatrixTest {

    @Test
    void theDomainsRolesAreTheMatrixsRoles() {
        RoleMatrix matrix = RoleMatrix.get();
        assertThat(Arrays.stream(Role.values()).map(Role::name)).containsExactlyElementsOf(matrix.roles());
        assertThat(Arrays.stream(Role.values()).filter(Role::assignable).map(Role::name))
                .containsExactlyElementsOf(matrix.invitable());
        assertThat(matrix.group("operators")).containsExactly(Role.OPS);
    }
}
