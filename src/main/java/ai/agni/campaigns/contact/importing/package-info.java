/**
 * CSV import of contacts ({@code POST /api/v1/contacts/import}): maps header columns to contact
 * fields, streams the upload record by record with commons-csv (never the whole file or all rows in
 * memory), validates each row with the shared contact rules and writes valid rows through the
 * contact batch writer, 1,000 rows per short transaction; optionally adds each batch's contacts to
 * a campaign.
 */
package ai.agni.campaigns.contact.importing;
