package ai.agni.campaigns.calllog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code data} of a session list. why camelCase {@code callSessions} beside snake_case {@code
 * page_size}: both spellings are what the public docs show, and clients read them as shown.
 */
record CallSessionList(
    @JsonProperty("callSessions") List<CallSessionView> callSessions,
    long total,
    int page,
    @JsonProperty("page_size") int pageSize) {}
