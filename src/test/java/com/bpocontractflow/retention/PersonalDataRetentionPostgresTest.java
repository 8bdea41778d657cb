package com.bpocontractflow.retention;

import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseProvider.ZONKY;
import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseType.POSTGRES;

import com.bpocontractflow.RunsOnPostgreSql;
import io.zonky.test.db.AutoConfigureEmbeddedDatabase;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The retention job on a real PostgreSQL server: row claims with SKIP LOCKED, the engine's tables in lower case. */
@AutoConfigureEmbeddedDatabase(provider = ZONKY, type = POSTGRES)
class PersonalDataRetentionPostgresTest extends PersonalDataRetentionTest implements RunsOnPostgreSql {

  @Autowired
  DataSource dataSource;

  @Override
  public DataSource dataSource() {
    return dataSource;
  }
}
