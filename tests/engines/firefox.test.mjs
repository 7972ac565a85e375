// The cross-engine subset in Firefox ESR, through geckodriver.
import { crossEngineSuite } from './suite.mjs';

crossEngineSuite('firefox');
