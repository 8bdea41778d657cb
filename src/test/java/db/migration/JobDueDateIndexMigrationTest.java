package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * V24: the job acquisition's due-date index on the engine's job table, created where the engine's tables
 * are (made by the engine or by Camunda's scripts before Flyway runs); a schema of the application's tables
 * only migrates as before.
 */
class JobDueDateIndexMigrationTest {

  /** The engine's job acquisition (Job.xml selectNextJobsToExecute, 7.24.0), as bench/TimerStormBench runs it. */
  static final String ACQUISITION = JobAcquisitionQuery.UNORDERED + "LIMIT 10";

  @Test
  void shouldIndexTheJobsDueDateWhereTheEngineTablesAreOnH2() {
    DataSource dataSource = h2();
    engineSchema(dataSource, "h2");
    migrate(dataSource);

    List<String> columns = JdbcClient.create(dataSource).sql("""
        SELECT c.COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS c
        WHERE c.INDEX_NAME = 'ACT_IDX_JOB_DUEDATE' AND c.TABLE_NAME = 'ACT_RU_JOB'
        """).query(String.class).list();
    assertThat(columns).containsExactly("DUEDATE_");
  }

  @Test
  void shouldMigrateASchemaWithoutTheEngineTablesAsBefore() {
    DataSource dataSource = h2();
    migrate(dataSource);

    JdbcClient jdbc = JdbcClient.create(dataSource);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'ACT_RU_JOB'")
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT \"success\" FROM \"app_schema_history\" WHERE \"version\" = '24'").query(Boolean.class).single())
        .isTrue();
  }

  /**
   * On PostgreSQL the acquisition reads the due jobs through the due-date index, and the locked ones through
   * the partial index, not every future timer of the table.
   */
  @Test
  void shouldLetTheAcquisitionFindTheDueJobsThroughTheIndexOnPostgreSql() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      DataSource dataSource = postgres.getPostgresDatabase();
      engineSchema(dataSource, "postgres");
      migrate(dataSource);
      JdbcClient jdbc = JdbcClient.create(dataSource);
      // 20,000 timers due in the coming days (reminders, escalations, targets of open contracts), 10 due now
      jdbc.sql("""
          INSERT INTO ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, PROCESS_INSTANCE_ID_, RETRIES_, DUEDATE_,
            HANDLER_TYPE_, SUSPENSION_STATE_, PRIORITY_)
          SELECT 'job-' || g, 1, 'timer', true, 'pi-' || g, 3,
            CASE WHEN g <= 10 THEN now() - interval '1 minute' ELSE now() + g * interval '1 minute' END,
            'timer-transition', 1, 0
          FROM generate_series(1, 20000) g
          """).update();
      jdbc.sql("ANALYZE ACT_RU_JOB").update();

      String plan = String.join("\n", jdbc.sql("EXPLAIN " + ACQUISITION).query(String.class).list());
      assertThat(plan).contains("act_idx_job_duedate").doesNotContain("Seq Scan on act_ru_job res");
      assertThat(jdbc.sql(ACQUISITION).query((rs, i) -> rs.getString(1)).list()).hasSize(10)
          .allMatch(id -> Integer.parseInt(id.substring(4)) <= 10);

      // a storm: 5,000 due, 20 of them locked by a node: the check for locked jobs of the same process
      // instance reads the locked ones through the partial index, not the whole table
      jdbc.sql("UPDATE ACT_RU_JOB SET DUEDATE_ = now() - interval '1 minute' WHERE ID_ <= 'job-5' OR ID_ LIKE 'job-1%'")
          .update();
      jdbc.sql("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = 'node-1', LOCK_EXP_TIME_ = now() + interval '5 minutes' "
          + "WHERE ID_ IN ('job-1', 'job-2', 'job-3', 'job-4', 'job-5', 'job-6', 'job-7', 'job-8', 'job-9', 'job-10')")
          .update();
      jdbc.sql("ANALYZE ACT_RU_JOB").update();
      String stormPlan = String.join("\n", jdbc.sql("EXPLAIN " + ACQUISITION).query(String.class).list());
      assertThat(stormPlan).contains("act_idx_job_locked").doesNotContain("Seq Scan on act_ru_job j2");
      assertThat(jdbc.sql(ACQUISITION).query((rs, i) -> rs.getString(1)).list()).hasSize(10)
          .doesNotContain("job-1", "job-2", "job-3");
    }
  }

  private static DataSource h2() {
    return new DriverManagerDataSource("jdbc:h2:mem:v24-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  /** The engine's tables as Camunda's scripts create them (what the engine itself does at its first start). */
  private static void engineSchema(DataSource dataSource, String database) {
    ResourceDatabasePopulator scripts = new ResourceDatabasePopulator(new ClassPathResource(
        "org/camunda/bpm/engine/db/create/activiti." + database + ".create.engine.sql"));
    scripts.setSqlScriptEncoding(StandardCharsets.UTF_8.name());
    scripts.execute(dataSource);
  }

  private static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("app_schema_history")
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
  }
}
