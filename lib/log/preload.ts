// `node --import lib/log/preload.ts`: routes console output through the logger before Next prints
// its first line (npm start launches the server so).
import { routeConsoleToLogger } from './console-to-logger.ts';

routeConsoleToLogger();
