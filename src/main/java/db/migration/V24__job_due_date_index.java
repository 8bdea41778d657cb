package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes on the engine's job table for its job acquisition (issue #12, docs/performance.md). Every
 * acquisition asks for the jobs with {@code DUEDATE_ is null or DUEDATE_ <= now} whose process instance has
 * no exclusive job locked by a node right now ({@code not exists (… LOCK_OWNER_ is not null and
 * LOCK_EXP_TIME_ >= now)}). Without indexes PostgreSQL reads the whole table (every future timer of every
 * open contract) for the first part when nothing is due, and again for the second as soon as something is:
 * <ul>
 * <li>{@link #DUE_DATE} (H2 and PostgreSQL): the due jobs, or none, straight from the index;</li>
 * <li>{@link #LOCKED} (PostgreSQL only, a partial index; H2 has none and runs one node): the few jobs
 * locked at the moment.</li>
 * </ul>
 *
 * <p>A Java migration, not a SQL file, for one reason: the engine's tables are not the application's. The
 * application's start creates them (or finds them, made by an operator with Camunda's scripts) before
 * Flyway runs, but a database holding only the application's tables (tests that migrate a bare H2) has no
 * {@code ACT_RU_JOB}: there nothing is done. Operators who create the engine's tables again after V24 ran
 * create the same indexes (docs/operations.md).
 */
public class V24__job_due_date_index extends BaseJavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(V24__job_due_date_index.class);

  public static final String DUE_DATE = "CREATE INDEX IF NOT EXISTS ACT_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)";
  public static final String LOCKED = "CREATE INDEX IF NOT EXISTS ACT_IDX_JOB_LOCKED ON ACT_RU_JOB (PROCESS_INSTANCE_ID_) "
      + "WHERE LOCK_OWNER_ IS NOT NULL";

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    if (!hasJobTable(connection)) {
      LOG.info("No engine job table (ACT_RU_JOB) in this schema: no job acquisition indexes");
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(DUE_DATE);
      if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        statement.execute(LOCKED);
      }
    }
  }

  /** ACT_RU_JOB in the connection's schema (upper case on H2, lower case on PostgreSQL). */
  static boolean hasJobTable(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : new String[] {"ACT_RU_JOB", "act_ru_job"}) {
      try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
