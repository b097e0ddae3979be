package ai.agni.campaigns.contact;

import ai.agni.campaigns.calllog.CallSessionView;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** A contact as the contacts API shows it, plus its latest call sessions ({@code recentCalls}). */
record ContactDetailView(
    @JsonUnwrapped ContactView contact,
    @JsonProperty("recentCalls") List<CallSessionView> recentCalls) {}
