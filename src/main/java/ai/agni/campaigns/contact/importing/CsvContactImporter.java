package ai.agni.campaigns.contact.importing;

import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.campaign.CampaignMembership;
import ai.agni.campaigns.contact.BatchOutcome;
import ai.agni.campaigns.contact.ContactBatch;
import ai.agni.campaigns.contact.ContactBatchWriter;
import ai.agni.campaigns.contact.ContactInput;
import ai.agni.campaigns.contact.DuplicatePolicy;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Imports contacts from a CSV stream, one record at a time: only the current batch of at most
 * {@link ContactBatchWriter#BATCH_SIZE} valid rows is held, and each batch is committed in its own
 * short transaction, so what was imported stays imported if the stream fails later.
 *
 * <p>Limits: at most {@code maxRows} data rows (1,000,000). The count is only known while
 * streaming, so the import cannot be refused up front: it stops at the first row beyond the limit,
 * keeps what was imported and reports an error naming {@code file} at that row. A malformed or
 * over-long row ends the import the same way. Blank rows are passed over but keep their number.
 */
@Service
class CsvContactImporter {

  static final long MAX_RECORD_CHARS = 1024 * 1024;

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

  private final ContactBatchWriter writer;
  private final ObjectProvider<CampaignMembership> memberships;
  private final long maxRows;

  /** {@code maxRows}: data rows per file (1,000,000); a property only so tests can lower it. */
  CsvContactImporter(
      ContactBatchWriter writer,
      ObjectProvider<CampaignMembership> memberships,
      @Value("${agni.contacts.import-max-rows:1000000}") long maxRows) {
    this.writer = writer;
    this.memberships = memberships;
    this.maxRows = maxRows;
  }

  ImportReport run(Tenant tenant, Reader source, DuplicatePolicy policy, UUID campaignId) {
    Consumer<BatchOutcome> addToCampaign = campaignStep(tenant.organizationId(), campaignId);
    RecordSizeGuard guarded = new RecordSizeGuard(source, MAX_RECORD_CHARS);
    try (CSVParser parser = CSVParser.parse(guarded, FORMAT)) {
      Iterator<CSVRecord> records = parser.iterator();
      CsvColumns columns = CsvColumns.of(header(records));
      guarded.recordDone();
      return importRows(tenant, records, guarded, columns, policy, addToCampaign);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks the campaign first, so a bad id fails before anything is imported. why: the campaign
   * feature may be absent from a build; then there is nothing to add to.
   */
  private Consumer<BatchOutcome> campaignStep(UUID organizationId, UUID campaignId) {
    CampaignMembership membership = campaignId == null ? null : memberships.getIfAvailable();
    if (membership == null) {
      return outcome -> {};
    }
    membership.requireOpenCampaign(organizationId, campaignId);
    return outcome -> membership.addContacts(organizationId, campaignId, outcome.contactIds());
  }

  private static CSVRecord header(Iterator<CSVRecord> records) {
    try {
      if (records.hasNext()) {
        return records.next();
      }
    } catch (UncheckedIOException e) {
      throw new InvalidRequestException("file", "the header row is unreadable: " + reason(e));
    }
    throw new InvalidRequestException(
        "file", "is empty; a header row with a phone column is required");
  }

  private ImportReport importRows(
      Tenant tenant,
      Iterator<CSVRecord> records,
      RecordSizeGuard guarded,
      CsvColumns columns,
      DuplicatePolicy policy,
      Consumer<BatchOutcome> addToCampaign) {
    ImportTally tally = new ImportTally();
    ContactBatch batch = new ContactBatch(policy, ContactBatchWriter.BATCH_SIZE);
    long row = 0;
    try {
      while (records.hasNext()) {
        CSVRecord record = records.next();
        guarded.recordDone();
        row++;
        if (row > maxRows) {
          tally.error(
              row,
              "file",
              "more than " + maxRows + " data rows; this row and the rest were not imported");
          break;
        }
        if (!CsvColumns.isBlank(record)) {
          take(tally, batch, row, columns.read(record, tenant.defaultRegion()));
        }
        if (batch.isFull()) {
          tally.add(writer.write(tenant.organizationId(), batch, addToCampaign));
        }
      }
    } catch (UncheckedIOException e) {
      tally.error(
          row + 1, "file", "unreadable from this row on, the rest was not imported: " + reason(e));
    }
    tally.add(writer.write(tenant.organizationId(), batch, addToCampaign));
    return tally.report();
  }

  private static void take(ImportTally tally, ContactBatch batch, long row, ContactInput input) {
    if (!input.problems().isEmpty()) {
      tally.reject(row, input.problems());
      return;
    }
    switch (batch.add(input.build())) {
      case SKIPPED -> tally.skipped();
      case MERGED -> tally.updated();
      case QUEUED -> {}
    }
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
