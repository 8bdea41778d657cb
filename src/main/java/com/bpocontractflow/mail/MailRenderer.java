package com.bpocontractflow.mail;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the merchant e-mails (with its own engine, apart from the web pages') from Thymeleaf templates: {@code templates/mail/<name>.html} (HTML mode,
 * every value escaped) and {@code templates/mail/<name>.txt} (the plain-text part).
 */
@Component
public class MailRenderer {

  private static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;

  private final TemplateEngine engine = new SpringTemplateEngine();

  public MailRenderer() {
    engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
  }

  public RenderedMail render(String subject, String template, Map<String, Object> model) {
    Context context = new Context(ZH_CN, model);
    context.setVariable("subject", subject);
    String html = engine.process("mail/" + template + ".html", context);
    String text = engine.process("mail/" + template + ".txt", context);
    return new RenderedMail(subject, html, text);
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
    resolver.setOrder(order);
    resolver.setCacheable(true);
    return resolver;
  }
}
