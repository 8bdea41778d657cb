package com.bpocontractflow.merchant;

import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseProvider.ZONKY;
import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseType.POSTGRES;

import com.bpocontractflow.RunsOnPostgreSql;
import io.zonky.test.db.AutoConfigureEmbeddedDatabase;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The merchant's link pages (answers, signing, data choice) on a real PostgreSQL server. */
@AutoConfigureEmbeddedDatabase(provider = ZONKY, type = POSTGRES)
class MerchantLinksPostgresTest extends MerchantLinksTest implements RunsOnPostgreSql {

  @Autowired
  DataSource dataSource;

  @Override
  public DataSource dataSource() {
    return dataSource;
  }
}
