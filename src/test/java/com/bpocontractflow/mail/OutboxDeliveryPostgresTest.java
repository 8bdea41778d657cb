package com.bpocontractflow.mail;

import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseProvider.ZONKY;
import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseType.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.AutoConfigureEmbeddedDatabase;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The outbox tests on a real PostgreSQL server (row locking with SKIP LOCKED as in production). */
@AutoConfigureEmbeddedDatabase(provider = ZONKY, type = POSTGRES)
class OutboxDeliveryPostgresTest extends OutboxDeliveryTest {

  @Autowired
  DataSource dataSource;

  @Test
  void shouldRunOnPostgreSql() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }
}
