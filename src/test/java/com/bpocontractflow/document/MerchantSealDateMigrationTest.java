package com.bpocontractflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V10: the merchant's seal date gets its own column on the contract; the paper signatures recorded before
 * it, whose signed_on was the day of arrival, keep that day in received_on and an unknown seal date.
 */
class MerchantSealDateMigrationTest {

  @Test
  void shouldKeepTheArrivalAndForgetTheDateThatWasNeverTheSealDate() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(
        "jdbc:h2:mem:v10-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("9").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("""
        INSERT INTO contract (id, contract_number, status, merchant_name, merchant_email, contact_person, shop_platform,
          seats, sealed_date, countersigned_received_on, created_at, updated_at)
        VALUES (1, 'BPO-2026-000001', 'SIGNED', '杭州小象旗舰店', 'ops@example.com', '王小明', 'TMALL', 5,
          DATE '2026-11-02', DATE '2026-11-06', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
        """).update();
    for (Object[] row : List.of(new Object[] {"PROVIDER", "PAPER", "2026-11-02", null},
        new Object[] {"MERCHANT", "PAPER", "2026-11-06", "2026-11-06"})) {
      jdbc.sql("""
          INSERT INTO contract_signature (contract_id, party, method, signer, signed_on, document_version,
            document_sha256, html_sha256, received_on, recorded_at)
          VALUES (1, :party, :method, 'x', :signedOn, 1, :sha, :sha, :receivedOn, CURRENT_TIMESTAMP)
          """).param("party", row[0]).param("method", row[1]).param("signedOn", LocalDate.parse((String) row[2]))
          .param("receivedOn", row[3] == null ? null : LocalDate.parse((String) row[3])).param("sha", "a".repeat(64))
          .update();
    }

    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

    List<Map<String, Object>> signatures = jdbc.sql(
        "SELECT party, signed_on, received_on FROM contract_signature ORDER BY party").query().listOfRows();
    assertThat(signatures).extracting(r -> r.get("PARTY"), r -> toDate(r.get("SIGNED_ON")), r -> toDate(r.get("RECEIVED_ON")))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("MERCHANT", null, LocalDate.of(2026, 11, 6)),
            org.assertj.core.groups.Tuple.tuple("PROVIDER", LocalDate.of(2026, 11, 2), null));
    assertThat(jdbc.sql("SELECT merchant_sealed_date FROM contract WHERE id = 1").query().singleRow())
        .containsEntry("MERCHANT_SEALED_DATE", null);
    jdbc.sql("UPDATE contract SET merchant_sealed_date = DATE '2026-11-04' WHERE id = 1").update();
    assertThat(toDate(jdbc.sql("SELECT merchant_sealed_date FROM contract WHERE id = 1").query().singleValue()))
        .isEqualTo(LocalDate.of(2026, 11, 4));
  }

  private static LocalDate toDate(Object value) {
    return value == null ? null : ((java.sql.Date) value).toLocalDate();
  }
}
