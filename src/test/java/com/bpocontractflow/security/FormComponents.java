package com.bpocontractflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The components of a Camunda Form as the viewer renders them: the top level and, depth first, inside groups. */
public final class FormComponents {

  private FormComponents() {
  }

  /** Every component of the form, groups and their contents included, in the order they are shown. */
  public static List<JsonNode> all(JsonNode form) {
    List<JsonNode> all = new ArrayList<>();
    collect(form.path("components"), all);
    return all;
  }

  /** The components bound to a variable ({@code key}), wherever they sit. */
  public static List<JsonNode> fields(JsonNode form) {
    return all(form).stream().filter(component -> component.has("key")).toList();
  }

  private static void collect(JsonNode components, List<JsonNode> all) {
    for (JsonNode component : components) {
      all.add(component);
      collect(component.path("components"), all);
    }
  }
}
