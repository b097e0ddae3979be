package ai.agni.campaigns.dialer;

/** The compliance rules over stepped campaigns on H2. */
class H2ComplianceEngineTest extends ComplianceEngineContract {}
