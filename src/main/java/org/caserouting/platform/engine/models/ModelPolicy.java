package org.caserouting.platform.engine.models;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.caserouting.platform.engine.models.ExpressionPolicy.Use;
import org.caserouting.platform.engine.task.FormContract;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a deployment may contain, since a deployed model is code that runs in the engine with the
 * engine's rights. Only BPMN, DMN and Camunda Forms are deployed. A process may not run scripts,
 * Java classes, connectors or external tasks, nor show an embedded HTML form or a generated one;
 * its expressions must keep to {@link ExpressionPolicy}. A decision table is evaluated in FEEL
 * only. A form must be one the task contract can hold a person to ({@link FormContract}).
 *
 * <p>Everything is read as text and XML, never evaluated: the engine evaluates a timer start
 * event's expression while it deploys, so the policy looks first, at the whole deployment.
 */
public final class ModelPolicy {

  /** One thing a deployment may not contain, and where. */
  public record Violation(String resource, String elementId, String message) {
    @Override
    public String toString() {
      return resource + ": " + (elementId == null ? "" : elementId + ": ") + message;
    }
  }

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  /** Elements whose children are what Modeler draws and selects. */
  private static final Set<String> CONTAINERS =
      Set.of("definitions", "process", "subProcess", "transaction", "adHocSubProcess");

  /** Text that documents rather than runs: never evaluated, so not checked as an expression. */
  private static final Set<String> PROSE = Set.of("documentation", "text");

  private final ExpressionPolicy expressions;

  public ModelPolicy(ModelVocabulary vocabulary) {
    this.expressions = new ExpressionPolicy(vocabulary);
  }

  /** Every violation in these resources (name to content); empty when all of them may be deployed. */
  public List<Violation> check(Map<String, byte[]> resources) {
    List<Violation> violations = new ArrayList<>();
    resources.forEach((name, content) -> violations.addAll(check(name, content)));
    return violations;
  }

