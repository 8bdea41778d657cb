package com.bpocontractflow.pipeline;

import com.bpocontractflow.calendar.ChineseWorkdays;
import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.signing.SigningProperties;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures managers ask for beside the pipeline: how long signing takes (request to both signatures, the
 * formation of the contract, Civil Code art. 490) against the signing target, which contracts ended before
 * formation and at which stage, and the deposits still outstanding. Read from the contract table, the
 * signatures and the deposit payments.
 */
@Service
public class PipelineFigures {

  /** The window of the signing figures: contracts formed in the last 90 days. */
  static final int WINDOW_DAYS = 90;

  private final JdbcClient jdbc;
  private final ChineseWorkdays workdays;
  private final Duration signingTarget;

  public PipelineFigures(JdbcClient jdbc, ChineseWorkdays workdays, SigningProperties signing) {
    this.jdbc = jdbc;
    this.workdays = workdays;
    this.signingTarget = signing.target();
  }

  /** Request to formation of the contracts formed in the window, in calendar and in working days. */
  public record SigningTime(int windowDays, int contracts, Long medianDays, Long p90Days, Long medianWorkingDays,
      Long p90WorkingDays, String target, Long targetWorkingDays, int withinTarget) {
  }

  /** Contracts that ended before formation, by how and at which stage. */
  public record EndedBeforeFormation(String status, String statusLabel, String stage, String stageLabel, long count) {
  }

  /** One contract that ended before formation, and why: who ended it and the reason given. */
  public record EndedContract(String contractNumber, String merchantName, String status, String statusLabel,
      String endedBy, String reason, OffsetDateTime at) {
  }

  /** Deposits (定金 or 履约保证金) due on formed contracts and not yet paid in full. */
  public record DepositsOutstanding(long contracts, BigDecimal amount) {
  }

  public record Figures(OffsetDateTime generatedAt, SigningTime signing, List<EndedBeforeFormation> endedBeforeFormation,
      List<EndedContract> recentlyEnded, DepositsOutstanding depositsOutstanding) {
  }

  /** The most recently ended contracts listed with their reasons. */
  static final int RECENTLY_ENDED = 20;

  @Transactional(readOnly = true)
  public Figures figures() {
    OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
    return new Figures(now, signingTime(now), endedBeforeFormation(now), recentlyEnded(now), depositsOutstanding());
  }

  private SigningTime signingTime(OffsetDateTime now) {
    OffsetDateTime since = now.minusDays(WINDOW_DAYS);
    List<long[]> spans = new ArrayList<>();
    jdbc.sql("""
            SELECT c.created_at, MAX(s.recorded_at) FROM contract_signature s JOIN contract c ON c.id = s.contract_id
            GROUP BY c.id, c.created_at HAVING COUNT(DISTINCT s.party) = 2 AND MAX(s.recorded_at) >= :since
            """)
        .param("since", since)
        .query(rs -> {
          OffsetDateTime requested = rs.getObject(1, OffsetDateTime.class);
          OffsetDateTime formed = rs.getObject(2, OffsetDateTime.class);
          spans.add(new long[] {calendarDays(requested, formed), workingDays(requested, formed)});
        });
    Long targetDays = wholeDays(signingTarget);
    int within = targetDays == null ? 0 : (int) spans.stream().filter(span -> span[1] <= targetDays).count();
    List<Long> calendar = spans.stream().map(span -> span[0]).sorted().toList();
    List<Long> working = spans.stream().map(span -> span[1]).sorted().toList();
    return new SigningTime(WINDOW_DAYS, spans.size(), percentile(calendar, 50), percentile(calendar, 90),
        percentile(working, 50), percentile(working, 90), signingTarget.toString(), targetDays, within);
  }

