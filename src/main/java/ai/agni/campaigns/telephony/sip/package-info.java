/**
 * The {@code sip} adapter: an RFC 3725 third-party call controller on JAIN-SIP. It calls the
 * contact through the number's trunk with an INVITE that carries no offer, and once the contact
 * answers (its 200 carries the offer) it calls the agent's {@code sipUri} with that offer; the
 * agent's answer goes to the contact in the ACK. RTP flows between the two; none passes through the
 * service. No SIP type leaves this package.
 */
package ai.agni.campaigns.telephony.sip;
