package dev.stockroom.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How amounts appear in messages and tables: "$1,234.56", or four significant digits below $1. */
final class Usd {

  private Usd() {}

  /** Returns {@code usd} as "$1,234.56", "$0.0123" or "-$0.5". */
  static String format(double usd) {
    String sign = usd < 0 ? "-" : "";
    double value = Math.abs(usd);
    if (value >= 1 || value == 0) {
      return sign + "$" + String.format(Locale.ROOT, "%,.2f", value);
    }
    return sign + "$" + new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros()
        .toPlainString();
  }

  /** Returns {@code usd} with a sign always: "+$1.20", "-$0.40". */
  static String signed(double usd) {
    return usd >= 0 ? "+" + format(usd) : format(usd);
  }
}
