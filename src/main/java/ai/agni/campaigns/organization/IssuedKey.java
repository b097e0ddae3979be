package ai.agni.campaigns.organization;

/** A freshly issued key: the stored record and the plain key, shown to the caller once. */
record IssuedKey(ApiKey stored, String plainKey) {}
