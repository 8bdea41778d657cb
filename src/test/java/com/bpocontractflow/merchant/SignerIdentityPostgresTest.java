package com.bpocontractflow.merchant;

import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseProvider.ZONKY;
import static io.zonky.test.db.AutoConfigureEmbeddedDatabase.DatabaseType.POSTGRES;

import com.bpocontractflow.RunsOnPostgreSql;
import io.zonky.test.db.AutoConfigureEmbeddedDatabase;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The signer's identification on PostgreSQL: V14, the locked code check, the stored power of attorney. */
@AutoConfigureEmbeddedDatabase(provider = ZONKY, type = POSTGRES)
class SignerIdentityPostgresTest extends SignerIdentityTest implements RunsOnPostgreSql {

  @Autowired
  DataSource dataSource;

  @Override
  public DataSource dataSource() {
    return dataSource;
  }
}
