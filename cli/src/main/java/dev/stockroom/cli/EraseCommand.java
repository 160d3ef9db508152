package dev.stockroom.cli;

import dev.stockroom.protection.ErasurePlan;
import dev.stockroom.protection.ErasureReceipt;
import dev.stockroom.protection.ErasureRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stockroom erase}: erases a data subject (GDPR) — every version and delete marker of its
 * customer data and of the keys named, in the bucket and the backups. Plans by default ({@code
 * --plan}); {@code --apply} erases and prints the receipt, which holds no personal data. Exits 1
 * when something remains (held by Object Lock, or failed).
 */
@Command(name = "erase", mixinStandardHelpOptions = true,
    description = "Erase a data subject: every version of transactional/customers/<subject>/ and "
        + "of the keys named, here and in the backups. Plans unless --apply; exit 1 when "
        + "something remains.")
final class EraseCommand implements Callable<Integer> {

  private final Context context;

  @Mixin
  Common common;

  @Option(names = "--subject", paramLabel = "ID", required = true,
      description = "the data subject's id, as in transactional/customers/<id>/")
  String subject;

  @Option(names = "--key", paramLabel = "KEY", description = "another key of the subject's data "
      + "(repeatable)")
  List<String> keys = new ArrayList<>();

  @Option(names = "--reference", paramLabel = "TEXT",
      description = "the request's reference (e.g. the ticket), kept in the receipt")
  String reference;

  @Option(names = "--plan", description = "show what would be erased (the default)")
  boolean plan;

  @Option(names = "--apply", description = "erase, and store the receipt as an audit log")
  boolean apply;

  EraseCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (plan && apply) {
      throw new UsageException("--plan and --apply: choose one");
    }
    ErasureRequest.Builder request = ErasureRequest.builder().subject(subject);
    keys.forEach(request::key);
    if (reference != null) {
      request.reference(reference);
    }
    try (var stockroom = common.open(context)) {
      ErasurePlan erasure = stockroom.protection().planErasure(request.build());
      Output output = new Output(context, common.json);
      if (!apply) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("versions", erasure.versions().size());
        data.put("deletable", erasure.deletable().size());
        data.put("held", erasure.conflicts().size());
        data.put("buckets", erasure.buckets());
        output.answer(erasure + "Nothing erased: add --apply to erase.\n", data);
        return ExitCodes.OK;
      }
      ErasureReceipt receipt = erasure.apply();
      output.answer(receipt.toString(), JsonText.parse(receipt.toJson()));
      return receipt.complete() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }
}
