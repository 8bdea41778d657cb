package com.bpocontractflow.pipeline;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.security.StaffAuthentication;
import com.bpocontractflow.team.Teams;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /staff/pipeline}: the open contracts as JSON, for the managers' 合同看板 and for BI tools
 * (docs/reference.md). Managers and administrators see every contract; a team sees the contracts that have
 * a task offered to it now or had one before. The stage counts cover every matching contract; the rows come
 * a page at a time ({@code limit}, {@code offset}).
 */
@RestController
class PipelineController {

  /** Rows per answer unless the caller asks for another page size (at most {@link #MAX_LIMIT}). */
  static final int DEFAULT_LIMIT = 200;
  static final int MAX_LIMIT = 5000;

  private final Pipeline pipeline;
  private final PipelineFigures figures;
  private final StaffAuthentication staff;

  PipelineController(Pipeline pipeline, PipelineFigures figures, StaffAuthentication staff) {
    this.pipeline = pipeline;
    this.figures = figures;
    this.staff = staff;
  }

  /**
   * {@code GET /staff/pipeline/figures}: signing time (median and p90 from request to both signatures over
   * the last 90 days, against the target), contracts that ended before formation by stage, deposits
   * outstanding. Managers and administrators only: the figures cover every contract.
   */
  @GetMapping(path = "/staff/pipeline/figures", produces = "application/json")
  ResponseEntity<?> figures(HttpServletRequest request) {
    Optional<String> user = staff.currentUser(request);
    if (user.isEmpty()) {
      return StaffAuthentication.loginRequired();
    }
    Set<String> groups = staff.groupsOf(user.get());
    if (!groups.contains(Teams.MANAGERS.groupId()) && !groups.contains(Groups.CAMUNDA_ADMIN)) {
      return ResponseEntity.status(403).body(Map.of("message", "合同看板的统计数据仅供管理层查看"));
    }
    return ResponseEntity.ok(figures.figures());
  }

  @GetMapping(path = "/staff/pipeline", produces = "application/json")
  ResponseEntity<Map<String, Object>> pipeline(@RequestParam(required = false) String stage,
      @RequestParam(required = false) String team, @RequestParam(required = false) String overdue,
      @RequestParam(required = false) String sort, @RequestParam(required = false) String limit,
      @RequestParam(required = false) String offset, HttpServletRequest request) {
    Optional<String> user = staff.currentUser(request);
    if (user.isEmpty()) {
      return StaffAuthentication.loginRequired();
    }
    Stage stageFilter;
    try {
      stageFilter = stage == null || stage.isBlank() ? null : Stage.valueOf(stage);
    } catch (IllegalArgumentException unknown) {
      return refuse("stage 只能是 " + Arrays.toString(Stage.values()) + " 之一");
    }
    if (team != null && !team.isBlank() && Teams.all().stream().noneMatch(t -> t.groupId().equals(team))) {
      return refuse("team 只能是 " + Teams.all().stream().map(Teams::groupId).toList() + " 之一");
    }
    if (overdue != null && !overdue.isBlank() && !overdue.equals("true") && !overdue.equals("false")) {
      return refuse("overdue 只能是 true 或 false");
    }
    Comparator<Pipeline.Row> order = order(sort);
    if (order == null) {
      return refuse("sort 只能是 contractNumber、daysSinceRequest 或 daysInStep");
    }
    int pageSize;
    int first;
    try {
      pageSize = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit);
      first = offset == null || offset.isBlank() ? 0 : Integer.parseInt(offset);
    } catch (NumberFormatException notANumber) {
      return refuse("limit 和 offset 必须是整数");
    }
    if (pageSize < 1 || pageSize > MAX_LIMIT || first < 0) {
      return refuse("limit 必须在 1 到 " + MAX_LIMIT + " 之间，offset 不能为负数");
    }
    Set<String> groups = staff.groupsOf(user.get());
    List<String> teams = groups.contains(Teams.MANAGERS.groupId()) || groups.contains(Groups.CAMUNDA_ADMIN) ? null
        : Teams.all().stream().map(Teams::groupId).filter(groups::contains).toList();
    List<Pipeline.Row> rows = pipeline.rows(teams, stageFilter, team == null || team.isBlank() ? null : team,
        "true".equals(overdue)).stream().sorted(order).toList();

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("generatedAt", OffsetDateTime.now(Clocks.ZONE));
    body.put("scope", teams == null ? "ALL" : teams.isEmpty() ? "NONE" : String.join(",", teams));
    body.put("stages", Pipeline.countByStage(rows).entrySet().stream().map(entry -> Map.of(
        "stage", entry.getKey().name(), "label", entry.getKey().label(), "count", entry.getValue())).toList());
    body.put("total", rows.size());
    body.put("offset", first);
    body.put("limit", pageSize);
    body.put("contracts", rows.stream().skip(first).limit(pageSize).toList());
    return ResponseEntity.ok(body);
  }

  private static Comparator<Pipeline.Row> order(String sort) {
    if (sort == null || sort.isBlank() || sort.equals("contractNumber")) {
      return Comparator.comparing(Pipeline.Row::contractNumber);
    }
    return switch (sort) {
      case "daysSinceRequest" -> Comparator.comparingLong(Pipeline.Row::daysSinceRequest).reversed()
          .thenComparing(Pipeline.Row::contractNumber);
      case "daysInStep" -> Comparator.comparing((Pipeline.Row row) -> row.daysInStep() == null ? -1L : row.daysInStep())
          .reversed().thenComparing(Pipeline.Row::contractNumber);
      default -> null;
    };
  }

  private static ResponseEntity<Map<String, Object>> refuse(String message) {
    return ResponseEntity.badRequest().body(Map.of("message", message));
  }
}
