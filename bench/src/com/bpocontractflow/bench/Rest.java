package com.bpocontractflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Timed HTTP calls to the running application as one user (HTTP Basic, as Tasklist's REST clients do). */
final class Rest {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;

  Rest(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  String get(String user, String password, String path) throws Exception {
    HttpResponse<String> response = client.send(request(user, password, path).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + " as " + user + ": HTTP " + response.statusCode() + " "
          + response.body());
    }
    return response.body();
  }

  /** {@code warmup} untimed calls, then {@code samples} timed ones; milliseconds. */
  List<Double> time(String user, String password, String path, int warmup, int samples) throws Exception {
    for (int i = 0; i < warmup; i++) {
      get(user, password, path);
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      get(user, password, path);
      millis.add((System.nanoTime() - start) / 1e6);
    }
    return millis;
  }

  private HttpRequest.Builder request(String user, String password, String path) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(2))
        .header("Authorization", "Basic " + credentials).header("Accept", "application/json");
  }
}
