package ai.agni.campaigns.telephony.sip;

/**
 * SDP the controller writes itself. It has no media of its own, so the only answer it ever makes is
 * one that declines every stream, for an offer it must answer (the ACK of a 200 that carried an
 * offer) on a call it is about to hang up. Pure.
 */
final class SdpAnswers {

  private static final String SESSION =
      "v=0\r\no=agni 0 0 IN IP4 0.0.0.0\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n";

  private SdpAnswers() {}

  /**
   * An answer declining every media line of {@code offer} (RFC 3264 section 6: the same media
   * lines, in order, each with port zero).
   */
  static String declineAll(String offer) {
    StringBuilder answer = new StringBuilder(SESSION);
    for (String raw : offer == null ? new String[0] : offer.split("\r?\n")) {
      String line = raw.trim();
      if (line.startsWith("m=")) {
        String[] parts = line.substring(2).split(" +");
        if (parts.length >= 4) {
          answer.append("m=").append(parts[0]).append(" 0 ").append(parts[2]);
          for (int i = 3; i < parts.length; i++) {
            answer.append(' ').append(parts[i]);
          }
          answer.append("\r\n");
        }
      }
    }
    return answer.toString();
  }
}
