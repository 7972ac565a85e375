// What the take-over costs a reader who wants to use the page, measured as Lighthouse
// measures a phone: the main thread slowed 4× (the DevTools protocol's
// `Emulation.setCPUThrottlingRate`), the network as it is. benches/bench.mjs calls these
// and puts their figures in its table; the helpers it shares (a context that watches
// for the article and the take-over, a visit that waits for them) are passed in.
//
// - longTasks: the longest main-thread task from navigation until the page is
//   interactive (the widget's take-over done; the peer's and the floor's article shown),
//   from the Long Tasks API (every task of 50 ms or more, buffered from the start).
//   The same runs are traced, and each long task is put down to what filled it
//   (`whatFilled`): script (the page's and the widget's JavaScript and Wasm, with their
//   timers, events and network callbacks) or the browser's own rendering of the page
//   (its HTML parsed, style, layout, paint). The floor pays the second for the same
//   article; the first is the code's own.
// - firstInteraction: a real click (CDP input, through the browser's input pipeline, so
//   a busy main thread delays it as it would a reader's) on the "Patient" control at a
//   fixed time after navigation, timed from the input to the end of the first frame
//   that shows the patient version, or reported as missed (the press reached no
//   control: not on screen, or the page not drawn yet) or ignored (the press reached
//   the control, yet the professional version still showing once the take-over is
//   done and a second has passed).

export const CPU_SLOWDOWN = 4;
// The window tall enough that the partner page's widget shows its audience control
// without scrolling; the same for every page and run.
const VIEWPORT = { width: 1280, height: 1000 };
const PATIENT_HEADING = 'Medical Disclaimer';

/** Throttles `page`'s main thread for as long as the session it returns lives. */
async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

/** Runs in each page before its scripts: every long task, with its start and length. */
function watchLongTasks() {
  window.benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Runs in each page before its scripts: notes where the first pointerdown landed
 * (on the audience's "Patient" control or not, judged when the event is dispatched),
 * the first input's delay from Event Timing, and the wall-clock time (Date.now, the
 * clock node reads too) at the end of the first frame that shows the patient version.
 */
function watchPatient({ hosts, heading }) {
  const root = () => document.querySelector(hosts)?.shadowRoot;
  addEventListener(
    'pointerdown',
    (event) => {
      if (window.benchPointer !== undefined) return;
      // On the control only if the press reached it: a press over where the control
      // lies, on a page not drawn yet (its stylesheet still on its way), goes to the
      // document, and is missed, not ignored.
      const label = root()?.querySelector('.article-widget-root:not([hidden]) input[name="audience"][value="patient"]')?.closest('label');
      window.benchPointer = label && event.composedPath().includes(label) ? 'control' : 'elsewhere';
      window.benchBeforeTakeOver = window.benchInteractiveAt === undefined;
    },
    { capture: true },
  );
  new PerformanceObserver((list) => {
    const [entry] = list.getEntries();
    if (entry) window.benchInputDelay = entry.processingStart - entry.startTime;
  }).observe({ type: 'first-input', buffered: true });
  const poll = () => {
    if (root()?.querySelector('.disclaimer h2')?.textContent === heading) {
      setTimeout(() => {
        window.benchPatientAt = Date.now();
      }, 0);
    } else {
      requestAnimationFrame(poll);
    }
  };
  requestAnimationFrame(poll);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A trace's events that are script running, and the categories that hold them and the
// tasks (`RunTask`). A layout that script forces inside them counts as script's.
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'v8.evaluateModule',
  'FunctionCall',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'RunMicrotasks',
  'XHRLoad',
  'XHRReadyStateChange',
  'v8.wasm.compileConsume',
  'v8.wasm.compileConsumeDone',
]);
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'];

/**
 * The tasks of 50 ms or more on the page's main thread in `traceEvents`, from its
 * navigation until `until` ms after it, each with its length (ms) and whether script
 * filled most of it (the union of its script events' time, so nested ones count once).
 */
export function whatFilled(traceEvents, until) {
  const navigation = traceEvents.find((event) => event.name === 'navigationStart' && event.args?.data?.isLoadingMainFrame && /^https?:/.test(event.args.data.documentLoaderURL ?? ''));
  if (!navigation) return [];
  const onMain = traceEvents.filter((event) => event.pid === navigation.pid && event.tid === navigation.tid && event.ph === 'X');
  const tasks = onMain.filter(
    (event) => event.name === 'RunTask' && event.dur >= 50_000 && event.ts >= navigation.ts && event.ts - navigation.ts < until * 1000,
  );
  return tasks.map((task) => {
    const end = task.ts + task.dur;
    const spans = onMain
      .filter((event) => SCRIPT_EVENTS.has(event.name) && event.ts >= task.ts && event.ts < end)
      .map((event) => [event.ts, Math.min(end, event.ts + (event.dur ?? 0))])
      .sort((a, b) => a[0] - b[0]);
    let script = 0;
    let reached = task.ts;
    for (const [start, stop] of spans) {
      if (stop > reached) {
        script += stop - Math.max(start, reached);
        reached = stop;
      }
    }
    return { duration: task.dur / 1000, script: script / task.dur >= 0.5 };
  });
}

/** Evaluates `expression` in the page through CDP (no helper script injected). */
async function read(cdp, expression) {
  const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
  return result.value;
}

/**
 * Longest task until interactive, `runs` times over `pages` (name → URL), the pages
 * interleaved run by run. `ours(name)` says whether the page has a take-over to wait
 * for. Returns, per page, the longest task and the sum of the tasks' time beyond 50 ms
 * (total blocking time, as Lighthouse counts it) in that window, the window's length
 * and navigation → article visible, ms; and from the run's trace, the longest task
 * that script filled and the longest that rendering did (0: none of 50 ms or more).
 */
