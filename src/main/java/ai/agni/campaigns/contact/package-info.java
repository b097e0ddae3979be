/**
 * Contacts of an organization: the people campaigns call. Owns the {@code contacts} table, the
 * contact API (create, list with search, read, partial update, delete, bulk upsert, bulk delete),
 * the validation rules every input path shares ({@link ai.agni.campaigns.contact.ContactInput}) and
 * the batched writer that the bulk API and the CSV import both use. Deleting a contact also removes
 * its campaign queue rows, unless it is in a live call.
 */
package ai.agni.campaigns.contact;
