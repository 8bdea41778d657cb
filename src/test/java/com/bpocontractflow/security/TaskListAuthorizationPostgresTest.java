package com.bpocontractflow.security;

import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseProvider.ZONKY;
import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseType.POSTGRES;

import com.bpocontractflow.RunsOnPostgreSql;
import io.zonky.test.db.AutoConfigureEmbeddedDatabase;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The team task list's query on PostgreSQL, the production database it was written for. */
@AutoConfigureEmbeddedDatabase(provider = ZONKY, type = POSTGRES)
class TaskListAuthorizationPostgresTest extends TaskListAuthorizationTest implements RunsOnPostgreSql {

  @Autowired
  DataSource dataSource;

  @Override
  public DataSource dataSource() {
    return dataSource;
  }
}
