package com.bpocontractflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.validation.VaguePhrases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The application's own texts never use the wording it refuses in contracts: no template (e-mails,
 * merchant pages, the contract document, staff pages) holds a vague phrase.
 */
class OwnWordingTest {

  static final Path TEMPLATES = Path.of("src/main/resources/templates");

  /** The phrases as the application is configured (application.yaml, its environment variable), and the code's defaults. */
  static Set<String> vaguePhrases() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addLast(new PropertiesPropertySource("application.yaml", yaml.getObject()));
    String[] configured = environment.getRequiredProperty("bpo.validation.vague-phrases", String[].class);
    Set<String> phrases = new LinkedHashSet<>(new VaguePhrases(Arrays.asList(configured)).phrases());
    phrases.addAll(VaguePhrases.DEFAULTS);
    return phrases;
  }

  @Test
  void shouldUseNoVaguePhraseInAnyTemplate() throws IOException {
    Set<String> phrases = vaguePhrases();
    assertThat(phrases).contains("尽快", "及时处理", "合理时间内");

    List<String> found = new ArrayList<>();
    List<Path> scanned = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        scanned.add(TEMPLATES.relativize(file));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        phrases.stream().filter(text::contains).forEach(p -> found.add(TEMPLATES.relativize(file) + ": “" + p + "”"));
      }
    }

    assertThat(scanned).contains(Path.of("mail/request-received.html"), Path.of("mail/request-received.txt"),
        Path.of("mail/deposit-request.txt"), Path.of("merchant/answered.html"), Path.of("documents/contract.html"));
    assertThat(found).as("vague phrases in the application's own texts").isEmpty();
  }
}
