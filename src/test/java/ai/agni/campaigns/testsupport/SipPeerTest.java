package ai.agni.campaigns.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class of the SIP suite: real sipp peers on loopback; tagged {@code sip}, skipped
 * with a notice when sipp is missing unless {@code AGNI_TEST_SIP=required}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("sip")
@ExtendWith(RealPeers.Sipp.class)
public @interface SipPeerTest {}
