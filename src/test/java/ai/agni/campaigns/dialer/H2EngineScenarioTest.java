package ai.agni.campaigns.dialer;

/** The big engine run on H2 (select-then-guarded-update claims). */
class H2EngineScenarioTest extends EngineScenarioContract {}
