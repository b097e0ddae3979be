/**
 * The operator's dashboard at {@code /dashboard} (docs/dashboard.md): static HTML, CSS and
 * JavaScript in the jar ({@code static/dashboard/}) that call the public API from the browser with
 * the API key the operator signs in with. The page itself needs no key; its data does.
 */
package ai.agni.campaigns.dashboard;
