import { createComponentExtension, createPlugin } from '@backstage/core-plugin-api';
import { calicoWindowsFactsApiFactory } from './api.js';

/** The Calico for Windows frontend plugin: its API, and the entity card. */
export const calicoWindowsPlugin = createPlugin({
  id: 'calico-windows',
  apis: [calicoWindowsFactsApiFactory],
});

/**
 * The entity card for a Kubernetes cluster's page: the Calico for Windows report Tech Insights stored
 * for the cluster. Give it the page's entity (`useEntity().entity` in the app's EntityPage).
 */
export const EntityCalicoWindowsCard = calicoWindowsPlugin.provide(
  createComponentExtension({
    name: 'EntityCalicoWindowsCard',
    component: { lazy: () => import('./components/EntityCalicoWindowsCard.js').then((m) => m.EntityCalicoWindowsCard) },
  }),
);
