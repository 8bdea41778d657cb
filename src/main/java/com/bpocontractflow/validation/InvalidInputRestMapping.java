package com.bpocontractflow.validation;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes the engine REST API answer invalid input with 400 and the zh-CN problems, whatever endpoint it
 * came through (start, submit-form, task complete, message correlation). Other errors keep Camunda's own
 * handling.
 */
@Component
class InvalidInputRestMapping implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(InvalidInputMapper.class);
    config.register(WrappedInvalidInputMapper.class);
  }

  static Response badRequest(InvalidInputException invalid) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidInputException");
    body.put("message", invalid.getMessage());
    body.put("problems", invalid.getProblems());
    body.put("code", null);
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(body).build();
  }

  /** Thrown by the engine API (after {@link InvalidInputPlugin} unwrapped it). */
  @Priority(1)
  public static class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException exception) {
      return badRequest(exception);
    }
  }

  /** Wrapped by a Camunda REST resource (e.g. "Cannot instantiate process definition ..."). */
  @Priority(1)
  public static class WrappedInvalidInputMapper implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      InvalidInputException invalid = InvalidInputPlugin.find(exception);
      return invalid != null ? badRequest(invalid) : camunda.toResponse(exception);
    }
  }
}
