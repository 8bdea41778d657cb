package com.bpocontractflow.security;

import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseProvider.ZONKY;
import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseType.POSTGRES;

import com.bpocontractflow.RunsOnPostgreSql;
import io.zonky.test.db.AutoConfigureEmbeddedDatabase;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The groups' statement on PostgreSQL, the production database it was written for. */
@AutoConfigureEmbeddedDatabase(provider = ZONKY, type = POSTGRES)
class AuthorizedGroupIdsPostgresTest extends AuthorizedGroupIdsTest implements RunsOnPostgreSql {

  @Autowired
  DataSource dataSource;

  @Override
  public DataSource dataSource() {
    return dataSource;
  }
}