  /**
   * Contracts declined, withdrawn or cancelled in the window. The stage a withdrawal or cancellation came at
   * is read from what the contract had by then: a signature (签署), a drafted clause set (合同审阅), or
   * neither (需求与方案); a declined proposal is always at the proposal.
   */
  private List<EndedBeforeFormation> endedBeforeFormation(OffsetDateTime now) {
    Map<ContractStatus, Map<Stage, Long>> counts = new EnumMap<>(ContractStatus.class);
    jdbc.sql("""
            SELECT c.status,
              CASE WHEN c.status = 'PROPOSAL_DECLINED' THEN 'NEEDS_AND_PROPOSAL'
                   WHEN EXISTS (SELECT 1 FROM contract_signature s WHERE s.contract_id = c.id) THEN 'SIGNING'
                   WHEN EXISTS (SELECT 1 FROM contract_clause_set k WHERE k.contract_id = c.id) THEN 'CONTRACT_REVIEW'
                   ELSE 'NEEDS_AND_PROPOSAL' END,
              COUNT(*)
            FROM contract c
            WHERE c.status IN ('PROPOSAL_DECLINED', 'WITHDRAWN', 'CANCELLED')
              AND COALESCE(c.withdrawn_at, c.updated_at) >= :since
            GROUP BY c.status, 2
            """)
        .param("since", now.minusDays(WINDOW_DAYS))
        .query(rs -> {
          counts.computeIfAbsent(ContractStatus.valueOf(rs.getString(1)), s -> new EnumMap<>(Stage.class))
              .merge(Stage.valueOf(rs.getString(2)), rs.getLong(3), Long::sum);
        });
    List<EndedBeforeFormation> ended = new ArrayList<>();
    counts.forEach((status, byStage) -> byStage.forEach((stage, count) -> ended.add(
        new EndedBeforeFormation(status.name(), status.label(), stage.name(), stage.label(), count))));
    ended.sort(Comparator.comparing(EndedBeforeFormation::status).thenComparing(EndedBeforeFormation::stage));
    return ended;
  }

  /**
   * The contracts declined, withdrawn or cancelled in the window, newest first: who ended it (the merchant
   * declined or withdrew, the provider cancelled) and the reason recorded (the withdrawal's reason, or the
   * merchant's comment on the declined proposal).
   */
  private List<EndedContract> recentlyEnded(OffsetDateTime now) {
    return jdbc.sql("""
            SELECT contract_number, merchant_name, status, withdrawn_by, withdrawal_reason, proposal_comment,
              COALESCE(withdrawn_at, updated_at) AS ended_at
            FROM contract
            WHERE status IN ('PROPOSAL_DECLINED', 'WITHDRAWN', 'CANCELLED') AND COALESCE(withdrawn_at, updated_at) >= :since
            ORDER BY ended_at DESC, contract_number
            """)
        .param("since", now.minusDays(WINDOW_DAYS))
        .query((rs, i) -> {
          ContractStatus status = ContractStatus.valueOf(rs.getString(3));
          String endedBy = status == ContractStatus.CANCELLED || "PROVIDER".equals(rs.getString(4)) ? "服务方" : "商家";
          String reason = status == ContractStatus.PROPOSAL_DECLINED ? rs.getString(6) : rs.getString(5);
          return new EndedContract(rs.getString(1), rs.getString(2), status.name(), status.label(), endedBy,
              reason, rs.getObject(7, OffsetDateTime.class));
        })
        .list().stream().limit(RECENTLY_ENDED).toList();
  }

  private DepositsOutstanding depositsOutstanding() {
    long[] contracts = {0};
    BigDecimal[] amount = {BigDecimal.ZERO};
    jdbc.sql("""
            SELECT c.deposit_amount - COALESCE((SELECT SUM(p.amount) FROM deposit_payment p WHERE p.contract_id = c.id), 0)
            FROM contract c WHERE c.status = 'SIGNED' AND c.deposit_amount > 0
            """)
        .query(rs -> {
          BigDecimal open = rs.getBigDecimal(1);
          if (open.signum() > 0) {
            contracts[0]++;
            amount[0] = amount[0].add(open);
          }
        });
    return new DepositsOutstanding(contracts[0], amount[0].setScale(2));
  }

  /** Calendar days between the two China dates. */
  static long calendarDays(OffsetDateTime from, OffsetDateTime to) {
    return Math.max(0, date(to).toEpochDay() - date(from).toEpochDay());
  }

  /** Working days after the day of {@code from} up to and including the day of {@code to}. */
  long workingDays(OffsetDateTime from, OffsetDateTime to) {
    return workdays.workingDaysBetween(date(from), date(to));
  }

  private static LocalDate date(OffsetDateTime at) {
    return at.atZoneSameInstant(Clocks.ZONE).toLocalDate();
  }

  /** The whole days of a target such as P10D; null for a clock-time target (PT1H, a demo setting). */
  private static Long wholeDays(Duration target) {
    return target.toSecondsPart() == 0 && target.toHoursPart() == 0 && target.toMinutesPart() == 0
        && target.toDays() > 0 ? target.toDays() : null;
  }

  /** The nearest-rank percentile of sorted values; null when there are none. */
  static Long percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
