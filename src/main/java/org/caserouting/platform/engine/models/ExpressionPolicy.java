package org.caserouting.platform.engine.models;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Which JUEL expressions a model may hold, judged on the parsed expression rather than its text
 * (a list of allowed beans alone still lets {@code ${x.getClass()}} through). Allowed: literals,
 * process variables and their properties, comparisons, arithmetic, logic and the conditional
 * operator; a helper bean's members ({@link ModelHelper}); two properties of the execution. Not
 * allowed: any other method call, a function, a property named dynamically, a class reached
 * through a property, and a delegate bean anywhere but a whole delegate expression.
 */
public final class ExpressionPolicy {

  /** What an expression may be: a delegate expression, or any other. */
  public enum Use { DELEGATE, VALUE }

  /** What the expression reads and what is wrong with it. */
  public record Verdict(List<String> problems, Set<String> variables) {
    public boolean allowed() {
      return problems.isEmpty();
    }
  }

  /** Properties that lead from any object to its class, and from there to the whole JVM. */
  private static final Set<String> CLASS_PROPERTIES = Set.of("class", "declaringClass", "classLoader", "module");

  private static final String EXECUTION = "execution";

  /** Objects the engine puts in every expression's reach; none may be used beyond what is listed. */
  private static final Set<String> ENGINE_OBJECTS =
      Set.of(EXECUTION, "task", "caseExecution", "externalTask", "authenticatedUserId", "variableScope");

  private final ModelVocabulary vocabulary;

  public ExpressionPolicy(ModelVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** Whether text holds an expression at all (as opposed to a literal such as "econ-clerk"). */
  public static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  public Verdict check(String expression, Use use) {
    Node root;
    try {
      root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(expression).getRoot();
    } catch (TreeBuilderException e) {
      return new Verdict(List.of("運算式無法解析 not a valid expression: " + e.getMessage()), Set.of());
    }
    Walk walk = new Walk();
    if (use == Use.DELEGATE) {
      String bean = delegateName(root);
      if (bean == null) {
        walk.problems.add("委派運算式只能寫 ${元件名稱} a delegate expression must be ${beanName}");
      } else if (!vocabulary.delegates().contains(bean)) {
        walk.problems.add("「" + bean + "」不是可用的委派元件 is not a delegate models may use");
      }
      return walk.verdict();
    }
    walk.visit(root);
    return walk.verdict();
  }

  private static String delegateName(Node root) {
    if (root instanceof AstEval eval && eval.getChild(0) instanceof AstIdentifier identifier) {
      return identifier.getName();
    }
    return null;
  }

  private final class Walk {
    final List<String> problems = new ArrayList<>();
    final Set<String> variables = new LinkedHashSet<>();

    Verdict verdict() {
      return new Verdict(List.copyOf(problems), Set.copyOf(variables));
    }

    void visit(Node node) {
      if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
          || node instanceof AstBoolean || node instanceof AstNull) {
        return;
      }
      if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstNested
          || node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice
          || node instanceof AstParameters) {
        children(node);
        return;
      }
      if (node instanceof AstIdentifier identifier) {
        identifier(identifier.getName());
        return;
      }
      if (node instanceof AstMethod method) {
        method(method);
        return;
      }
      if (node instanceof AstProperty property) {
        property(property);
        return;
      }
      if (node instanceof AstFunction function) {
        problems.add("不可呼叫函式 functions may not be called: " + function.getName() + "()");
        return;
      }
      problems.add("不允許的運算式寫法 this construct is not allowed: " + node.getClass().getSimpleName());
    }

    void children(Node node) {
      for (int i = 0; i < node.getCardinality(); i++) {
        visit(node.getChild(i));
      }
    }

    void identifier(String name) {
      if (vocabulary.helpers().containsKey(name)) {
        problems.add("「" + name + "」只能以其方法使用 may be used only through its members: "
            + String.join(", ", vocabulary.helpers().get(name)));
      } else if (vocabulary.delegates().contains(name)) {
        problems.add("「" + name + "」是委派元件，只能作為整個委派運算式 is a delegate, usable only as a whole delegate expression");
      } else if (ENGINE_OBJECTS.contains(name)) {
        problems.add("「" + name + "」只能讀取 may only be read as execution."
            + String.join(" or execution.", new java.util.TreeSet<>(ModelVocabulary.EXECUTION_PROPERTIES)));
      } else {
        variables.add(name);
      }
    }

    void property(AstProperty property) {
      String name = propertyName(property);
      if (name == null) {
        problems.add("屬性名稱須為固定文字 a property must be named literally, not computed");
        return;
      }
      Node base = property.getChild(0);
      if (base instanceof AstIdentifier identifier) {
        String baseName = identifier.getName();
        if (vocabulary.helpers().containsKey(baseName)) {
          if (!vocabulary.helpers().get(baseName).contains(name)) {
            problems.add("「" + baseName + "." + name + "」不是可用的成員 is not a member models may use");
          }
          return;
        }
        if (EXECUTION.equals(baseName)) {
          if (!ModelVocabulary.EXECUTION_PROPERTIES.contains(name)) {
            problems.add("「execution." + name + "」不可讀取 may not be read");
          }
          return;
        }
      }
      visit(base);
      if (CLASS_PROPERTIES.contains(name)) {
        problems.add("不可讀取「" + name + "」 may not be read: it leads to Java classes");
      }
    }

    void method(AstMethod method) {
      Node target = method.getChild(0);
      String name = target instanceof AstProperty property ? propertyName(property) : null;
      Node base = target.getChild(0);
      if (name != null && base instanceof AstIdentifier identifier
          && vocabulary.helpers().containsKey(identifier.getName())
          && vocabulary.helpers().get(identifier.getName()).contains(name)) {
        children(method.getChild(1));
        return;
      }
      problems.add("不可呼叫方法 this method may not be called: " + structure(method));
    }

    /** The expression as written, e.g. {@code runtimeService.createProcessInstanceQuery()}. */
    String structure(Node node) {
      StringBuilder text = new StringBuilder();
      ((org.camunda.bpm.impl.juel.AstNode) node).appendStructure(text, null);
      return text.toString();
    }

    /** The literal name of a property, or null when it is computed ({@code x[y]}). */
    String propertyName(AstProperty property) {
      if (property instanceof AstDot) {
        // AstDot keeps its name to itself; it prints as ". name".
        return property.toString().substring(2);
      }
      if (property instanceof AstBracket && property.getChild(1) instanceof AstString literal) {
        return String.valueOf(literal.eval(null, null));
      }
      if (property instanceof AstBracket && property.getChild(1) instanceof AstNumber index) {
        return String.valueOf(index.eval(null, null));
      }
      return null;
    }
  }
}
