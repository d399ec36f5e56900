export {
  checkGradients,
  expectGradientsClose,
  type CheckGradientsOptions,
  type GradientComparison,
} from './check-gradients.js';
export { expectNoLeaks } from './expect-no-leaks.js';
