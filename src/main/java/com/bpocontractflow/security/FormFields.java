package com.bpocontractflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The fields of the application's Camunda Forms ({@code forms/*.form}) and which form starts which process
 * ({@code camunda:formRef} of each process's start event in {@code bpmn/*.bpmn}), read once from the
 * classpath: the same files the application deploys. A person may set exactly the variables of the form
 * in front of them; fields shown read-only ({@code disabled}) may be sent back only unchanged.
 */
public final class FormFields {

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private static final FormFields INSTANCE = load();

  private final Map<String, Form> forms;
  private final Map<String, String> startForms;

  private FormFields(Map<String, Form> forms, Map<String, String> startForms) {
    this.forms = Map.copyOf(forms);
    this.startForms = Map.copyOf(startForms);
  }

  public static FormFields get() {
    return INSTANCE;
  }

  /** The form with this id ({@code camunda:formRef}). */
  public Optional<Form> form(String formId) {
    return Optional.ofNullable(formId).map(forms::get);
  }

  /** The form of the start event of this process, if people start it with a form. */
  public Optional<Form> startForm(String processKey) {
    return form(startForms.get(processKey));
  }

  /** One form: the keys people may type into, and the keys it only shows. */
  public record Form(String id, Set<String> editable, Set<String> readOnly) {
    public boolean has(String key) {
      return editable.contains(key) || readOnly.contains(key);
    }
  }

  private static FormFields load() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    ObjectMapper json = new ObjectMapper();
    Map<String, Form> forms = new HashMap<>();
    Map<String, String> startForms = new HashMap<>();
    try {
      for (Resource resource : resolver.getResources("classpath*:forms/*.form")) {
        try (InputStream in = resource.getInputStream()) {
          Form form = read(json.readTree(in));
          forms.put(form.id(), form);
        }
      }
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      for (Resource resource : resolver.getResources("classpath*:bpmn/*.bpmn")) {
        try (InputStream in = resource.getInputStream()) {
          NodeList processes = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS(BPMN_NS, "process");
          for (int i = 0; i < processes.getLength(); i++) {
            Element process = (Element) processes.item(i);
            NodeList children = process.getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
              if (children.item(j) instanceof Element child && "startEvent".equals(child.getLocalName())
                  && !child.getAttributeNS(CAMUNDA_NS, "formRef").isEmpty()) {
                startForms.put(process.getAttribute("id"), child.getAttributeNS(CAMUNDA_NS, "formRef"));
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read the forms and models on the classpath", e);
    }
    return new FormFields(forms, startForms);
  }

  /**
   * The fields of one form, wherever they sit: at the top, or inside a group ({@code type: "group"}, without
   * a {@code path}, so its fields bind to variables of their own name) however deeply nested.
   */
  static Form read(JsonNode form) {
    Set<String> editable = new LinkedHashSet<>();
    Set<String> readOnly = new LinkedHashSet<>();
    collect(form.path("components"), editable, readOnly);
    String id = form.path("id").asText();
    return new Form(id, Set.copyOf(editable), Set.copyOf(readOnly));
  }

  private static void collect(JsonNode components, Set<String> editable, Set<String> readOnly) {
    for (JsonNode component : components) {
      String key = component.path("key").asText("");
      if (!key.isEmpty()) {
        boolean shownOnly = component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false);
        (shownOnly ? readOnly : editable).add(key);
      }
      collect(component.path("components"), editable, readOnly);
    }
  }
}
