/** The worker-thread entry of the batch pool: one job per call. */
import { runJob } from './job.js';

export default runJob;
