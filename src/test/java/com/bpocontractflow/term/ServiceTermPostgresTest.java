package com.bpocontractflow.term;

import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseProvider.ZONKY;
import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseType.POSTGRES;

import com.bpocontractflow.RunsOnPostgreSql;
import io.zonky.test.db.AutoConfigureEmbeddedDatabase;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The after-go-live tests (service term, notices, SLA reviews, disputes, data) on a real PostgreSQL server. */
@AutoConfigureEmbeddedDatabase(provider = ZONKY, type = POSTGRES)
class ServiceTermPostgresTest extends ServiceTermApplicationTest implements RunsOnPostgreSql {

  @Autowired
  DataSource dataSource;

  @Override
  public DataSource dataSource() {
    return dataSource;
  }
}
