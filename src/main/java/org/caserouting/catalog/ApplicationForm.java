package org.caserouting.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.caserouting.platform.InvalidField;

/**
 * What an application type asks of its applicant beyond who they are and which documents they
 * bring: the fields of its form, declared in the catalog. The portal renders the form from the
 * JSON Schema made of them, intake checks {@code applicationData} against that same schema, and
 * the case file shows the answers under the same labels.
 */
public record ApplicationForm(List<Field> fields) {

  public static final ApplicationForm NONE = new ApplicationForm(List.of());

  public ApplicationForm {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  /**
   * One question of the form. {@code pattern} and lengths for text, range for numbers, options for
   * a choice; {@code example}, for text, an answer that fits (required with a pattern, so the
   * pattern is shown to be one an applicant can meet).
   */
  public record Field(
      String name,
      String labelZh,
      String labelEn,
      FieldType type,
      boolean required,
      String pattern,
      Integer minLength,
      Integer maxLength,
      BigDecimal minimum,
      BigDecimal maximum,
      List<Option> options,
      String example) {

    public Field {
      options = options == null ? List.of() : List.copyOf(options);
    }

    public String label() {
      return labelZh + " " + labelEn;
    }

    /** The answer as a clerk reads it: a choice by its label, yes or no in words. */
    public String shown(JsonNode value) {
      if (value == null || value.isNull()) {
        return "";
      }
      return switch (type) {
        case CHOICE -> options.stream().filter(option -> option.value().equals(value.asText())).findFirst()
            .map(Option::label).orElse(value.asText());
        case BOOLEAN -> value.asBoolean() ? "是 Yes" : "否 No";
        default -> value.asText();
      };
    }
  }

  public record Option(String value, String labelZh, String labelEn) {
    public String label() {
      return labelZh + " " + labelEn;
    }
  }

  public enum FieldType {
    TEXT("文字", "text"),
    INTEGER("整數", "a whole number"),
    NUMBER("數字", "a number"),
    DATE("日期 YYYY-MM-DD", "a date, YYYY-MM-DD"),
    BOOLEAN("是或否", "true or false"),
    CHOICE("選項", "one of the options");

    private final String zh;
    private final String en;

    FieldType(String zh, String en) {
      this.zh = zh;
      this.en = en;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String FIELD_NAME = "[a-z][A-Za-z0-9]{0,63}";
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  /** Compiled schemas by type and form: a form changed in the catalog is a new key, made once. */
  private static final Map<Compiled, Schema> COMPILED = new ConcurrentHashMap<>();

  private record Compiled(String caseTypeCode, ApplicationForm form) {}

  public Optional<Field> field(String name) {
    return fields.stream().filter(field -> field.name().equals(name)).findFirst();
  }

  /** The form as JSON Schema (2020-12): each label a {@code title}, zh-TW first, then English, as on every screen. */
  public ObjectNode schema(String caseTypeCode, String nameZh, String nameEn) {
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", "/api/case-types/" + caseTypeCode + "/application-schema");
    schema.put("title", nameZh + " " + nameEn);
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (Field field : fields) {
      properties.set(field.name(), property(field));
      if (field.required()) {
        required.add(field.name());
      }
    }
    schema.set("required", required);
    schema.put("additionalProperties", false);
    schema.putArray("examples").add(example());
    return schema;
  }

  /** A complete answer that fits the form: for the portal's documentation and for tests that must apply. */
  public ObjectNode example() {
    ObjectNode answers = NODES.objectNode();
    for (Field field : fields) {
      switch (field.type()) {
        case TEXT -> answers.put(field.name(), field.example() != null ? field.example() : sampleText(field));
        case INTEGER -> answers.put(field.name(), field.minimum() != null ? field.minimum().setScale(0, RoundingMode.CEILING).intValueExact() : 1);
        case NUMBER -> answers.put(field.name(), field.minimum() != null ? field.minimum() : BigDecimal.ONE);
        case DATE -> answers.put(field.name(), "2026-12-01");
        case BOOLEAN -> answers.put(field.name(), true);
        case CHOICE -> answers.put(field.name(), field.options().get(0).value());
      }
    }
    return answers;
  }

  private static ObjectNode property(Field field) {
    ObjectNode property = NODES.objectNode();
    property.put("title", field.label());
    switch (field.type()) {
      case TEXT -> {
        property.put("type", "string");
        if (field.pattern() != null) {
          property.put("pattern", field.pattern());
        }
        property.put("minLength", field.minLength() == null ? (field.required() ? 1 : 0) : field.minLength());
        property.put("maxLength", field.maxLength() == null ? 500 : field.maxLength());
        if (field.example() != null) {
          property.putArray("examples").add(field.example());
        }
      }
      case INTEGER, NUMBER -> {
        property.put("type", field.type() == FieldType.INTEGER ? "integer" : "number");
        if (field.minimum() != null) {
          property.put("minimum", field.minimum());
        }
        if (field.maximum() != null) {
          property.put("maximum", field.maximum());
        }
      }
      case DATE -> {
        property.put("type", "string");
        property.put("format", "date");
      }
      case BOOLEAN -> property.put("type", "boolean");
      case CHOICE -> {
        property.put("type", "string");
        ArrayNode oneOf = property.putArray("oneOf");
        for (Option option : field.options()) {
          oneOf.addObject().put("const", option.value()).put("title", option.label());
        }
      }
    }
    return property;
  }

  /**
   * Everything wrong with an application's data for this form, one entry per field and rule, each
   * under {@code applicationData.<field>}; empty when the data fits. No data is an empty form.
   */
  public List<InvalidField> problems(String caseTypeCode, JsonNode data) {
    JsonNode answers = data == null || data.isNull() ? NODES.objectNode() : data;
    Schema compiled = COMPILED.computeIfAbsent(new Compiled(caseTypeCode, this),
        key -> SCHEMAS.getSchema(schema(caseTypeCode, "", "")));
    Map<String, InvalidField> problems = new LinkedHashMap<>();
    for (Error error : compiled.validate(answers)) {
      InvalidField problem = problem(error);
      problems.putIfAbsent(problem.field() + "\n" + problem.message(), problem);
    }
    return List.copyOf(problems.values());
  }

  private InvalidField problem(Error error) {
    String name = error.getInstanceLocation().getNameCount() > 0
        ? String.valueOf(error.getInstanceLocation().getElement(0)) : null;
    String keyword = error.getKeyword();
    if ("required".equals(keyword) || "additionalProperties".equals(keyword)) {
      name = error.getProperty();
    }
    if (name == null) {
      return new InvalidField("applicationData", "應為物件 must be a JSON object of the type's fields");
    }
    String at = "applicationData." + name;
    Optional<Field> declared = field(name);
    if (declared.isEmpty()) {
      return new InvalidField(at, "此類別的申請不含此欄位 is not a field of this application type");
    }
    Field field = declared.get();
    return new InvalidField(at, switch (keyword) {
      case "required" -> "必填 is required";
      case "minimum" -> "不得小於 " + field.minimum().toPlainString() + " must be at least " + field.minimum().toPlainString();
      case "maximum" -> "不得大於 " + field.maximum().toPlainString() + " must be at most " + field.maximum().toPlainString();
      case "minLength" -> field.required() && field.minLength() == null ? "必填 is required"
          : "至少 " + field.minLength() + " 字 must have at least " + field.minLength() + " characters";
      case "maxLength" -> "至多 " + maxLength(field) + " 字 must have at most " + maxLength(field) + " characters";
      case "pattern" -> "格式不符 does not have the expected form (" + field.pattern() + ")";
      case "oneOf", "const" -> "應為下列之一 must be one of: "
          + field.options().stream().map(Option::value).collect(Collectors.joining(", "));
      default -> "應為" + field.type().zh + " must be " + field.type().en;
    });
  }

  private static int maxLength(Field field) {
    return field.maxLength() == null ? 500 : field.maxLength();
  }

  private static String sampleText(Field field) {
    StringBuilder text = new StringBuilder("範例 example");
    while (field.minLength() != null && text.length() < field.minLength()) {
      text.append('例');
    }
    int longest = field.maxLength() == null ? 500 : field.maxLength();
    return text.length() > longest ? text.substring(0, longest) : text.toString();
  }

  /** Every way the declaration itself is wrong, for the catalog's checks. */
  public List<String> declarationProblems() {
    List<String> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Field field : fields) {
      String at = "form field " + field.name() + ": ";
      if (field.name() == null || !field.name().matches(FIELD_NAME)) {
        problems.add(at + "name must be lowerCamel letters and digits");
      }
      if (!names.add(field.name())) {
        problems.add(at + "declared twice");
      }
      if (blank(field.labelZh()) || blank(field.labelEn())) {
        problems.add(at + "labelZh and labelEn are required");
      }
      if (field.type() == null) {
        problems.add(at + "type is required");
        continue;
      }
      if ((field.type() == FieldType.CHOICE) == field.options().isEmpty()) {
        problems.add(at + "options are declared exactly for a CHOICE field");
      }
      field.options().stream().filter(option -> blank(option.value()) || blank(option.labelZh()) || blank(option.labelEn()))
          .forEach(option -> problems.add(at + "every option needs value, labelZh and labelEn"));
      if (field.type() != FieldType.TEXT && (field.pattern() != null || field.minLength() != null || field.maxLength() != null)) {
        problems.add(at + "pattern, minLength and maxLength are for TEXT fields");
      }
      if (field.type() != FieldType.INTEGER && field.type() != FieldType.NUMBER
          && (field.minimum() != null || field.maximum() != null)) {
        problems.add(at + "minimum and maximum are for INTEGER and NUMBER fields");
      }
      if (field.minimum() != null && field.maximum() != null && field.minimum().compareTo(field.maximum()) > 0) {
        problems.add(at + "minimum is above maximum");
      }
      if (field.pattern() != null && !(field.pattern().startsWith("^") && field.pattern().endsWith("$"))) {
        problems.add(at + "pattern must match the whole answer: begin it with ^ and end it with $");
      }
      if (field.example() != null && field.type() != FieldType.TEXT) {
        problems.add(at + "an example is for TEXT fields");
      }
      if (field.pattern() != null && field.example() == null) {
        problems.add(at + "a pattern needs an example that matches it, to show an applicant can meet it");
      }
      if (field.pattern() != null) {
        try {
          if (field.example() != null && !Pattern.compile(field.pattern()).matcher(field.example()).matches()) {
            problems.add(at + "the example '" + field.example() + "' does not match the pattern");
          }
        } catch (PatternSyntaxException e) {
          problems.add(at + "pattern is not a regular expression: " + e.getDescription());
        }
      }
    }
    return problems;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** The declaration as stored with the type's row. */
  String toJson() {
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ApplicationForm fromJson(String json) {
    if (json == null || json.isBlank()) {
      return NONE;
    }
    try {
      return new ApplicationForm(List.of(JSON.readValue(json, Field[].class)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The stored application form cannot be read", e);
    }
  }
}
