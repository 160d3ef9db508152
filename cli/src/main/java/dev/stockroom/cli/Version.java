package dev.stockroom.cli;

import picocli.CommandLine;

/** The version the jar was built as. */
final class Version implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = StockroomCli.class.getPackage().getImplementationVersion();
    return new String[] {"stockroom " + (version == null ? "(development build)" : version)};
  }
}
