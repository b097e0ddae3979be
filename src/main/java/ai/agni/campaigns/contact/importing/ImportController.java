package ai.agni.campaigns.contact.importing;

import ai.agni.campaigns.api.ApiResponse;
import ai.agni.campaigns.api.InvalidRequestException;
import ai.agni.campaigns.api.Tenant;
import ai.agni.campaigns.contact.DuplicatePolicy;
import ai.agni.campaigns.platform.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /contacts/import}: a CSV file as multipart field {@code file} (spooled to disk by the
 * servlet container above 1 MB) or as a raw {@code text/csv} body (read straight from the request
 * stream). {@code on_duplicate} defaults to {@code update}: re-uploading a corrected list should
 * correct the contacts, not silently keep the old values.
 */
@Tag(name = "Contacts")
@RestController
@RequestMapping("/api/v1/contacts/import")
class ImportController {

  private final CsvContactImporter importer;

  ImportController(CsvContactImporter importer) {
    this.importer = importer;
  }

  @Operation(summary = "Import contacts from a CSV file (multipart field file)")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ApiResponse<ImportReport> multipart(
      Tenant tenant,
      @RequestPart("file") MultipartFile file,
      @RequestParam(name = "on_duplicate", required = false) String onDuplicate,
      @RequestParam(name = "campaign_id", required = false) String campaignId)
      throws IOException {
    Options options = Options.of(onDuplicate, campaignId);
    try (InputStream in = file.getInputStream()) {
      return answer(tenant, in, StandardCharsets.UTF_8, options);
    }
  }

  @Operation(summary = "Import contacts from a CSV body (text/csv)")
  @PostMapping(consumes = "text/csv")
  ApiResponse<ImportReport> raw(
      Tenant tenant,
      HttpServletRequest request,
      @RequestParam(name = "on_duplicate", required = false) String onDuplicate,
      @RequestParam(name = "campaign_id", required = false) String campaignId)
      throws IOException {
    Options options = Options.of(onDuplicate, campaignId);
    try (InputStream in = request.getInputStream()) {
      return answer(tenant, in, charset(request.getCharacterEncoding()), options);
    }
  }

  /** Any other content type: say what to send. */
  @Operation(summary = "Import contacts: any other content type is refused")
  @PostMapping
  ApiResponse<ImportReport> unsupported() {
    throw new InvalidRequestException(
        "file", "send the CSV as multipart/form-data field file or as a text/csv body");
  }

  private ApiResponse<ImportReport> answer(
      Tenant tenant, InputStream in, Charset charset, Options options) {
    ImportReport report =
        importer.run(
            tenant, UploadText.reader(in, charset), options.policy(), options.campaignId());
    return ApiResponse.ok("Contacts imported successfully", report);
  }

  private static Charset charset(String name) {
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new InvalidRequestException("Content-Type", "charset " + name + " is not supported");
    }
  }

  /** The query parameters, validated before the body is read. */
  private record Options(DuplicatePolicy policy, UUID campaignId) {

    static Options of(String onDuplicate, String campaignId) {
      DuplicatePolicy policy =
          DuplicatePolicy.parse("on_duplicate", onDuplicate, DuplicatePolicy.UPDATE);
      if (campaignId == null || campaignId.isBlank()) {
        return new Options(policy, null);
      }
      UUID id = Ids.parseOrNull(campaignId.trim());
      if (id == null) {
        throw new InvalidRequestException("campaign_id", "is not a campaign id");
      }
      return new Options(policy, id);
    }
  }
}
