// The cross-engine subset in WebKitGTK's MiniBrowser, through WebKitWebDriver.
import { crossEngineSuite } from './suite.mjs';

crossEngineSuite('webkit');
