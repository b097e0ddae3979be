package ai.agni.campaigns.api;

import java.util.List;

/** 404 naming the resource; also what another organization's id answers. */
public class NotFoundException extends ApiException {

  public NotFoundException(String resource, Object id) {
    super(ErrorCode.NOT_FOUND, resource + " not found: " + id, List.of());
  }
}
