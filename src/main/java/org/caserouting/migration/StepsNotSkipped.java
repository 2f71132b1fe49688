package org.caserouting.migration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * A mapping may not move a case past a step it has not done. The steps are the work of people and
 * of called processes (user tasks and call activities: reviews, sign-offs, supplementation, an
 * agency's verification). A case waiting at {@code from} has done every step that lies on each
 * path from the start to {@code from} (the steps that dominate it). At {@code to} in the target,
 * it counts as having done every step that dominates {@code to} there; each of those must be a
 * step that dominates {@code from}, kept under its id or mapped to it. A case may always be moved
 * back.
 */
final class StepsNotSkipped {

  private final Graph source;
  private final Graph target;

  StepsNotSkipped(BpmnModelInstance source, String sourceKey, BpmnModelInstance target, String targetKey) {
    this.source = new Graph(source, sourceKey);
    this.target = new Graph(target, targetKey);
  }

  /**
   * The steps of the target a case moved from {@code from} to {@code to} would pass without having
   * done them, given what each source activity maps to; none when the mapping is allowed.
   */
  List<FlowNode> skipped(String from, String to, Map<String, String> counterparts) {
    Set<String> done = new HashSet<>();
    for (String before : source.dominators(from)) {
      if (!before.equals(from)) {
        // Done as itself, where the target keeps it, and as what it maps to.
        done.add(before);
        if (counterparts.containsKey(before)) {
          done.add(counterparts.get(before));
        }
      }
    }
    List<FlowNode> skipped = new ArrayList<>();
    for (String before : target.dominators(to)) {
      FlowNode step = target.nodes.get(before);
      if (!before.equals(to) && isStep(step) && !done.contains(before)) {
        skipped.add(step);
      }
    }
    return skipped;
  }

  Optional<FlowNode> targetNode(String id) {
    return Optional.ofNullable(target.nodes.get(id));
  }

  Optional<FlowNode> sourceNode(String id) {
    return Optional.ofNullable(source.nodes.get(id));
  }

  private static boolean isStep(FlowNode node) {
    return node instanceof UserTask || node instanceof CallActivity;
  }

  /** A process's flow nodes and what follows each; dominators computed once per node asked. */
  private static final class Graph {

    private static final String ENTRY = "";

    final Map<String, FlowNode> nodes = new LinkedHashMap<>();
    private final Map<String, Set<String>> predecessors = new HashMap<>();
    private Map<String, Set<String>> dominators;

    Graph(BpmnModelInstance model, String processKey) {
      Process process = model.getModelElementsByType(Process.class).stream()
          .filter(p -> processKey.equals(p.getId())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no process " + processKey));
      for (FlowNode node : process.getChildElementsByType(FlowNode.class)) {
        add(node);
      }
      for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
        edge(ENTRY, start.getId());
      }
    }

    private void add(FlowNode node) {
      nodes.put(node.getId(), node);
      predecessors.computeIfAbsent(node.getId(), id -> new LinkedHashSet<>());
      for (SequenceFlow flow : node.getOutgoing()) {
        edge(node.getId(), flow.getTarget().getId());
      }
      if (node instanceof BoundaryEvent boundary) {
        edge(boundary.getAttachedTo().getId(), boundary.getId());
      }
      if (node instanceof SubProcess sub) {
        for (FlowNode inner : sub.getChildElementsByType(FlowNode.class)) {
          add(inner);
        }
        if (!sub.triggeredByEvent()) {
          for (StartEvent start : sub.getChildElementsByType(StartEvent.class)) {
            edge(sub.getId(), start.getId());
          }
        }
      }
    }

    private void edge(String from, String to) {
      predecessors.computeIfAbsent(to, id -> new LinkedHashSet<>()).add(from);
    }

    /** The nodes on every path from the start to {@code id}, {@code id} included; for a node nothing reaches, itself. */
    Set<String> dominators(String id) {
      if (dominators == null) {
        dominators = compute();
      }
      Set<String> found = dominators.get(id);
      return found == null ? Set.of(id) : found;
    }

    private Map<String, Set<String>> compute() {
      Set<String> reachable = reachable();
      Map<String, Set<String>> dom = new HashMap<>();
      for (String id : reachable) {
        dom.put(id, new HashSet<>(reachable));
      }
      dom.put(ENTRY, new HashSet<>(Set.of(ENTRY)));
      boolean changed = true;
      while (changed) {
        changed = false;
        for (String id : reachable) {
          if (id.equals(ENTRY)) {
            continue;
          }
          Set<String> next = null;
          for (String before : predecessors.getOrDefault(id, Set.of())) {
            if (!reachable.contains(before)) {
              continue;
            }
            if (next == null) {
              next = new HashSet<>(dom.get(before));
            } else {
              next.retainAll(dom.get(before));
            }
          }
          next = next == null ? new HashSet<>() : next;
          next.add(id);
          if (!next.equals(dom.get(id))) {
            dom.put(id, next);
            changed = true;
          }
        }
      }
      dom.values().forEach(set -> set.remove(ENTRY));
      return dom;
    }

    private Set<String> reachable() {
      Map<String, Set<String>> successors = new HashMap<>();
      predecessors.forEach((to, froms) -> froms.forEach(from -> successors.computeIfAbsent(from, f -> new HashSet<>()).add(to)));
      Set<String> seen = new LinkedHashSet<>(List.of(ENTRY));
      List<String> queue = new ArrayList<>(seen);
      while (!queue.isEmpty()) {
        for (String next : successors.getOrDefault(queue.remove(queue.size() - 1), Set.of())) {
          if (seen.add(next)) {
            queue.add(next);
          }
        }
      }
      return seen;
    }
  }

  static String names(Collection<FlowNode> steps) {
    return String.join("、", steps.stream().map(step -> "「" + (step.getName() == null ? step.getId() : step.getName()) + "」").toList());
  }
}
