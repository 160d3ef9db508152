package dev.stockroom.links;

import dev.stockroom.validation.Require;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Extra conditions of a custom-policy link: not before a time, only from an IPv4 range.
 * Immutable: {@code LinkConditions.none().withActiveFrom(t).withIpRange("203.0.113.0/24")}.
 */
public final class LinkConditions {

  private static final Pattern CIDR = Pattern.compile(
      "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
          + "/(3[0-2]|[12]?\\d)");
  private static final LinkConditions NONE = new LinkConditions(null, null);

  private final Instant activeFrom;
  private final String ipRange;

  private LinkConditions(Instant activeFrom, String ipRange) {
    this.activeFrom = activeFrom;
    this.ipRange = ipRange;
  }

  /** Returns no conditions. */
  public static LinkConditions none() {
    return NONE;
  }

  /** Returns these conditions, with the link refused before {@code time}. */
  public LinkConditions withActiveFrom(Instant time) {
    return new LinkConditions(Require.nonNull(time, "activeFrom"), ipRange);
  }

  /**
   * Returns these conditions, with the link accepted only from {@code cidr}.
   *
   * @throws IllegalArgumentException if it is not an IPv4 CIDR range
   */
  public LinkConditions withIpRange(String cidr) {
    Require.nonNull(cidr, "ipRange");
    Require.argument(CIDR.matcher(cidr).matches(),
        "ipRange must be an IPv4 CIDR such as 203.0.113.0/24, but was '%s'", cidr);
    return new LinkConditions(activeFrom, cidr);
  }

  /** Returns the time before which the link is refused, if any. */
  public Optional<Instant> activeFrom() {
    return Optional.ofNullable(activeFrom);
  }

  /** Returns the IPv4 range the link is accepted from, if any. */
  public Optional<String> ipRange() {
    return Optional.ofNullable(ipRange);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinkConditions that && Objects.equals(activeFrom, that.activeFrom)
        && Objects.equals(ipRange, that.ipRange);
  }

  @Override
  public int hashCode() {
    return Objects.hash(activeFrom, ipRange);
  }

  @Override
  public String toString() {
    return "LinkConditions{activeFrom=" + activeFrom + ", ipRange=" + ipRange + '}';
  }
}
