package ai.agni.campaigns.contact;

/** The writable fields of a contact, named as the API emits them. */
public enum ContactField {
  FIRST_NAME("first_name"),
  LAST_NAME("last_name"),
  EMAIL("email"),
  PHONE("phone"),
  COMPANY("company"),
  TIMEZONE("timezone"),
  METADATA("metadata"),
  TAGS("tags"),
  NOTES("notes");

  private final String json;

  ContactField(String json) {
    this.json = json;
  }

  /** The snake_case name of the field in the API. */
  public String json() {
    return json;
  }
}
