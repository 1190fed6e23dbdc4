import { describeEventLogContract } from './event-log.contract';
import { createMemoryLog } from './memory-log';

describeEventLogContract(
  'memory',
  async (options) => createMemoryLog(options),
  // A memory store that restarts starts a new history.
  async (previous, options) => {
    await previous.close();
    return createMemoryLog(options);
  },
);
