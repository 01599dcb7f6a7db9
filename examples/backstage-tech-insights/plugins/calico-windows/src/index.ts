/**
 * The Calico for Windows frontend plugin: an entity card that renders the compatibility report the
 * Tech Insights retriever stored for a cluster (validated first: a fact from the backend is untrusted
 * JSON), with each failing requirement's fix and each missing fact's hint.
 */
export { calicoWindowsPlugin, EntityCalicoWindowsCard } from './plugin.js';
export { calicoWindowsFactsApiRef, calicoWindowsFactsApiFactory, type CalicoWindowsFactsApi } from './api.js';
export { CalicoWindowsCard, type CalicoWindowsCardProps } from './components/CalicoWindowsCard.js';
export { storedReport, type StoredReport, type EntityCalicoWindowsCardProps } from './components/EntityCalicoWindowsCard.js';