  public List<Violation> check(String name, byte[] content) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".bpmn")) {
      return checkProcess(name, content, new LinkedHashSet<>());
    }
    if (lower.endsWith(".dmn")) {
      return checkDecisions(name, content);
    }
    if (lower.endsWith(".form")) {
      FormContract form = FormContract.parse(content);
      return form.problems().stream().map(problem -> new Violation(name, form.id(), problem)).toList();
    }
    return List.of(new Violation(name, null, "只能部署 .bpmn、.dmn、.form 檔 only .bpmn, .dmn and .form files are deployed"));
  }

  /** The process variables a process's expressions read (for the model lint). */
  public Set<String> variablesRead(String name, byte[] content) {
    Set<String> read = new LinkedHashSet<>();
    checkProcess(name, content, read);
    return read;
  }

  private List<Violation> checkProcess(String name, byte[] content, Set<String> variablesRead) {
    List<Violation> violations = new ArrayList<>();
    Document document = parse(name, content, violations);
    if (document != null) {
      visitProcessElement(name, document.getDocumentElement(), violations, variablesRead);
    }
    return violations;
  }

  private void visitProcessElement(String resource, Element element, List<Violation> violations, Set<String> read) {
    String id = idOf(element);
    String ns = element.getNamespaceURI();
    String local = element.getLocalName();
    if (BPMN.equals(ns) && "scriptTask".equals(local)) {
      violations.add(new Violation(resource, id, "不可使用指令碼任務 script tasks are not allowed: they run code in the engine"));
    }
    if (CAMUNDA.equals(ns)) {
      switch (local) {
        case "script" -> violations.add(new Violation(resource, id,
            "不可使用指令碼 scripts (in listeners or input/output) are not allowed: they run code in the engine"));
        case "connector" -> violations.add(new Violation(resource, id, "不可使用連接器 connectors are not allowed"));
        case "formData", "formField" -> violations.add(new Violation(resource, id,
            "不可使用產生式表單 generated forms are not allowed: bind a Camunda Form with camunda:formRef"));
        default -> { }
      }
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      checkAttribute(resource, id, (Attr) attributes.item(i), violations, read);
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        visitProcessElement(resource, nested, violations, read);
      } else if ((child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)
          && !PROSE.contains(local) && ExpressionPolicy.isExpression(child.getNodeValue())) {
        value(resource, id, local, child.getNodeValue().strip(), Use.VALUE, violations, read);
      }
    }
  }

  private void checkAttribute(String resource, String id, Attr attribute, List<Violation> violations, Set<String> read) {
    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    String value = attribute.getValue();
    // camunda:class on a task, or class on a camunda:taskListener: both are Camunda's.
    boolean camunda = CAMUNDA.equals(attribute.getNamespaceURI())
        || (attribute.getNamespaceURI() == null && CAMUNDA.equals(attribute.getOwnerElement().getNamespaceURI()));
    if (camunda) {
      switch (name) {
        case "class", "variableMappingClass" -> {
          violations.add(new Violation(resource, id,
              "不可指定 Java 類別 camunda:" + name + " is not allowed: name a delegate bean with camunda:delegateExpression"));
          return;
        }
        case "formKey" -> {
          violations.add(new Violation(resource, id,
              "不可使用內嵌或外部表單 embedded and external forms (camunda:formKey) are not allowed: bind a Camunda Form with camunda:formRef"));
          return;
        }
        case "resource" -> {
          violations.add(new Violation(resource, id, "不可使用外部指令碼 camunda:resource is not allowed"));
          return;
        }
        case "type", "topic" -> {
          if ("topic".equals(name) || "external".equals(value)) {
            violations.add(new Violation(resource, id,
                "不可使用外部任務 external tasks are not allowed: their workers could complete them with any data"));
            return;
          }
        }
        case "delegateExpression", "variableMappingDelegateExpression" -> {
          value(resource, id, "camunda:" + name, value, Use.DELEGATE, violations, read);
          return;
        }
        default -> { }
      }
    }
    if (attribute.getNamespaceURI() == null && "language".equals(name)) {
      violations.add(new Violation(resource, id, "不可使用指令碼條件 script conditions are not allowed (language=\"" + value + "\")"));
      return;
    }
    if (ExpressionPolicy.isExpression(value)) {
      value(resource, id, name, value, Use.VALUE, violations, read);
    }
  }

  private void value(
      String resource, String id, String where, String expression, Use use, List<Violation> violations, Set<String> read) {
    ExpressionPolicy.Verdict verdict = expressions.check(expression, use);
    verdict.problems().forEach(problem -> violations.add(new Violation(resource, id, where + " " + expression + "：" + problem)));
    read.addAll(verdict.variables());
  }

  private List<Violation> checkDecisions(String name, byte[] content) {
    List<Violation> violations = new ArrayList<>();
    Document document = parse(name, content, violations);
    if (document != null) {
      visitDecisionElement(name, document.getDocumentElement(), violations);
    }
    return violations;
  }

  private void visitDecisionElement(String resource, Element element, List<Violation> violations) {
    String language = element.getAttribute("expressionLanguage");
    if (!language.isEmpty() && !feel(language)) {
      violations.add(new Violation(resource, idOf(element),
          "決策表只能使用 FEEL decision tables are evaluated in FEEL only, not '" + language + "'"));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        visitDecisionElement(resource, nested, violations);
      }
    }
  }

  private static boolean feel(String language) {
    String lower = language.toLowerCase(Locale.ROOT);
    return lower.equals("feel") || lower.contains("/feel");
  }

  /**
   * The element a process owner sees in Modeler: the flow element (task, event, flow) or the
   * top-level element the problem is in; the nearest element with an id otherwise.
   */
  private static String idOf(Element element) {
    String nearest = null;
    for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
      String id = e.getAttribute("id");
      if (id.isEmpty()) {
        continue;
      }
      nearest = nearest == null ? id : nearest;
      Node parent = e.getParentNode();
      if (parent instanceof Element container && BPMN.equals(container.getNamespaceURI())
          && CONTAINERS.contains(container.getLocalName())) {
        return id;
      }
    }
    return nearest;
  }

  /** XML without document types or external entities: a model has no need of them. */
  private static Document parse(String name, byte[] content, List<Violation> violations) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
    } catch (Exception e) {
      violations.add(new Violation(name, null, "無法讀取 not readable XML: " + e.getMessage()));
      return null;
    }
  }
}
