package jp.keitai.sns.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import jp.keitai.sns.system.Database;

/** The {@code web_key} table: one random secret per name, made by whichever node asks first. */
@ApplicationScoped
public class WebKeyStore {

    @Inject
    Database database;

    protected WebKeyStore() {}

    public WebKeyStore(Database database) {
        this.database = database;
    }

    /** The secret of this name, made now (32 random bytes) if no node has made it yet. */
    public String secret(String name) {
        String found = read(name);
        if (found != null) {
            return found;
        }
        try {
            database.jdbc(c -> {
                try (PreparedStatement ps = c.prepareStatement("insert into web_key (name, secret) values (?, ?)")) {
                    ps.setString(1, name);
                    ps.setString(2, Tokens.random());
                    return ps.executeUpdate();
                }
            });
        } catch (RuntimeException raced) {
            // another node inserted it first (primary key): its secret is the one to use
        }
        String made = read(name);
        if (made == null) {
            throw new IllegalStateException("web_key " + name + " could not be made");
        }
        return made;
    }

    private String read(String name) {
        return database.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("select secret from web_key where name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }
}
