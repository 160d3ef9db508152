package dev.stockroom.internal.audit;

import dev.stockroom.audit.RepairAction;
import dev.stockroom.audit.RepairStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plan's steps, counted line by line: objects and bytes per action and detail. */
final class PlanSteps {

  private record Group(RepairAction action, String detail) {}

  private final Map<Group, long[]> groups = new LinkedHashMap<>();
  private long objectsToChange;
  private long bytesToCopy;

  void add(RepairRules.Decision decision, FindingRow row) {
    long[] count = groups.computeIfAbsent(new Group(decision.action(), decision.detail()),
        group -> new long[2]);
    count[0]++;
    count[1] += row.size();
    if (InPlaceRepair.changes(decision.action())) {
      objectsToChange++;
    }
    if (decision.action() == RepairAction.COPY) {
      bytesToCopy += row.size();
    }
  }

  List<RepairStep> steps() {
    List<RepairStep> steps = new ArrayList<>();
    groups.forEach((group, count) -> steps.add(new RepairStep(group.action(), group.detail(),
        count[0], count[1])));
    steps.sort(Comparator.comparing(RepairStep::action).thenComparing(RepairStep::detail));
    return List.copyOf(steps);
  }

  long objectsToChange() {
    return objectsToChange;
  }

  long bytesToCopy() {
    return bytesToCopy;
  }
}
