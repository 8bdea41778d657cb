package com.bpocontractflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** For test classes that repeat their tests on PostgreSQL: proves the database really is PostgreSQL. */
public interface RunsOnPostgreSql {

  DataSource dataSource();

  @Test
  default void shouldRunOnPostgreSql() throws Exception {
    try (Connection connection = dataSource().getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }
}
