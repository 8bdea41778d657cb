package com.bpocontractflow.mail;

import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseProvider.ZONKY;
import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseType.POSTGRES;

import com.bpocontractflow.RunsOnPostgreSql;
import io.zonky.test.db.AutoConfigureEmbeddedDatabase;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The outbox tests on a real PostgreSQL server (row locking with SKIP LOCKED as in production). */
@AutoConfigureEmbeddedDatabase(provider = ZONKY, type = POSTGRES)
class OutboxDeliveryPostgresTest extends OutboxDeliveryTest implements RunsOnPostgreSql {

  @Autowired
  DataSource dataSource;

  @Override
  public DataSource dataSource() {
    return dataSource;
  }
}
