package ai.agni.campaigns.dialer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The context's simulated carrier with millisecond calls, for engine runs on real threads and the
 * real clock. why no voicemail: its simulated greeting lasts seconds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@TestPropertySource(
    properties = {
      "agni.simulated.ring-ms=5",
      "agni.simulated.talk-ms=20",
      "agni.simulated.seed=7",
      "agni.simulated.outcomes=completed:0.7,no_answer:0.1,busy:0.1,failed:0.1"
    })
@interface FastSimulatedCarrier {}
