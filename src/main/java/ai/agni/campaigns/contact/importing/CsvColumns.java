package ai.agni.campaigns.contact.importing;

import ai.agni.campaigns.api.ApiError;
import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.contact.ContactInput;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The header row's meaning: which column holds which contact field. Names match case-insensitively
 * and ignoring spaces, underscores and dashes ({@code first_name}, {@code firstName} and {@code
 * First Name} are one column); every other named column becomes a metadata key, as written in the
 * header. Columns with an empty name are ignored.
 */
final class CsvColumns {

  /**
   * The fields a column can map to, in the order a row's problems are listed; {@code name} is split
   * into first and last name.
   */
  enum Column {
    PHONE("phone"),
    FIRST_NAME("first_name"),
    LAST_NAME("last_name"),
    NAME("name"),
    EMAIL("email"),
    COMPANY("company"),
    TIMEZONE("timezone"),
    TAGS("tags"),
    NOTES("notes");

    final String field;

    Column(String field) {
      this.field = field;
    }
  }

  private static final Map<String, Column> NAMES = new HashMap<>();

  static {
    for (Column column : Column.values()) {
      NAMES.put(key(column.field), column);
    }
    NAMES.put("phonenumber", Column.PHONE);
  }

  private final Map<Column, Integer> known;
  private final List<String> metadataKeys;
  private final List<Integer> metadataIndexes;

  private CsvColumns(
      Map<Column, Integer> known, List<String> metadataKeys, List<Integer> metadataIndexes) {
    this.known = known;
    this.metadataKeys = metadataKeys;
    this.metadataIndexes = metadataIndexes;
  }

  /**
   * Reads the header row; 400 naming {@code file} without a phone column, with clashes, or with a
   * column name breaking the text rule.
   */
  static CsvColumns of(CSVRecord header) {
    requireStorableNames(header);
    Map<Column, Integer> known = new EnumMap<>(Column.class);
    Map<String, Integer> metadata = new java.util.LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).replace("\uFEFF", "").strip(); // why: Excel writes a BOM
      if (name.isEmpty()) {
        continue;
      }
      Column column = NAMES.get(key(name));
      Integer clash = column != null ? known.putIfAbsent(column, i) : metadata.putIfAbsent(name, i);
      if (clash != null) {
        throw new InvalidRequestException(
            "file", "columns " + (clash + 1) + " and " + (i + 1) + " both mean " + name);
      }
    }
    if (!known.containsKey(Column.PHONE)) {
      throw new InvalidRequestException(
          "file", "the first row must be a header row with a phone column");
    }
    return new CsvColumns(
        known, new ArrayList<>(metadata.keySet()), new ArrayList<>(metadata.values()));
  }

  /** why: a column name is a metadata key of every row; a bad one would reject every row. */
  private static void requireStorableNames(CSVRecord header) {
    List<ApiError.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String problem = UploadText.problem(header.get(i));
      if (problem != null) {
        errors.add(
            new ApiError.FieldError("file", "the name of column " + (i + 1) + " " + problem));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException("file: " + errors.get(0).message(), errors);
    }
  }

  /** A record with no non-blank cell: an empty line or a row of separators. */
  static boolean isBlank(CSVRecord record) {
    for (String value : record) {
      if (!value.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** The row's input; empty cells are "not given", so an update keeps the stored value. */
  ContactInput read(CSVRecord record, String defaultRegion) {
    ContactInput in = new ContactInput(defaultRegion);
    known.forEach(
        (column, index) -> {
          String value = cell(record, index);
          if (storable(in, column.field, value) && (column == Column.PHONE || !value.isBlank())) {
            set(in, column, value);
          }
        });
    for (int i = 0; i < metadataKeys.size(); i++) {
      String key = metadataKeys.get(i);
      String value = cell(record, metadataIndexes.get(i));
      if (storable(in, key, value) && !value.isBlank()) {
        in.metadataEntry(key, value.strip());
      }
    }
    return in;
  }

  /** Whether the cell keeps the text rule; if not, the row gets a problem naming the column. */
  private static boolean storable(ContactInput in, String column, String value) {
    String problem = UploadText.problem(value);
    if (problem != null) {
      in.problem(column, problem);
    }
    return problem == null;
  }

  private static void set(ContactInput in, Column column, String value) {
    String field = column.field;
    switch (column) {
      case FIRST_NAME -> in.firstName(field, value);
      case LAST_NAME -> in.lastName(field, value);
      case NAME -> in.name(field, value);
      case EMAIL -> in.email(field, value);
      case PHONE -> in.phone(field, value);
      case COMPANY -> in.company(field, value);
      case TIMEZONE -> in.timezone(field, value);
      case TAGS -> in.tags(field, List.of(value.split(";")));
      case NOTES -> in.notes(field, value);
    }
  }

  /** Missing trailing cells (a short row) read as empty. */
  private static String cell(CSVRecord record, int index) {
    return index < record.size() ? record.get(index) : "";
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
