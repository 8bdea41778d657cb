package com.bpocontractflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.BpoContractFlowApplication;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class ModelDeploymentTest {

  @Test
  void shouldNameResourcesByFolderAndFileWhereverTheyAreLoadedFrom() throws Exception {
    List<String> names = new ModelDeployment().resources().stream().map(ModelDeployment.NamedResource::name).toList();

    assertThat(names).contains("bpmn/contract-signing.bpmn", "bpmn/proposal-approval.dmn", "forms/contract-request.form", "forms/escalation.form");
    assertThat(names).allMatch(name -> name.matches("(bpmn|forms)/[a-z0-9-]+\\.(bpmn|dmn|form)"));
  }

  @Test
  void shouldHaveAFormForEveryFormRefAndAFormIdEqualToItsFileName() throws Exception {
    String model = Files.readString(Path.of("bpmn/contract-signing.bpmn"));
    Matcher refs = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(model);
    Set<String> referenced = refs.results().map(m -> m.group(1)).collect(Collectors.toSet());
    ObjectMapper json = new ObjectMapper();
    Set<String> formIds;
    try (var files = Files.list(Path.of("forms"))) {
      formIds = files.map(file -> {
        try {
          String id = json.readTree(file.toFile()).get("id").asText();
          assertThat(file.getFileName().toString()).isEqualTo(id + ".form");
          return id;
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(Collectors.toSet());
    }

    assertThat(referenced).hasSize(22);
    assertThat(formIds).containsAll(referenced);
  }

  @Test
  void shouldNotCreateNewVersionsWhenTheApplicationRestartsOnTheSameDatabase(@TempDir Path data) {
    String url = "jdbc:h2:file:" + data.resolve("restart").toAbsolutePath() + ";AUTO_SERVER=TRUE";

    long[] firstRun = definitionsAndDeployments(url);
    long[] secondRun = definitionsAndDeployments(url);

    assertThat(firstRun).containsExactly(1, 1);
    assertThat(secondRun).containsExactly(1, 1);
  }

  private static long[] definitionsAndDeployments(String url) {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BpoContractFlowApplication.class)
        .run("--spring.datasource.url=" + url, "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
            "--bpo.mail.sender-enabled=false")) {
      RepositoryService repository = app.getBean(RepositoryService.class);
      return new long[] {
          repository.createProcessDefinitionQuery().processDefinitionKey("contract-signing").count(),
          repository.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME).count()};
    }
  }
}
