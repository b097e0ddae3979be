package ai.agni.campaigns.dialer;

/** Webhook events of stepped campaigns on H2. */
class H2WebhookEventsEngineTest extends WebhookEventsEngineContract {}
