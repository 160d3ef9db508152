package dev.stockroom.internal.transfer;

import dev.stockroom.validation.Require;
import dev.stockroom.policy.DataClass;
import dev.stockroom.policy.DataKind;
import dev.stockroom.transfer.KindObjects;
import dev.stockroom.transfer.LogObjects;
import dev.stockroom.transfer.MediaObjects;
import dev.stockroom.transfer.TransactionalObjects;
import java.util.function.Function;

/** The objects of one data class: hands out the kinds of that class, refuses the others. */
public final class ClassObjects implements MediaObjects, TransactionalObjects, LogObjects {

  private final DataClass dataClass;
  private final Function<DataKind, KindObjects> kinds;

  public ClassObjects(DataClass dataClass, Function<DataKind, KindObjects> kinds) {
    this.dataClass = dataClass;
    this.kinds = kinds;
  }

  @Override
  public KindObjects kind(DataKind kind) {
    Require.nonNull(kind, "kind");
    Require.argument(kind.dataClass() == dataClass, "kind must be a %s kind, but was %s (%s)",
        dataClass, kind, kind.dataClass());
    return kinds.apply(kind);
  }

  @Override
  public String toString() {
    return "Objects{dataClass=" + dataClass + '}';
  }
}
