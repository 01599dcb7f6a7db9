import { buildPlayground } from '../../playground/build.js';

// The suite runs on the built package (dist/, `npm run build`) and the playground built from it.
export default async function setup(): Promise<void> {
  await buildPlayground();
}
