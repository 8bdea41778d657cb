package com.bpocontractflow.bench;

import com.bpocontractflow.bench.skeleton.SkeletonEngine;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The skeleton the application is measured against (issue #12): the application's models stripped of
 * listeners, forms, delegates and mail, deployed on a bare Camunda engine with the Spring Boot starter's
 * default configuration ({@link SkeletonEngine}), on its own database, in this JVM, with the engine REST on a
 * free port. Used by the lifecycle and timer-storm scenarios:
 *
 * <pre>
 * try (Skeleton skeleton = Skeleton.start(db, Skeleton.SIGNING)) {
 *   skeleton.engineRest  // http://localhost:port/engine-rest/engine/skeleton (HTTP Basic as ADMIN / PASSWORD
 *                        // when started with bench.skeleton.rest-auth=true; unauthenticated otherwise)
 *   skeleton.engine      // the ProcessEngine (Java API), e.g. for bulk seeding
 * }
 * </pre>
 *
 * <p>What {@link #strip} does to each BPMN model (with the Camunda model API, not text edits):
 * <ul>
 * <li>execution and task listeners removed; forms (formKey, formRef, form data) removed;</li>
 * <li>service and send tasks run {@code ${true}} (no delegate, no mail, no input/output mapping), except where
 * {@link #ROUTING} names the routing variable the application's code sets there (a gateway after it reads it);</li>
 * <li>the DMN inputs the application's listener {@code proposalFacts} computed become input parameters
 * ({@link #LISTENER_INPUTS});</li>
 * <li>timers whose value is an expression of the application's beans or of variables its code sets get a fixed
 * value: the application's defaults for {@code signingSchedule} ({@link #TIMERS}), else one year ahead
 * (dates), P30D (durations), R3/P2D (cycles); due dates given as expressions become P5D;</li>
 * <li>user tasks (candidate groups, literal due dates), gateways, messages, events, sub-processes, call
 * activities, asynchronous continuations and history time to live stay as they are.</li>
 * </ul>
 */
final class Skeleton implements AutoCloseable {

  static final String ENGINE = "skeleton";
  static final String ADMIN = "admin";
  static final String PASSWORD = "demo";
  /** The models the contract's lifecycle touches: the signing, the service term it calls, the approval table. */
  static final Set<String> SIGNING = Set.of("contract-signing.bpmn", "contract-term.bpmn", "proposal-approval.dmn");

  /** The application's defaults (application.yaml bpo.signing, bpo.onboarding) for its schedule's timers. */
  static final Map<String, String> TIMERS = Map.of(
      "${signingSchedule.reminderCycle}", "R3/P2D",
      "${signingSchedule.escalationDelay}", "P7D",
      "${signingSchedule.signingTarget}", "P10D",
      "${signingSchedule.onboardingTarget}", "P10D");

  /** Service tasks whose code sets a variable a following gateway routes on: the skeleton sets the happy path's value. */
  static final Map<String, String> ROUTING = Map.of(
      "${depositPayment}", "${execution.setVariable('depositPaidInFull', true)}",
      "${serviceTerm.start(execution)}", "${execution.setVariable('hasTrial', false)}");

  /** Listeners that compute a DMN's inputs: the same values as input parameters of the business rule task. */
  static final Map<String, Map<String, String>> LISTENER_INPUTS = Map.of("${proposalFacts}", orderedMap(
      "quoteUnitPrice", "${unitPrice + 0.0}",
      "quoteTermMonths", "${termMonths}",
      // the floor for PER_INQUIRY (application.yaml bpo.pricing.floor); the deposit in months needs a monthly fee
      "priceFloor", "${1.5}",
      "depositMonths", "${null}",
      "slaFirstResponseMinutes", "${execution.getVariable('firstResponseMinutes')}",
      "slaSatisfactionTarget", "${execution.getVariable('satisfactionTarget')}"));

  final ConfigurableApplicationContext context;
  final ProcessEngine engine;
  /** http://localhost:port */
  final String baseUrl;
  /** The engine REST of this engine: {@code baseUrl + "/engine-rest/engine/skeleton"}. */
  final String engineRest;
  /** From {@code run} to ApplicationReadyEvent, seconds. */
  final double startSeconds;

  private Skeleton(ConfigurableApplicationContext context, double startSeconds) {
    this.context = context;
    this.engine = context.getBean(ProcessEngine.class);
    this.baseUrl = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    this.engineRest = baseUrl + "/engine-rest/engine/" + ENGINE;
    this.startSeconds = startSeconds;
  }

  /** The skeleton of {@code models} (file names in bpmn/) on a bare engine over {@code database}. */
  static Skeleton start(Database database, Set<String> models) throws Exception {
    return start(database, models, Map.of(), TIMERS);
  }

  /**
   * As {@link #start(Database, Set)}, with extra Spring properties (e.g. {@code camunda.bpm.job-execution.enabled})
   * and other timer values (expression as written in the model -> value).
   */
  static Skeleton start(Database database, Set<String> models, Map<String, Object> extra, Map<String, String> timers)
      throws Exception {
    Map<String, Object> properties = new LinkedHashMap<>();
    // no application.yaml of the application (nor any other): the starter's defaults
    properties.put("spring.config.name", "bench-skeleton-none");
    properties.put("spring.autoconfigure.exclude", String.join(",",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
        "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration",
        "org.springframework.boot.autoconfigure.mail.MailSenderValidatorAutoConfiguration"));
    properties.put("spring.datasource.url", database.jdbcUrl());
    properties.put("spring.datasource.username", database.user());
    properties.put("spring.datasource.password", database.password());
    properties.put("server.port", 0);
    properties.put("spring.main.banner-mode", "off");
    properties.put("camunda.bpm.process-engine-name", ENGINE);
    properties.put("camunda.bpm.auto-deployment-enabled", false);
    properties.put("camunda.bpm.admin-user.id", ADMIN);
    properties.put("camunda.bpm.admin-user.password", PASSWORD);
    properties.putAll(extra);
    String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    AtomicLong ready = new AtomicLong();
    long start = System.nanoTime();
    ConfigurableApplicationContext context = new SpringApplicationBuilder(SkeletonEngine.class)
        .listeners((ApplicationListener<ApplicationReadyEvent>) event -> ready.set(System.nanoTime()))
        .run(arguments);
    Skeleton skeleton = new Skeleton(context, (ready.get() - start) / 1e9);
    skeleton.deploy(models, timers);
    return skeleton;
  }

  private void deploy(Set<String> models, Map<String, String> timers) throws Exception {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("skeleton")
        .enableDuplicateFiltering(false);
    for (String model : models) {
      Path file = Path.of("bpmn", model);
      if (model.endsWith(".bpmn")) {
        deployment.addModelInstance(model, strip(Bpmn.readModelFromFile(file.toFile()), timers));
      } else {
        deployment.addInputStream(model, new ByteArrayInputStream(Files.readAllBytes(file)));
      }
    }
    deployment.deploy();
  }

  /** The model without the application's code (see the class comment); changes and returns {@code model}. */
  static BpmnModelInstance strip(BpmnModelInstance model, Map<String, String> timers) {
    String camunda = BpmnModelConstants.CAMUNDA_NS;
    for (CamundaExecutionListener listener : list(model, CamundaExecutionListener.class)) {
      BaseElement owner = (BaseElement) listener.getParentElement().getParentElement();
      String expression = listener.getCamundaDelegateExpression() != null ? listener.getCamundaDelegateExpression()
          : listener.getCamundaExpression();
      Map<String, String> inputs = LISTENER_INPUTS.get(expression);
      listener.getParentElement().removeChildElement(listener);
      if (inputs != null) {
        CamundaInputOutput io = inputOutput(model, owner);
        inputs.forEach((name, value) -> {
          CamundaInputParameter parameter = model.newInstance(CamundaInputParameter.class);
          parameter.setCamundaName(name);
          parameter.setTextContent(value);
          io.addChildElement(parameter);
        });
      }
    }
    for (CamundaTaskListener listener : list(model, CamundaTaskListener.class)) {
      listener.getParentElement().removeChildElement(listener);
    }
    for (CamundaFormData form : list(model, CamundaFormData.class)) {
      form.getParentElement().removeChildElement(form);
    }
    for (UserTask task : list(model, UserTask.class)) {
      for (String attribute : List.of("formKey", "formRef", "formRefBinding", "formRefVersion")) {
        task.removeAttributeNs(camunda, attribute);
      }
      for (String attribute : List.of("dueDate", "followUpDate")) {
        String value = task.getAttributeValueNs(camunda, attribute);
        if (value != null && (value.contains("${") || value.contains("#{"))) {
          task.setAttributeValueNs(camunda, attribute, "P5D");
        }
      }
    }
    for (StartEvent event : list(model, StartEvent.class)) {
      for (String attribute : List.of("formKey", "formRef", "formRefBinding", "formRefVersion")) {
        event.removeAttributeNs(camunda, attribute);
      }
    }
    List<Task> codeTasks = new ArrayList<>(list(model, ServiceTask.class));
    codeTasks.addAll(list(model, SendTask.class));
    for (Task task : codeTasks) {
      String code = task.getAttributeValueNs(camunda, "delegateExpression") != null
          ? task.getAttributeValueNs(camunda, "delegateExpression") : task.getAttributeValueNs(camunda, "expression");
      for (String attribute : List.of("class", "delegateExpression", "expression", "resultVariable", "type", "topic")) {
        task.removeAttributeNs(camunda, attribute);
      }
      task.setAttributeValueNs(camunda, "expression", ROUTING.getOrDefault(code, "${true}"));
      for (CamundaInputOutput io : children(task, CamundaInputOutput.class)) {
        io.getParentElement().removeChildElement(io);
      }
      for (CamundaField field : children(task, CamundaField.class)) {
        field.getParentElement().removeChildElement(field);
      }
    }
    String yearAhead = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusYears(1).truncatedTo(ChronoUnit.DAYS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    for (TimerEventDefinition timer : list(model, TimerEventDefinition.class)) {
      fix(timer.getTimeDate(), timers, yearAhead);
      fix(timer.getTimeDuration(), timers, "P30D");
      fix(timer.getTimeCycle(), timers, "R3/P2D");
    }
    return model;
  }

  private static void fix(ModelElementInstance value, Map<String, String> timers, String fallback) {
    if (value == null) {
      return;
    }
    String text = value.getTextContent().trim();
    if (text.contains("${") || text.contains("#{")) {
      value.setTextContent(timers.getOrDefault(text, fallback));
    }
  }

  private static CamundaInputOutput inputOutput(BpmnModelInstance model, BaseElement owner) {
    ExtensionElements extensions = owner.getExtensionElements();
    if (extensions == null) {
      extensions = model.newInstance(ExtensionElements.class);
      owner.setExtensionElements(extensions);
    }
    List<CamundaInputOutput> existing = children(owner, CamundaInputOutput.class);
    return existing.isEmpty() ? extensions.addExtensionElement(CamundaInputOutput.class) : existing.get(0);
  }

  private static <T extends ModelElementInstance> List<T> children(BaseElement owner, Class<T> type) {
    ExtensionElements extensions = owner.getExtensionElements();
    return extensions == null ? List.of() : List.copyOf(extensions.getChildElementsByType(type));
  }

  private static <T extends ModelElementInstance> List<T> list(BpmnModelInstance model, Class<T> type) {
    Collection<T> all = model.getModelElementsByType(type);
    return new ArrayList<>(all);
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Override
  public void close() {
    context.close();
  }
}
