package com.bpocontractflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A browser logged in to the Camunda web apps, as Tasklist is used: the session cookie, and the CSRF token
 * the web apps' API wants in {@code X-XSRF-TOKEN} (renewed with the session at login, handed out with the
 * next request).
 */
public record WebAppSession(HttpClient browser, String csrfToken) {

  public static WebAppSession login(String base, String user, String password) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as("web app login: %s", login.body()).isEqualTo(200);
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).build(),
        HttpResponse.BodyHandlers.discarding());
    return new WebAppSession(browser, token(cookies));
  }

  private static String token(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .reduce((first, second) -> second).orElseThrow().getValue();
  }
}
