package org.caserouting.platform.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.caserouting.platform.DatabaseHiccup;

/**
 * Maps the engine's refusals to what they are. The engine wraps an exception thrown by a task
 * listener (our user-task contract, the sign-off guard) in a plain ProcessEngineException, and the
 * REST resources wrap that again as a 500; the cause says it was the request that was wrong
 * (400), that someone else got there first (409), or that the database dropped the connection
 * for a moment (503, {@link DatabaseHiccup}).
 */
final class EngineErrors {

  private EngineErrors() {}

  /** The refusal inside an exception, if it is one we answer ourselves. */
  static Optional<Response> refusal(Throwable exception) {
    if (DatabaseHiccup.isCause(exception)) {
      // As DatabaseHiccupFilter answers our API: rolled back whole, send it again.
      return Optional.of(Response.fromResponse(answer(Response.Status.SERVICE_UNAVAILABLE, exception))
          .header("Retry-After", "1").build());
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof TaskAlreadyClaimedException || cause instanceof OptimisticLockingException) {
        return Optional.of(answer(Response.Status.CONFLICT, cause));
      }
      if (cause instanceof BadUserRequestException) {
        return Optional.of(answer(Response.Status.BAD_REQUEST, cause));
      }
    }
    return Optional.empty();
  }

  private static Response answer(Response.Status status, Throwable cause) {
    ExceptionDto body = new ExceptionDto();
    body.setType(cause.getClass().getSimpleName());
    body.setMessage(cause.getMessage());
    return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @Provider
  public static class ForEngine extends ProcessEngineExceptionHandler {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return refusal(exception).orElseGet(() -> super.toResponse(exception));
    }
  }

  @Provider
  public static class ForRest extends RestExceptionHandler {
    @Override
    public Response toResponse(RestException exception) {
      return refusal(exception.getCause()).orElseGet(() -> super.toResponse(exception));
    }
  }
}
