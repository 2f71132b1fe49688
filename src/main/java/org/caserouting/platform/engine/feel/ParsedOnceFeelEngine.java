package org.caserouting.platform.engine.feel;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * The engine's FEEL engine (full FEEL, the same value mappers and functions), except that each
 * expression is parsed once and kept: the engine parses every input entry of a decision table
 * on every evaluation (feel-scala #1149), which is most of a decision's cost. Only the parse is
 * kept; each evaluation still reads its own variables.
 */
class ParsedOnceFeelEngine extends ScalaFeelEngine {

  /** Far more than all deployed tables hold; an expression beyond it is parsed every time, never dropped wrongly. */
  static final int MAX_KEPT = 20_000;

  private final ConcurrentHashMap<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

  private final ApplicationAnswers answers;

  ParsedOnceFeelEngine(java.util.List<FeelCustomFunctionProvider> functionProviders) {
    this(functionProviders, null);
  }

  /** {@code answers}: where a table's {@code applicationData} is read from; null where no case is at hand. */
  ParsedOnceFeelEngine(java.util.List<FeelCustomFunctionProvider> functionProviders, ApplicationAnswers answers) {
    super(functionProviders);
    this.answers = answers;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new ContextVariableWrapper(ApplicationAnswers.offeredTo(variableContext, answers));
      }
    };
    return (T) value(parsed(expressions, expression, feelEngine::parseExpression), context);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    StaticVariableProvider input = new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
    ContextVariableWrapper variables = new ContextVariableWrapper(ApplicationAnswers.offeredTo(variableContext, answers));
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new CompositeVariableProvider(toScalaList(input, variables));
      }
    };
    return BoxesRunTime.unboxToBoolean(value(parsed(unaryTests, expression, feelEngine::parseUnaryTests), context));
  }

  private static Either<Failure, ParsedExpression> parsed(
      ConcurrentHashMap<String, Either<Failure, ParsedExpression>> kept, String expression,
      Function<String, Either<Failure, ParsedExpression>> parse) {
    Either<Failure, ParsedExpression> parsed = kept.get(expression);
    if (parsed == null) {
      parsed = parse.apply(expression);
      if (kept.size() < MAX_KEPT) {
        kept.putIfAbsent(expression, parsed);
      }
    }
    return parsed;
  }

  @SuppressWarnings("unchecked")
  private Object value(Either<Failure, ParsedExpression> parsed, CustomContext context) {
    Either<Failure, Object> result = parsed instanceof Right<Failure, ParsedExpression> right
        ? feelEngine.eval(right.value(), context)
        : (Either<Failure, Object>) (Either<?, ?>) parsed;
    if (result instanceof Left<Failure, Object> left) {
      throw LOGGER.evaluationException(left.value().message());
    }
    return ((Right<Failure, Object>) result).value();
  }
}
