package ai.agni.campaigns.phonenumber;

import ai.agni.campaigns.platform.SecretCipher;

/**
 * How a number's secrets are stored: {@code sip_password} and {@code runtime_secret} are sealed
 * with the {@link SecretCipher}, each for its own purpose (the column), so neither can be moved to
 * the other column. They are opened only where a call is placed or a runtime's request is signed or
 * checked (the telephony adapters), never to be shown.
 */
public final class NumberSecrets {

  /** The purpose (associated data) of {@code phone_numbers.sip_password}. */
  public static final String SIP_PASSWORD = "phone_numbers.sip_password";

  /** The purpose (associated data) of {@code phone_numbers.runtime_secret}. */
  public static final String RUNTIME_SECRET = "phone_numbers.runtime_secret";

  private NumberSecrets() {}
}
