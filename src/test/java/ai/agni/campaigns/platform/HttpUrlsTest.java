package ai.agni.campaigns.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Credentials in user-given URLs: found wherever they hide, and nothing else flagged. */
class HttpUrlsTest {

  @Test
  void anHttpUrlWithUserInfoIsFound() {
    assertThat(HttpUrls.hasUserInfo("https://user:pw@runtime.example.com/calls")).isTrue();
    assertThat(HttpUrls.hasUserInfo("http://user@runtime.example.com")).isTrue();
    assertThat(HttpUrls.hasUserInfo("HTTPS://u:p@ss@runtime.example.com:8443/x")).isTrue();
    assertThat(HttpUrls.hasUserInfo(" http://:pw@10.0.0.1/ ")).isTrue();
  }

  @Test
  void anAtSignOutsideTheAuthorityIsNotUserInfo() {
    assertThat(HttpUrls.hasUserInfo("https://runtime.example.com/calls?to=a@b.c")).isFalse();
    assertThat(HttpUrls.hasUserInfo("https://runtime.example.com/u@x#f@g")).isFalse();
    assertThat(HttpUrls.hasUserInfo("https://runtime.example.com:8443")).isFalse();
    assertThat(HttpUrls.hasUserInfo("/calls")).isFalse();
    assertThat(HttpUrls.hasUserInfo(null)).isFalse();
  }

  @Test
  void aSipUriWithAPasswordIsFoundAndAUserAloneIsFine() {
    assertThat(HttpUrls.hasSipPassword("sip:user:pw@trunk.example.com")).isTrue();
    assertThat(HttpUrls.hasSipPassword("SIPS:user:pw@trunk.example.com:5061;transport=tcp"))
        .isTrue();
    assertThat(HttpUrls.hasSipPassword("sip:user@trunk.example.com:5060")).isFalse();
    assertThat(HttpUrls.hasSipPassword("sip:127.0.0.1:5060;transport=udp")).isFalse();
    assertThat(HttpUrls.hasSipPassword("sip:[::1]:5060")).isFalse();
    assertThat(HttpUrls.hasSipPassword(null)).isFalse();
  }
}
