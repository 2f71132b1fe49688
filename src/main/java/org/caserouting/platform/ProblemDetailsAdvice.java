package org.caserouting.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our API as application/problem+json (RFC 9457). Validation problems list each
 * invalid field under {@code errors}, so a portal can show all of them at once.
 */
@RestControllerAdvice(basePackages = "org.caserouting")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
  private static final URI INVALID_REQUEST = URI.create("/problems/invalid-request");

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> handleApiProblem(ApiProblem problem) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
    body.setType(problem.type());
    body.setTitle(problem.title());
    problem.properties().forEach(body::setProperty);
    ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status());
    problem.retryAfter().ifPresent(wait -> response.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds()))));
    return response.body(body);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> handleParameterMismatch(MethodArgumentTypeMismatchException e) {
    String message = "has an invalid value '" + shortened(e.getValue()) + "'" + allowedValues(e.getRequiredType());
    return invalid(List.of(new InvalidField(e.getName(), message)));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> handleUnexpected(Exception e) throws Exception {
    if (DatabaseHiccup.isCause(e)) {
      // Answered 503 by DatabaseHiccupFilter, for our controllers and every other door alike.
      throw e;
    }
    log.error("Unexpected error in the API", e);
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed; nothing was changed.");
    body.setTitle("Internal error");
    return ResponseEntity.internalServerError().body(body);
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge());
  }

  /** A multipart request the server could not read: over its size limits (413), or malformed (400). */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> handleMultipart(MultipartException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SizeException || cause instanceof MaxUploadSizeExceededException) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge());
      }
    }
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "無法讀取上傳內容 the multipart request could not be read; nothing was stored");
    body.setType(INVALID_REQUEST);
    body.setTitle("無法讀取 Unreadable request");
    return ResponseEntity.badRequest().body(body);
  }

  private static ProblemDetail tooLarge() {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "檔案或申請過大，未予收件 a file or the whole request is larger than this service takes; nothing was stored");
    body.setType(URI.create("/problems/too-large"));
    body.setTitle("檔案過大 Too large");
    return body;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<InvalidField> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> new InvalidField(error.getField(), message(error)))
            .sorted(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message))
            .toList();
    return ResponseEntity.badRequest().body(problem(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(problem(List.of(unreadable(e))));
  }

  private static String message(FieldError error) {
    if (error.isBindingFailure()) {
      return "has a value of the wrong type";
    }
    return error.getDefaultMessage();
  }

  private static InvalidField unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new InvalidField(path(unknown), "is not a known field");
    }
    if (cause instanceof InvalidFormatException format) {
      if (format.getTargetType() == String.class) {
        return new InvalidField(path(format), TextInput.NOT_TEXT);
      }
      return new InvalidField(
          path(format), "has an invalid value '" + shortened(format.getValue()) + "'" + allowedValues(format.getTargetType()));
    }
    if (cause instanceof MismatchedInputException mismatch) {
      return mismatch.getPath().isEmpty()
          ? new InvalidField("", "the body must be a JSON object")
          : new InvalidField(path(mismatch), "has a value of the wrong type" + allowedValues(mismatch.getTargetType()));
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return new InvalidField(path(mapping), "has an invalid value");
    }
    if (cause instanceof JsonProcessingException) {
      return new InvalidField("", "the body is not well-formed JSON");
    }
    return new InvalidField("", "the request body is missing or unreadable");
  }

  /** Enough of a rejected value to recognise it; the caller sent the rest. */
  private static String shortened(Object value) {
    String text = String.valueOf(value);
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String allowedValues(Class<?> type) {
    if (type == null || !type.isEnum()) {
      return "";
    }
    return "; allowed: "
        + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
  }

  private static ResponseEntity<ProblemDetail> invalid(List<InvalidField> errors) {
    return ResponseEntity.badRequest().body(problem(errors));
  }

  private static ProblemDetail problem(List<InvalidField> errors) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            errors.size() == 1 ? "One field is invalid." : errors.size() + " fields are invalid.");
    body.setType(INVALID_REQUEST);
    body.setTitle("Invalid request");
    body.setProperty("errors", errors);
    return body;
  }
}
