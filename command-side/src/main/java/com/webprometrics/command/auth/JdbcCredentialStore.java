package com.webprometrics.command.auth;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcCredentialStore implements CredentialStore {
    private static final RowMapper<Credentials> ROW = (rs, n) -> new Credentials(
            rs.getObject("user_id", UUID.class), rs.getObject("agency_id", UUID.class), rs.getString("email"),
            rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getBoolean("active"));
    private static final String SELECT = "SELECT user_id, agency_id, email, password_hash, role, active FROM command.credentials ";

    private final JdbcTemplate jdbc;

    JdbcCredentialStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void register(UUID userId, UUID agencyId, String email, String passwordHash, Role role) {
        try {
            jdbc.update("INSERT INTO command.credentials (user_id, agency_id, email, password_hash, role) VALUES (?, ?, ?, ?, ?)",
                    userId, agencyId, email, passwordHash, role.name());
        } catch (DuplicateKeyException e) {
            throw new EmailAlreadyRegistered();
        }
    }

    @Override
    public Optional<Credentials> findByEmail(String email) {
        return jdbc.query(SELECT + "WHERE lower(email) = lower(?)", ROW, email).stream().findFirst();
    }

    @Override
    public Optional<Credentials> findByUserId(UUID userId) {
        return jdbc.query(SELECT + "WHERE user_id = ?", ROW, userId).stream().findFirst();
    }

    @Override
    public boolean emailTaken(String email) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM command.credentials WHERE lower(email) = lower(?))", Boolean.class, email));
    }

    @Override
    public void changeRole(UUID userId, Role role) {
        jdbc.update("UPDATE command.credentials SET role = ?, updated_at = now() WHERE user_id = ?", role.name(), userId);
    }

    @Override
    public void deactivate(UUID userId) {
        jdbc.update("UPDATE command.credentials SET active = FALSE, updated_at = now() WHERE user_id = ?", userId);
    }
}
