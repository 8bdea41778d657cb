package com.bpocontractflow.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Simplified Chinese locales of Camunda's web apps ({@code locales/zh.json} beside the webjar's own
 * {@code en.json}/{@code de.json}) are complete: every key of the webjar's {@code en.json}, every sentence in
 * Chinese, every {{placeholder}} kept, and the app's {@code scripts/config.js} offers 'zh'. An app without a
 * zh.json is skipped, unless its config.js offers 'zh' (the app would then report a missing locale file).
 */
class WebAppLocalesTest {

  private static final List<String> APPS = List.of("tasklist", "cockpit", "admin", "welcome");
  private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Keys whose English value is language but whose Chinese value may stay without Chinese characters:
   * BANNER_CE_EOL_TEXT is left empty on purpose (the "migrate to Camunda 8" banner is hidden, see
   * docs/operations.md); PLGN_MOD_OUT_OF (" out of ", between two counts) reads " / " in Chinese.
   */
  private static final Set<String> KEYS_WITHOUT_CHINESE = Set.of("BANNER_CE_EOL_TEXT", "PLGN_MOD_OUT_OF");

  /**
   * Words that are not language and stay as they are in Chinese too: product names, standards,
   * abbreviations, the engine's variable type names (those of its API) and the literal null. An English
   * value made only of these (and of placeholders, markup, date formats, punctuation) needs no Chinese.
   */
  private static final Set<String> NOT_LANGUAGE = Set.of(
      "ID", "IDs", "UUID", "OK", "Camunda", "Cockpit", "Optimize", "CSV", "BPMN", "DMN", "CMMN", "FEEL", "JSON", "XML", "REST",
      "API", "URL", "HTTP", "Boolean", "Bytes", "Double", "Integer", "Long", "Short", "String", "null");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
  private static final Pattern OTHER_PLACEHOLDER = Pattern.compile("%[sd]|\\{\\d+}");
  private static final Pattern TAG = Pattern.compile("<[^<>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(?:[A-Za-z]+|#\\d+|#x[0-9A-Fa-f]+);");
  private static final Pattern URL_TEXT = Pattern.compile("(?:https?://|www\\.)\\S+");
  /** Date and time patterns such as HH:mm or yyyy-MM-ddTHH:mm:ss. */
  private static final Pattern DATE_FORMAT = Pattern.compile(
      "\\b(?:yyyy|YYYY|yy|MM|dd|DD|HH|hh|mm|ss|SSS)(?:[-/:.T ]?(?:yyyy|YYYY|MM|dd|DD|HH|hh|mm|ss|SSS))*\\b");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern AVAILABLE_LOCALES =
      Pattern.compile("['\"]?availableLocales['\"]?\\s*:\\s*\\[([^\\]]*)]");

