package dev.stockroom.cli;

import dev.stockroom.links.SignedCookies;
import dev.stockroom.links.SignedLink;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stockroom sign}: a CloudFront-signed URL for a key, or signed cookies for a wildcard
 * pattern, with a lifetime. The signed text goes to standard output only, for the person who
 * asked; it is never logged. Transactional data and logs are refused, as in the library.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
    description = "Sign a CloudFront URL for a key, or cookies for a wildcard pattern "
        + "(needs stockroom.cloud-front.*).")
final class SignCommand implements Callable<Integer> {

  private final Context context;

  @Mixin
  Common common;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--key", paramLabel = "KEY", description = "the object's key")
    String key;

    @Option(names = "--cookies", paramLabel = "PATTERN",
        description = "a path pattern such as media/product-images/sku-1001/*")
    String cookies;
  }

  @Option(names = "--lifetime", paramLabel = "DURATION", defaultValue = "1h",
      description = "how long the link or cookies last, e.g. 15m, 1h (default ${DEFAULT-VALUE})")
  String lifetime;

  SignCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Duration duration = Durations.parse("--lifetime", lifetime);
    try (var stockroom = common.open(context)) {
      Output output = new Output(context, common.json);
      if (target.key != null) {
        SignedLink link = stockroom.links().url(target.key, duration);
        output.answer(link.url(), Map.of("url", link.url(), "expiresAt",
            link.expiresAt().toString(), "kind", link.kind().name()));
      } else {
        SignedCookies cookies = stockroom.links().cookies(target.cookies, duration);
        Map<String, Object> data = new LinkedHashMap<>(cookies.cookies());
        data.put("Set-Cookie", cookies.setCookieHeaders());
        output.answer(String.join("\n", cookies.setCookieHeaders()), data);
      }
      return ExitCodes.OK;
    }
  }
}
