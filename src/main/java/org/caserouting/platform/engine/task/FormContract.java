package org.caserouting.platform.engine.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a Camunda Form lets a person enter, read from the form's own JSON: each editable field and
 * its rules (required, length, pattern, range, the values a select offers). A disabled or
 * read-only field, a text and a layout component are not editable, so no door may write them.
 * The engine checks every task's answers against it ({@link TaskContracts}), and the deployment
 * policy and the model lint read forms through it too, so the three cannot disagree about a form.
 */
public final class FormContract {

  /** What kind of value a field takes. */
  public enum Kind { TEXT, NUMBER, BOOLEAN, CHOICE, CHOICES, DATETIME, COMPUTED }

  /** Why values are checked: an answer that completes the task, or values written on the way. */
  public enum Purpose { COMPLETE, WRITE }

  /** One editable field. {@code hide}, {@code expression} and {@code valuesExpression} are FEEL, without the '='. */
  public record Field(
      String key,
      String type,
      Kind kind,
      boolean required,
      Integer minLength,
      Integer maxLength,
      Pattern pattern,
      BigDecimal min,
      BigDecimal max,
      String subtype,
      List<String> values,
      String valuesKey,
      String valuesExpression,
      String expression,
      String hide) {}

  /** Evaluates a FEEL expression over variables; the engine's own FEEL engine in production. */
  @FunctionalInterface
  public interface Feel {
    Object evaluate(String expression, Map<String, Object> variables);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<String, Kind> KEYED =
      Map.of(
          "textfield", Kind.TEXT, "textarea", Kind.TEXT, "number", Kind.NUMBER, "checkbox", Kind.BOOLEAN,
          "select", Kind.CHOICE, "radio", Kind.CHOICE, "checklist", Kind.CHOICES, "taglist", Kind.CHOICES,
          "datetime", Kind.DATETIME, "expression", Kind.COMPUTED);

  /** Components that show something or arrange others, and hold no value. */
  private static final Set<String> LAYOUT = Set.of("text", "group", "separator", "spacer", "image", "button");

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{6,20}");

  /** The opinion's limit when a form does not set its own (the clerk's reasons, as the applicant reads them). */
  static final int MAX_OPINION_LENGTH = 4000;

  private final String id;
  private final Map<String, Field> fields;
  private final List<String> problems;

  private FormContract(String id, Map<String, Field> fields, List<String> problems) {
    this.id = id;
    this.fields = Collections.unmodifiableMap(fields);
    this.problems = List.copyOf(problems);
  }

  /** Reads a form; what it cannot enforce is listed in {@link #problems()}, and such a field is not editable. */
  public static FormContract parse(byte[] formJson) {
    JsonNode form;
    try {
      form = JSON.readTree(formJson);
    } catch (IOException e) {
      return new FormContract(null, Map.of(), List.of("表單不是有效的 JSON not valid JSON: " + e.getMessage()));
    }
    Map<String, Field> fields = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    if (form == null || !form.path("components").isArray()) {
      problems.add("表單沒有元件 the form has no components");
    } else {
      read(form.path("components"), fields, problems);
    }
    String id = form == null || !form.path("id").isTextual() ? null : form.path("id").asText();
    return new FormContract(id, fields, problems);
  }

  public String id() {
    return id;
  }

  /** The editable fields by key, in the form's order. */
  public Map<String, Field> fields() {
    return fields;
  }

  /** What this form asks that the contract cannot hold it to; the deployment policy refuses such a form. */
  public List<String> problems() {
    return problems;
  }

  /** The fields whose value the server computes. */
  public List<Field> computed() {
    return fields.values().stream().filter(f -> f.kind() == Kind.COMPUTED).toList();
  }

  /** The names a task bound to this form accepts: its editable fields, plus outcome and opinion. */
  public Set<String> accepted() {
    Set<String> names = new java.util.LinkedHashSet<>(fields.keySet());
    names.add(TaskOutcome.OUTCOME.name());
    names.add(TaskOutcome.OPINION.name());
    return names;
  }

