package com.bpocontractflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.signing.ContractSigningProcess.Tasks;
import com.bpocontractflow.signing.ContractSigningProcess.Vars;
import com.bpocontractflow.signing.SigningInputRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The long forms are grouped (issue #15): the decisions first, then one group per clause. Grouping changes
 * how a form looks, never which variables a person may set: EngineGuards reads the fields inside groups.
 */
class FormFieldsTest {

  final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldFindTheFieldsInsideGroupsHoweverDeeplyNested() throws Exception {
    FormFields.Form form = FormFields.read(json.readTree("""
        {"id": "nested", "components": [
          {"type": "textfield", "key": "top", "id": "f1"},
          {"type": "group", "id": "g1", "label": "外层", "components": [
            {"type": "number", "key": "inGroup", "id": "f2"},
            {"type": "text", "text": "说明", "id": "t1"},
            {"type": "group", "id": "g2", "label": "内层", "components": [
              {"type": "textarea", "key": "deep", "id": "f3"},
              {"type": "textfield", "key": "deepShown", "id": "f4", "disabled": true}]}]},
          {"type": "textfield", "key": "shown", "id": "f5", "readonly": true}]}
        """));
    assertThat(form.id()).isEqualTo("nested");
    assertThat(form.editable()).containsExactlyInAnyOrder("top", "inGroup", "deep");
    assertThat(form.readOnly()).containsExactlyInAnyOrder("deepShown", "shown");
    assertThat(form.has("deep")).isTrue();
    assertThat(form.has("g1")).as("a group is no field").isFalse();
  }

  /** The same fields as before grouping: the step's rules, and the same read-only fields plus the summary. */
  @Test
  void shouldExposeExactlyTheFieldsOfTheStepInTheGroupedDraftAndRevisionForms() {
    FormFields.Form draft = FormFields.get().form("draft-contract").orElseThrow();
    assertThat(draft.editable()).isEqualTo(SigningInputRules.forStep(Tasks.DRAFT_CONTRACT).keys())
        .contains(Vars.SIGNING_METHOD, Vars.DEPOSIT_KIND, Vars.FORUM_VENUE, Vars.SLA_ON_TIME_TARGET_PERCENT,
            Vars.NEGOTIATION_CHANNEL);
    assertThat(draft.readOnly()).containsExactlyInAnyOrder(Vars.CONTRACT_NUMBER, Vars.MERCHANT_NAME, Vars.SEATS,
        Vars.FORUM_VENUE_CHOICES, Vars.CLAUSE_DEVIATION_SUMMARY);

    FormFields.Form revise = FormFields.get().form("revise-clauses").orElseThrow();
    assertThat(revise.editable()).isEqualTo(SigningInputRules.forStep(Tasks.REVISE_CLAUSES).keys())
        .contains(Vars.REVISION_SUMMARY, Vars.DEPOSIT_KIND, Vars.FORUM_VENUE)
        .doesNotContain(Vars.SIGNING_METHOD);
    assertThat(revise.readOnly()).containsExactlyInAnyOrder(Vars.CONTRACT_NUMBER, Vars.MERCHANT_NAME,
        Vars.REVIEW_ROUND, Vars.CLAUSE_FEEDBACK, Vars.CHANGES_APPROVAL_COMMENT, Vars.FORUM_VENUE_WARNING,
        Vars.FORUM_VENUE_CHOICES, Vars.CLAUSE_DEVIATION_SUMMARY);
  }

  /** The shorter forms laid out in rows and a group keep their fields, in the order they had. */
  @Test
  void shouldKeepTheFieldsAndTheirOrderInTheFormsLaidOutInRows() throws Exception {
    assertThat(keys(json.readTree(new File("forms/final-settlement.form")))).containsExactly("contractNumber",
        "merchantName", "endReason", "lastServiceDay", "monthlyFee", "depositKindLabel", "depositHeld",
        "depositHandlingLabel", "penaltyDue", "providerPenaltyDue", "invoicedThrough", "unpaidInvoices", "usageFees",
        "purposeDefeatedBy", "settlementNote");
    FormFields.Form settlement = FormFields.get().form("final-settlement").orElseThrow();
    assertThat(settlement.editable()).containsExactlyInAnyOrder("invoicedThrough", "unpaidInvoices", "usageFees",
        "purposeDefeatedBy", "settlementNote");
    assertThat(keys(json.readTree(new File("forms/sla-report.form")))).containsExactly("contractNumber",
        "periodStart", "periodEnd", "firstReplyOnTimePercent", "averageFirstReplySeconds", "resolvedOnTimePercent",
        "satisfactionPercent", "badReviewPercent", "complaints", "periodFees", "overdueAmount", "overdueDays");
    assertThat(FormFields.get().form("sla-report").orElseThrow().readOnly()).isEmpty();
  }

  /**
   * The summary and the decisions come before any clause; then one group per article of the contract,
   * headed with the article's number and title as in templates/documents/contract.html.
   */
  @ParameterizedTest
  @ValueSource(strings = {"draft-contract", "revise-clauses"})
  void shouldPutTheDecisionsFirstAndOneGroupPerClauseHeadedAsInTheContract(String formId) throws Exception {
    JsonNode form = json.readTree(new File("forms/" + formId + ".form"));
    List<JsonNode> groups = FormComponents.all(form).stream().filter(c -> "group".equals(c.path("type").asText()))
        .toList();
    assertThat(groups.get(0).path("label").asText()).isEqualTo("关键决定");
    assertThat(keys(groups.get(0))).contains(Vars.DEPOSIT_KIND, Vars.DEPOSIT_AMOUNT, Vars.DEPOSIT_HANDLING,
        Vars.DISPUTE_FORUM, Vars.FORUM_VENUE);
    if ("draft-contract".equals(formId)) {
      assertThat(keys(groups.get(0))).startsWith(Vars.SIGNING_METHOD);
    }
    List<String> keys = keys(form);
    assertThat(keys.indexOf(Vars.CLAUSE_DEVIATION_SUMMARY)).isLessThan(keys.indexOf(Vars.DEPOSIT_KIND));

    String contract = Files.readString(Path.of("src/main/resources/templates/documents/contract.html"));
    List<String> articles = new ArrayList<>();
    Matcher heading = Pattern.compile("<h3>(第[一二三四五六]条 [^<]+)</h3>").matcher(contract);
    while (heading.find()) {
      articles.add(heading.group(1));
    }
    assertThat(articles).hasSize(6);
    List<String> clauseGroups = groups.stream().map(g -> g.path("label").asText()).filter(l -> l.startsWith("第"))
        .toList();
    assertThat(clauseGroups).containsExactlyElementsOf(articles);
    // each group holds the fields of its article: the rules name the clause in each field's label
    assertThat(keys(groups.stream().filter(g -> g.path("label").asText().startsWith("第一条")).findFirst()
        .orElseThrow())).contains(Vars.SERVICE_SCOPE, Vars.FIRST_RESPONSE_MINUTES, Vars.SLA_ON_TIME_TARGET_PERCENT);
    assertThat(keys(groups.stream().filter(g -> g.path("label").asText().startsWith("第五条")).findFirst()
        .orElseThrow())).contains(Vars.TERM_MONTHS, Vars.TERMINATION_NOTICE_DAYS);
  }

  /**
   * Groups keep their fields flat: a group with a {@code path} would submit its fields as one JSON variable,
   * which no step's rules know. Side-by-side fields share a row of the 16-column grid.
   */
  @Test
  void shouldKeepGroupedFieldsBoundToTheirOwnVariablesAndRowsWithinTheGrid() throws Exception {
    try (var files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = json.readTree(file.toFile());
        List<JsonNode> all = FormComponents.all(form);
        assertThat(all).as(file.toString()).noneMatch(c -> c.has("path"));
        assertThat(all.stream().map(c -> c.path("id").asText()).distinct().count()).as("unique ids in %s", file)
            .isEqualTo(all.size());
        var rows = new java.util.HashMap<String, Integer>();
        all.stream().filter(c -> c.has("layout")).forEach(c -> rows.merge(c.path("layout").path("row").asText(),
            c.path("layout").path("columns").asInt(16), Integer::sum));
        assertThat(rows.values()).as("columns per row in %s", file).allMatch(columns -> columns <= 16);
        if (FormComponents.fields(form).size() > 30) {
          assertThat(all).as("%s is long: grouped", file).anyMatch(c -> "group".equals(c.path("type").asText()));
        }
      }
    }
  }

  /** form-js sets option labels on one line, cut off at the column's edge; the 定金 option is longer. */
  @Test
  void shouldLetALongOptionWrapInTasklist() throws Exception {
    String css = Files.readString(Path.of(
        "src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/styles/user-styles.css"));
    assertThat(css.replaceAll("\\s+", " ")).contains(
        ".fjs-form-field-radio .fjs-form-field-label, .fjs-form-field-checkbox .fjs-form-field-label { white-space: normal; }");
  }

  private static List<String> keys(JsonNode formOrGroup) {
    List<String> keys = new ArrayList<>();
    for (JsonNode field : FormComponents.fields(formOrGroup)) {
      keys.add(field.path("key").asText());
    }
    return keys;
  }

}
