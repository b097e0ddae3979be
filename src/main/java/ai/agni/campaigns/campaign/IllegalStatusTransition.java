package ai.agni.campaigns.campaign;

import ai.agni.campaigns.api.ConflictException;

/** 409: the campaign's status table does not allow this move. */
class IllegalStatusTransition extends ConflictException {

  IllegalStatusTransition(CampaignStatus from, CampaignStatus to) {
    super("Cannot change campaign status from " + from.wire() + " to " + to.wire());
  }
}