  /**
   * What is wrong with these values, one line per variable; empty when they may be written.
   *
   * @param submitted the variables as a door received them (plain or typed values)
   * @param purpose a completion also checks required fields; a computed field is accepted only
   *     then, because the server computes it again
   * @param visible the variables as the task sees them now, read only when a rule needs them
   */
  public List<String> check(
      Map<String, ?> submitted, Collection<String> removals, Purpose purpose, Supplier<Map<String, Object>> visible,
      Feel feel) {
    List<String> found = new ArrayList<>();
    Map<String, Object> context = null;
    for (Map.Entry<String, ?> entry : submitted.entrySet()) {
      String name = entry.getKey();
      Field field = fieldOrDefault(name);
      if (field == null) {
        found.add(name + "：不是此表單可填的欄位 not a field this form lets anyone fill in");
        continue;
      }
      if (field.kind() == Kind.COMPUTED) {
        if (purpose != Purpose.COMPLETE) {
          found.add(name + "：由系統計算 computed by the system");
        }
        continue;
      }
      Object value;
      try {
        value = plain(entry.getValue(), field.kind());
      } catch (IllegalArgumentException notPlain) {
        found.add(name + "：" + notPlain.getMessage());
        continue;
      }
      if (value == null) {
        continue;
      }
      List<String> choices = field.values();
      if (field.valuesKey() != null || field.valuesExpression() != null) {
        context = context == null ? context(visible, submitted) : context;
        choices = dynamicValues(field, context, feel);
      }
      String problem = problemWith(field, value, choices);
      if (problem != null) {
        found.add(name + "：" + problem);
      }
    }
    for (String name : removals) {
      if (!accepted().contains(name)) {
        found.add(name + "：不是此表單可填的欄位 not a field this form lets anyone fill in");
      }
    }
    if (purpose == Purpose.COMPLETE) {
      for (Field field : fields.values()) {
        if (!field.required() || field.kind() == Kind.COMPUTED
            || !empty(plainOrNull(submitted.get(field.key()), field.kind()))) {
          continue;
        }
        // Not answered now: the value the task already shows counts, unless the form hides the field.
        context = context == null ? context(visible, submitted) : context;
        Object value = submitted.containsKey(field.key()) ? null : context.get(field.key());
        if (empty(value) && !hidden(field, context, feel)) {
          found.add(field.key() + "：必填 required");
        }
      }
    }
    return found;
  }

  /** The field's value as the server computes it from the task's variables. */
  public static Object compute(Field field, Map<String, Object> variables, Feel feel) {
    return feel.evaluate(field.expression(), variables);
  }

  private Field fieldOrDefault(String name) {
    Field field = fields.get(name);
    if (field != null) {
      return field;
    }
    if (TaskOutcome.OUTCOME.name().equals(name)) {
      // The task's declared outcomes are checked when it completes (OutcomeContract).
      return new Field(name, "select", Kind.CHOICE, false, null, null, null, null, null, null, null, null, null, null, null);
    }
    if (TaskOutcome.OPINION.name().equals(name)) {
      return new Field(name, "textarea", Kind.TEXT, false, null, MAX_OPINION_LENGTH, null, null, null, null, null, null, null,
          null, null);
    }
    return null;
  }

  private static Map<String, Object> context(Supplier<Map<String, Object>> visible, Map<String, ?> submitted) {
    Map<String, Object> context = new LinkedHashMap<>(visible.get());
    submitted.forEach((name, value) -> context.put(name, plainOrNull(value, Kind.TEXT)));
    return context;
  }

  private static boolean hidden(Field field, Map<String, Object> context, Feel feel) {
    return field.hide() != null && Boolean.TRUE.equals(feel.evaluate(field.hide(), context));
  }

  private static List<String> dynamicValues(Field field, Map<String, Object> context, Feel feel) {
    Object options =
        field.valuesKey() != null ? context.get(field.valuesKey()) : feel.evaluate(field.valuesExpression(), context);
    List<String> values = new ArrayList<>();
    if (options instanceof Collection<?> list) {
      for (Object option : list) {
        if (option instanceof Map<?, ?> map && map.get("value") != null) {
          values.add(map.get("value").toString());
        } else if (option != null) {
          values.add(option.toString());
        }
      }
    }
    return values;
  }

  private static String problemWith(Field field, Object value, List<String> choices) {
    switch (field.kind()) {
      case TEXT -> {
        if (!(value instanceof String text)) {
          return "須為文字 must be text";
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
          return "超過 " + field.maxLength() + " 字 longer than " + field.maxLength() + " characters";
        }
        if (field.minLength() != null && !text.isEmpty() && text.length() < field.minLength()) {
          return "少於 " + field.minLength() + " 字 shorter than " + field.minLength() + " characters";
        }
        if (field.pattern() != null && !text.isEmpty() && !field.pattern().matcher(text).matches()) {
          return "格式不符 does not match " + field.pattern().pattern();
        }
        return null;
      }
      case NUMBER -> {
        BigDecimal number;
        try {
          number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
          return "須為數字 must be a number";
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
          return "不得小於 must be at least " + field.min();
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
          return "不得大於 must be at most " + field.max();
        }
        return null;
      }
      case BOOLEAN -> {
        return value instanceof Boolean ? null : "須為是或否 must be true or false";
      }
      case CHOICE -> {
        if (!(value instanceof String choice)) {
          return "須為選項之一 must be one of the choices";
        }
        return choices == null || choices.contains(choice) ? null : "須為 must be one of " + String.join(", ", choices);
      }
      case CHOICES -> {
        if (!(value instanceof Collection<?> picked)) {
          return "須為選項清單 must be a list of choices";
        }
        for (Object one : picked) {
          if (!(one instanceof String choice) || (choices != null && !choices.contains(choice))) {
            return "須為 must be among " + (choices == null ? "the choices" : String.join(", ", choices));
          }
        }
        return null;
      }
      case DATETIME -> {
        if (!(value instanceof String text)) {
          return "須為日期時間文字 must be a date or time as text";
        }
        return dateTime(field.subtype(), text) ? null : "不是有效的日期時間 not a valid " + field.subtype();
      }
      default -> {
        return null;
      }
    }
  }

