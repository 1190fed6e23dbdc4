import { describeEventLogContract } from './event-log.contract';
import { createMemoryLog } from './memory-log';

describeEventLogContract('memory', async (options) => createMemoryLog(options));
