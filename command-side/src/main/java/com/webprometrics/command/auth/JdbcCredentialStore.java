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
            rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getBoolean("active"),
            rs.getBoolean("ops"));
    private static final String SELECT = "SELECT c.user_id, a.agency_id, c.email, c.password_hash, a.role, a.active, a.ops "
            + "FROM command.credentials c JOIN command.user_accounts a ON a.user_id = c.user_id ";

    private final JdbcTemplate jdbc;

    JdbcCredentialStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void register(UUID userId, String email, String passwordHash) {
        try {
            jdbc.update("INSERT INTO command.credentials (user_id, email, password_hash) VALUES (?, ?, ?)",
                    userId, email, passwordHash);
        } catch (DuplicateKeyException e) {
            throw AuthRejection.EMAIL_TAKEN.get();
        }
    }

    @Override
    public Optional<Credentials> findByEmail(String email) {
        return jdbc.query(SELECT + "WHERE lower(c.email) = lower(?)", ROW, email).stream().findFirst();
    }

    @Override
    public Optional<Credentials> findByUserId(UUID userId) {
        return jdbc.query(SELECT + "WHERE c.user_id = ?", ROW, userId).stream().findFirst();
    }

    @Override
    public boolean emailTaken(String email) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM command.credentials WHERE lower(email) = lower(?))", Boolean.class, email));
    }

    @Override
    public void replacePasswordHash(UUID userId, String passwordHash) {
        jdbc.update("UPDATE command.credentials SET password_hash = ? WHERE user_id = ?", passwordHash, userId);
    }
}