export async function longTasks({ pages, runs, slug, watchingContext, visit, hosts, ours }) {
  const samples = Object.fromEntries(
    Object.keys(pages).map((name) => [name, { longest: [], blocking: [], until: [], visible: [], script: [], rendering: [] }]),
  );
  for (let run = 0; run < runs; run += 1) {
    for (const [name, url] of Object.entries(pages)) {
      const context = await watchingContext({ hosts: hosts[name] }, { viewport: VIEWPORT });
      await context.addInitScript(watchLongTasks);
      const page = await context.newPage();
      await throttle(page);
      await context.browser().startTracing(page, { categories: TRACE_CATEGORIES });
      const times = await visit(page, url, slug, ours(name));
      const until = ours(name) ? times.interactive : times.navigation;
      // The observer's callbacks are queued behind the page's work: let them run.
      await page.waitForTimeout(300);
      const { traceEvents } = JSON.parse((await context.browser().stopTracing()).toString());
      const tasks = (await page.evaluate(() => window.benchLongTasks)).filter((task) => task.start < until);
      samples[name].longest.push(Math.max(0, ...tasks.map((task) => task.duration)));
      samples[name].blocking.push(tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0));
      const traced = whatFilled(traceEvents, until);
      samples[name].script.push(Math.max(0, ...traced.filter((task) => task.script).map((task) => task.duration)));
      samples[name].rendering.push(Math.max(0, ...traced.filter((task) => !task.script).map((task) => task.duration)));
      samples[name].until.push(until);
      samples[name].visible.push(times.navigation);
      await context.close();
    }
  }
  return samples;
}

/** Where the centre of the "Patient" control is on `url` once taken over. */
async function patientControl(browser, url, host) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  // Where it is once the take-over is done; the take-over moves nothing (no layout shift).
  await page.waitForFunction(
    (host) => {
      const root = document.querySelector(host)?.shadowRoot;
      return root && !root.querySelector('[data-prerendered]') && root.querySelector('.article-widget-root:not([hidden]) input[name="audience"][value="patient"]');
    },
    host,
    { timeout: 60_000 },
  );
  const box = await page.evaluate((host) => {
    const input = document.querySelector(host).shadowRoot.querySelector('.article-widget-root:not([hidden]) input[name="audience"][value="patient"]');
    const { x, y, width, height } = input.closest('label').getBoundingClientRect();
    return { x, y, width, height };
  }, host);
  await context.close();
  if (!box || box.y + box.height > VIEWPORT.height) throw new Error(`${url}: the Patient control is not in the first ${VIEWPORT.height} px`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Clicks "Patient" at each of `delays` (ms after the navigation committed, the page's
 * first bytes in; or 'after': 300 ms after the take-over), on each of `pages` (name →
 * URL), `runs` times, all interleaved. Returns, per page and delay, each run's outcome:
 * { shown: ms from input to the frame showing the patient version } or { missed } or
 * { ignored }, with when the click was sent, whether the page received it before the
 * take-over, and the first input's delay (Event Timing).
 */
export async function firstInteraction({ browser, pages, runs, delays, hosts, watchingContext }) {
  const targets = {};
  for (const [name, url] of Object.entries(pages)) targets[name] = await patientControl(browser, url, hosts[name]);
  const outcomes = Object.fromEntries(Object.keys(pages).map((name) => [name, Object.fromEntries(delays.map((delay) => [delay, []]))]));
  for (let run = 0; run < runs; run += 1) {
    for (const delay of delays) {
      for (const [name, url] of Object.entries(pages)) {
        const context = await watchingContext({ hosts: hosts[name] }, { viewport: VIEWPORT });
        await context.addInitScript(watchPatient, { hosts: hosts[name], heading: PATIENT_HEADING });
        const page = await context.newPage();
        const cdp = await throttle(page);
        await page.goto(url, { waitUntil: 'commit' });
        const committed = Date.now();
        if (delay === 'after') {
          while (!(await read(cdp, 'window.benchInteractiveAt !== undefined'))) await sleep(20);
          await sleep(300);
        } else {
          await sleep(committed + delay - Date.now());
        }
        const { x, y } = targets[name];
        const input = Date.now();
        // Sent back to back, not awaited one by one: the browser queues both at once,
        // as a reader's press and release would be, whatever the main thread is doing.
        await Promise.all([
          cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 }),
          cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 }),
        ]);
        // Done when the patient version shows, or a second after the take-over.
        const deadline = Date.now() + 60_000;
        let interactiveSince = null;
        let state;
        for (;;) {
          state = await read(
            cdp,
            '({ patient: window.benchPatientAt, interactive: window.benchInteractiveAt !== undefined, pointer: window.benchPointer, before: window.benchBeforeTakeOver, delay: window.benchInputDelay })',
          );
          if (state.patient !== undefined) break;
          if (state.interactive) interactiveSince ??= Date.now();
          if (interactiveSince !== null && Date.now() - interactiveSince > 1000) break;
          if (Date.now() > deadline) throw new Error(`${url}: never interactive after a click at ${delay}`);
          await sleep(20);
        }
        const common = { sentAt: input - committed, beforeTakeOver: state.before === true, inputDelay: state.delay };
        if (state.patient !== undefined) outcomes[name][delay].push({ ...common, shown: state.patient - input });
        else if (state.pointer === 'control') outcomes[name][delay].push({ ...common, ignored: true });
        else outcomes[name][delay].push({ ...common, missed: true });
        await context.close();
      }
    }
  }
  return outcomes;
}