  private static boolean dateTime(String subtype, String text) {
    try {
      switch (subtype == null ? "datetime" : subtype) {
        case "date" -> LocalDate.parse(text);
        case "time" -> {
          try {
            LocalTime.parse(text);
          } catch (DateTimeParseException withOffset) {
            OffsetTime.parse(text);
          }
        }
        default -> {
          try {
            LocalDateTime.parse(text);
          } catch (DateTimeParseException withOffset) {
            OffsetDateTime.parse(text);
          }
        }
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** The plain value of a variable as a door received it: typed (engine REST) or plain (Java). */
  private static Object plain(Object value, Kind kind) {
    if (value instanceof SerializableValue serialized) {
      if (kind == Kind.CHOICES && serialized.getValueSerialized() != null) {
        try {
          return JSON.readValue(serialized.getValueSerialized(), List.class);
        } catch (IOException e) {
          throw new IllegalArgumentException("須為選項清單 must be a list of choices");
        }
      }
      if (!serialized.isDeserialized()) {
        throw new IllegalArgumentException("不接受序列化物件 serialized objects are not accepted");
      }
      return serialized.getValue();
    }
    if (value instanceof TypedValue typed) {
      return typed.getValue();
    }
    return value;
  }

  private static Object plainOrNull(Object value, Kind kind) {
    try {
      return plain(value, kind);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean empty(Object value) {
    return value == null
        || (value instanceof String text && text.isBlank())
        || (value instanceof Collection<?> list && list.isEmpty())
        || Boolean.FALSE.equals(value);
  }

  private static void read(JsonNode components, Map<String, Field> fields, List<String> problems) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      String key = component.path("key").isTextual() ? component.path("key").asText() : null;
      String label = key != null ? key : component.path("id").asText(type);
      if (LAYOUT.contains(type)) {
        if ("group".equals(type) && component.hasNonNull("path") && !component.path("path").asText().isEmpty()) {
          problems.add(label + "：群組不可另設資料路徑 a group may not nest its data under a path");
        }
        read(component.path("components"), fields, problems);
        continue;
      }
      Kind kind = KEYED.get(type);
      if (kind == null) {
        problems.add(label + "：不支援的元件 component type '" + type + "' is not allowed");
        continue;
      }
      if (key == null || key.isBlank()) {
        problems.add(label + "：欄位沒有 key the field has no key");
        continue;
      }
      Boolean disabled = flag(component, "disabled", label, problems);
      Boolean readonly = flag(component, "readonly", label, problems);
      if (disabled == null || readonly == null || disabled || readonly) {
        continue;
      }
      JsonNode validate = component.path("validate");
      Field field =
          new Field(
              key, type, kind,
              validate.path("required").asBoolean(false),
              integer(validate, "minLength"),
              integer(validate, "maxLength"),
              pattern(validate, label, problems),
              decimal(validate, "min"),
              decimal(validate, "max"),
              component.path("subtype").isTextual() ? component.path("subtype").asText() : null,
              staticValues(component),
              text(component, "valuesKey"),
              feel(text(component, "valuesExpression")),
              feel(text(component, "expression")),
              feel(text(component.path("conditional"), "hide")));
      if (kind == Kind.COMPUTED && field.expression() == null) {
        problems.add(label + "：計算欄位沒有運算式 the computed field has no expression");
        continue;
      }
      if (fields.put(key, field) != null) {
        problems.add(label + "：欄位 key 重複 two fields have this key");
      }
    }
  }

  /** true or false; an expression is refused, since who may edit a field must not depend on data. */
  private static Boolean flag(JsonNode component, String name, String label, List<String> problems) {
    JsonNode value = component.get(name);
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    problems.add(label + "：" + name + " 須為 true 或 false must be true or false, not an expression");
    return null;
  }

  private static Pattern pattern(JsonNode validate, String label, List<String> problems) {
    String type = text(validate, "validationType");
    if ("email".equals(type)) {
      return EMAIL;
    }
    if ("phone".equals(type)) {
      return PHONE;
    }
    String pattern = text(validate, "pattern");
    if (pattern == null) {
      return null;
    }
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      problems.add(label + "：格式規則無效 the pattern is not a valid regular expression");
      return null;
    }
  }

  private static List<String> staticValues(JsonNode component) {
    if (!component.path("values").isArray()) {
      return null;
    }
    List<String> values = new ArrayList<>();
    component.path("values").forEach(option -> values.add(option.path("value").asText()));
    return values;
  }

  private static Integer integer(JsonNode node, String name) {
    return node.path(name).isNumber() ? node.path(name).asInt() : null;
  }

  private static BigDecimal decimal(JsonNode node, String name) {
    return node.path(name).isNumber() ? node.path(name).decimalValue() : null;
  }

  private static String text(JsonNode node, String name) {
    return node.path(name).isTextual() && !node.path(name).asText().isBlank() ? node.path(name).asText() : null;
  }

  /** form-js writes FEEL as "=expression". */
  private static String feel(String expression) {
    if (expression == null) {
      return null;
    }
    return expression.startsWith("=") ? expression.substring(1) : expression;
  }
}
