package ai.agni.campaigns.dnc;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One listed number as the API shows it. */
record DncEntry(String phone, @JsonProperty("created_at") String createdAt) {}
