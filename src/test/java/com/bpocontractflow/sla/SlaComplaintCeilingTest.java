package com.bpocontractflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.term.AppTables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The monthly complaint ceiling (第四条, optional): above it, complaints are one more missed KPI without a
 * shortfall; a period across several calendar months allows the ceiling once for each; no ceiling, no KPI.
 */
class SlaComplaintCeilingTest {

  static SlaReviews.Figures figures(String start, String end, int complaints) {
    return new SlaReviews.Figures(LocalDate.parse(start), LocalDate.parse(end), new BigDecimal("96"), 40,
        new BigDecimal("97"), new BigDecimal("93"), new BigDecimal("0.4"), complaints, new BigDecimal("30000.00"));
  }

  static SlaReview.Assessment assess(SlaReviews.Figures f, Object ceiling) {
    Map<String, Object> clauses = AppTables.signedClauses(0);
    if (ceiling != null) {
      clauses.put("monthlyComplaintCeiling", ceiling);
    }
    return SlaReview.assess(f, clauses, new BigDecimal("95"));
  }

  @Test
  void shouldCountComplaintsAboveTheCeilingAsOneMissedKpiWithoutShortfall() {
    assertThat(assess(figures("2026-10-01", "2026-10-31", 10), 10).missed()).isEmpty();
    SlaReview.Assessment above = assess(figures("2026-10-01", "2026-10-31", 11), 10);
    assertThat(above.missed()).containsExactly("投诉数（11 件，上限 10 件）");
    assertThat(above.worstShortfall()).isEqualByComparingTo("0");
    assertThat(assess(figures("2026-10-01", "2026-10-31", 1), "0").missed()).containsExactly("投诉数（1 件，上限 0 件）");
  }

  @Test
  void shouldAllowTheCeilingForEachCalendarMonthOfThePeriod() {
    assertThat(assess(figures("2026-10-15", "2026-12-31", 30), 10).missed()).isEmpty();
    assertThat(assess(figures("2026-10-15", "2026-12-31", 31), 10).missed()).containsExactly("投诉数（31 件，上限 30 件）");
  }

  @Test
  void shouldNotAssessComplaintsWhenTheContractSetsNoCeiling() {
    assertThat(assess(figures("2026-10-01", "2026-10-31", 500), null).missed()).isEmpty();
  }
}
