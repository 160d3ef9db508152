package dev.stockroom.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * When an environment stops its KMS stand-in, driven through its JUnit callbacks as JUnit calls
 * them (S3Mock is not needed: no test here asks for a bucket).
 */
class StockroomTestEnvironmentLifecycleTest {

  private static final ExtensionContext OUTER = context("[engine:junit-jupiter]/[class:Outer]");
  private static final ExtensionContext NESTED =
      context("[engine:junit-jupiter]/[class:Outer]/[nested-class:Inner]");

  @Test
  void onAStaticField_theKmsStandInServesNestedClasses_andStopsAfterTheOuterOne() {
    StockroomTestEnvironment env = StockroomTestEnvironment.create();
    env.beforeAll(OUTER);
    env.beforeAll(NESTED);

    env.afterAll(NESTED);
    assertThat(describe(env)).isEqualTo("Enabled");

    env.afterAll(OUTER);
    assertThatThrownBy(() -> describe(env)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void onAnInstanceField_theKmsStandInStopsAfterTheTest() {
    StockroomTestEnvironment env = StockroomTestEnvironment.create();
    assertThat(describe(env)).isEqualTo("Enabled");

    env.afterEach(NESTED);
    assertThatThrownBy(() -> describe(env)).isInstanceOf(RuntimeException.class);
  }

  private static String describe(StockroomTestEnvironment env) {
    return env.kmsClient().describeKey(d -> d.keyId(env.kmsKeyId())).keyMetadata()
        .keyStateAsString();
  }

  private static ExtensionContext context(String uniqueId) {
    return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
        new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
          if (method.getName().equals("getUniqueId")) {
            return uniqueId;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