  @TestFactory
  List<DynamicTest> chineseLocalesAreCompleteAndOffered() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String app : APPS) {
      URL zh = projectResource(APP_ROOT + app + "/locales/zh.json");
      if (zh == null) {
        tests.add(DynamicTest.dynamicTest(app + ": no zh.json, config.js must not offer zh",
            () -> assertFalse(offeredLocales(app).contains("zh"),
                app + ": scripts/config.js lists 'zh' in availableLocales but locales/zh.json is absent")));
        continue;
      }
      tests.add(DynamicTest.dynamicTest(app + ": zh.json complete, in Chinese, offered",
          () -> checkApp(app, zh)));
    }
    return tests;
  }

  private static void checkApp(String app, URL zhUrl) {
    URL enUrl = webjarResource(APP_ROOT + app + "/locales/en.json");
    assertNotNull(enUrl, app + ": the webjar's en.json is not on the classpath");
    JsonNode en = read(enUrl);
    JsonNode zh = read(zhUrl);
    List<String> problems = new ArrayList<>();

    // (a) the same keys as en.json: labels, and the structure of dateLocales
    Set<String> enKeys = fieldNames(en.path("labels"));
    Set<String> zhKeys = fieldNames(zh.path("labels"));
    Set<String> missing = new TreeSet<>(enKeys);
    missing.removeAll(zhKeys);
    if (!missing.isEmpty()) {
      problems.add("labels missing in zh.json: " + missing);
    }
    Set<String> missingDateKeys = new TreeSet<>(paths(en.path("dateLocales"), "dateLocales"));
    missingDateKeys.removeAll(paths(zh.path("dateLocales"), "dateLocales"));
    if (!missingDateKeys.isEmpty()) {
      problems.add("dateLocales missing in zh.json: " + missingDateKeys);
    }

    // (b) language in English is Chinese in zh.json; (c) placeholders are kept
    Set<String> english = new TreeSet<>();
    Set<String> lostPlaceholders = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = en.path("labels").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      String key = label.getKey();
      JsonNode zhValue = zh.path("labels").get(key);
      if (zhValue == null) {
        continue;
      }
      String enText = label.getValue().asText();
      String zhText = zhValue.asText();
      if (isLanguage(enText) && !KEYS_WITHOUT_CHINESE.contains(key) && !HAN.matcher(zhText).find()) {
        english.add(key);
      }
      Matcher placeholder = PLACEHOLDER.matcher(enText);
      while (placeholder.find()) {
        if (!zhText.contains(placeholder.group())) {
          lostPlaceholders.add(key + " " + placeholder.group());
        }
      }
    }
    if (!english.isEmpty()) {
      problems.add(english.size() + " labels without Chinese: " + english);
    }
    if (!lostPlaceholders.isEmpty()) {
      problems.add("placeholders of en.json missing in zh.json: " + lostPlaceholders);
    }

    // (d) config.js offers zh
    if (!offeredLocales(app).contains("zh")) {
      problems.add("scripts/config.js does not list 'zh' in locales.availableLocales");
    }

    if (!problems.isEmpty()) {
      fail(app + " zh.json:\n  " + String.join("\n  ", problems));
    }
  }

  /** Whether an English value holds words that a reader has to understand. */
  static boolean isLanguage(String english) {
    String text = PLACEHOLDER.matcher(english).replaceAll(" ");
    text = OTHER_PLACEHOLDER.matcher(text).replaceAll(" ");
    text = TAG.matcher(text).replaceAll(" ");
    text = ENTITY.matcher(text).replaceAll(" ");
    text = URL_TEXT.matcher(text).replaceAll(" ");
    text = DATE_FORMAT.matcher(text).replaceAll(" ");
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      if (!NOT_LANGUAGE.contains(word.group())) {
        return true;
      }
    }
    return false;
  }

  /** The locales listed in the project's scripts/config.js of the app; Camunda's default offers en only. */
  private static Set<String> offeredLocales(String app) {
    URL config = projectResource(APP_ROOT + app + "/scripts/config.js");
    if (config == null) {
      return Set.of("en");
    }
    String code = withoutComments(text(config));
    Matcher list = AVAILABLE_LOCALES.matcher(code);
    if (!list.find()) {
      return Set.of("en");
    }
    Set<String> locales = new LinkedHashSet<>();
    Matcher locale = Pattern.compile("['\"]([A-Za-z_-]+)['\"]").matcher(list.group(1));
    while (locale.find()) {
      locales.add(locale.group(1));
    }
    return locales;
  }

  private static String withoutComments(String js) {
    String noBlocks = js.replaceAll("(?s)/\\*.*?\\*/", "");
    return noBlocks.replaceAll("(?m)^\\s*//.*$", "");
  }

  /** A file of this project (target/classes), not of a dependency jar. */
  private static URL projectResource(String path) {
    return resources(path).stream().filter(url -> "file".equals(url.getProtocol())).findFirst().orElse(null);
  }

  /** A file of the camunda-webapp-webjar. */
  private static URL webjarResource(String path) {
    return resources(path).stream().filter(url -> url.toString().contains("camunda-webapp-webjar"))
        .findFirst().orElse(null);
  }

  private static List<URL> resources(String path) {
    try {
      return Collections.list(WebAppLocalesTest.class.getClassLoader().getResources(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(URL url) {
    try {
      return JSON.readTree(text(url));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + url, e);
    }
  }

  /** The text of a UTF-8 file, without the byte order mark that Camunda's locale files start with. */
  private static String text(URL url) {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> paths(JsonNode node, String prefix) {
    Set<String> paths = new TreeSet<>();
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> {
        paths.add(prefix + "." + field.getKey());
        paths.addAll(paths(field.getValue(), prefix + "." + field.getKey()));
      });
    }
    return paths;
  }

  @Test
  void languageDetectionIgnoresPlaceholdersMarkupFormatsAndNames() {
    assertTrue(isLanguage("Delete the variable"));
    assertTrue(isLanguage("Inspect {{ name }} variable"));
    assertTrue(isLanguage("&lt;Empty&gt;"));
    assertTrue(isLanguage("Tenant ID"));
    assertTrue(isLanguage("Invalid date: the date should have the pattern 'yyyy-MM-ddTHH:mm:ss'"));
    assertTrue(isLanguage("See the <a href=\"https://docs.camunda.org\">manual</a>"));
    assertFalse(isLanguage("{{ count }} / %s"));
    assertFalse(isLanguage("<null>"));
    assertFalse(isLanguage("HH:mm"));
    assertFalse(isLanguage("yyyy-MM-ddTHH:mm:ss"));
    assertFalse(isLanguage("Camunda"));
    assertFalse(isLanguage("String"));
    assertFalse(isLanguage("null"));
    assertFalse(isLanguage("<a href=\"https://docs.camunda.org\">https://docs.camunda.org</a>"));
    assertEquals(Set.of("zh", "en"), offeredLocales("tasklist"));
  }
}
