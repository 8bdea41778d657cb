package com.bpocontractflow.sla;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The rows of one version of the {@code sla-compensation} table as data: for each row, which numbers of
 * missed KPIs and which worst shortfall it matches, and the remedy it decides. The contract's wording of
 * its remedies ({@link SlaRemedyClause}) is made from these rows, so the text says what the table decides.
 *
 * <p>The table may use, in each input cell: nothing or {@code -} (any value), a number ({@code 2}), a
 * comparison ({@code >= 3}, {@code > 3}, {@code <= 1}, {@code < 10}) or a closed range ({@code [1..2]});
 * hit policy FIRST; outputs one of {@link SlaRemedy} as a string. A version using anything else is refused
 * with the row named, because the contract could not state it.
 */
public final class SlaRemedyTable {

  public static final String MISSED_KPIS = SlaReviewProcess.Vars.MISSED_KPIS;
  public static final String WORST_SHORTFALL = SlaReviewProcess.Vars.WORST_SHORTFALL;

  private static final Pattern COMPARISON = Pattern.compile("(>=|<=|>|<|=)?\\s*(-?\\d+(?:\\.\\d+)?)");
  private static final Pattern RANGE = Pattern.compile("\\[\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*]");
  private static final Pattern REMEDY = Pattern.compile("\"([A-Z_]+)\"");

  /** A cell's test: {@code op} is ANY, EQ, GE, GT, LE, LT or RANGE (from {@code a} to {@code b}, inclusive). */
  public record Test(String op, BigDecimal a, BigDecimal b) {
    static final Test ANY = new Test("ANY", null, null);

    public boolean any() {
      return "ANY".equals(op);
    }

    public boolean matches(BigDecimal value) {
      return switch (op) {
        case "ANY" -> true;
        case "EQ" -> value.compareTo(a) == 0;
        case "GE" -> value.compareTo(a) >= 0;
        case "GT" -> value.compareTo(a) > 0;
        case "LE" -> value.compareTo(a) <= 0;
        case "LT" -> value.compareTo(a) < 0;
        case "RANGE" -> value.compareTo(a) >= 0 && value.compareTo(b) <= 0;
        default -> throw new IllegalStateException(op);
      };
    }
  }

  /** One row: its id in the table, its two tests and its remedy. */
  public record Row(String ruleId, Test missedKpis, Test worstShortfall, SlaRemedy remedy) {
    public boolean matches(int missed, BigDecimal shortfall) {
      return missedKpis.matches(BigDecimal.valueOf(missed)) && worstShortfall.matches(shortfall);
    }
  }

  private final List<Row> rows;

  private SlaRemedyTable(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  public List<Row> rows() {
    return rows;
  }

  /** The row the table's hit policy FIRST picks for these inputs, if any. */
  public Optional<Row> firstMatch(int missedKpis, BigDecimal worstShortfall) {
    return rows.stream().filter(row -> row.matches(missedKpis, worstShortfall)).findFirst();
  }

  public static SlaRemedyTable parse(InputStream dmn) {
    return of(Dmn.readModelFromStream(dmn));
  }

  /** The rows of the decision {@code sla-compensation} of this DMN model. */
  public static SlaRemedyTable of(DmnModelInstance model) {
    Decision decision = model.getModelElementById(SlaDecisions.KEY);
    if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
      throw new IllegalArgumentException("DMN has no decision table " + SlaDecisions.KEY);
    }
    if (table.getHitPolicy() != HitPolicy.FIRST) {
      throw new IllegalArgumentException(SlaDecisions.KEY + ": hit policy must be FIRST, is " + table.getHitPolicy());
    }
    List<String> inputs = new ArrayList<>();
    for (Input input : table.getInputs()) {
      inputs.add(input.getInputExpression().getText().getTextContent().trim());
    }
    int missedColumn = inputs.indexOf(MISSED_KPIS);
    int shortfallColumn = inputs.indexOf(WORST_SHORTFALL);
    if (missedColumn < 0 || shortfallColumn < 0 || inputs.size() != 2) {
      throw new IllegalArgumentException(SlaDecisions.KEY + ": inputs must be " + MISSED_KPIS + " and "
          + WORST_SHORTFALL + ", are " + inputs);
    }
    List<Row> rows = new ArrayList<>();
    for (Rule rule : table.getRules()) {
      List<InputEntry> cells = new ArrayList<>(rule.getInputEntries());
      String output = rule.getOutputEntries().iterator().next().getText().getTextContent().trim();
      Matcher remedy = REMEDY.matcher(output);
      if (!remedy.matches()) {
        throw new IllegalArgumentException(SlaDecisions.KEY + " row " + rule.getId() + ": output " + output);
      }
      rows.add(new Row(rule.getId(), test(rule, cells.get(missedColumn)), test(rule, cells.get(shortfallColumn)),
          SlaRemedy.valueOf(remedy.group(1))));
    }
    return new SlaRemedyTable(rows);
  }

  private static Test test(Rule rule, InputEntry cell) {
    String text = cell.getText() == null ? "" : cell.getText().getTextContent().trim();
    if (text.isEmpty() || text.equals("-")) {
      return Test.ANY;
    }
    Matcher range = RANGE.matcher(text);
    if (range.matches()) {
      return new Test("RANGE", new BigDecimal(range.group(1)), new BigDecimal(range.group(2)));
    }
    Matcher comparison = COMPARISON.matcher(text);
    if (comparison.matches()) {
      String op = switch (comparison.group(1) == null ? "=" : comparison.group(1)) {
        case ">=" -> "GE";
        case ">" -> "GT";
        case "<=" -> "LE";
        case "<" -> "LT";
        default -> "EQ";
      };
      return new Test(op, new BigDecimal(comparison.group(2)), null);
    }
    throw new IllegalArgumentException(SlaDecisions.KEY + " row " + rule.getId() + ": the contract cannot state \""
        + text + "\"; use a number, >=, >, <=, < or [a..b]");
  }
}
