/**
 * Scheduling helpers any element can use to keep work out of the frame that
 * handles a key or a click.
 */

/**
 * Runs `callback` once the next frame has painted (a task queued from that
 * frame's animation callbacks), or after `fallbackMs` where frames are not
 * coming (a hidden page).
 */
export function afterNextPaint(callback: () => void, fallbackMs = 100): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    callback();
  };
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = run;
    channel.port2.postMessage(0);
  });
  const timer = setTimeout(run, fallbackMs);
}

/** `requestIdleCallback`, or a short timeout where there is none (Safari). */
export function whenIdle(callback: (timeLeft: () => number) => void): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback((deadline) => callback(() => deadline.timeRemaining()), { timeout: 1000 });
  } else {
    setTimeout(() => {
      const end = performance.now() + 8;
      callback(() => end - performance.now());
    }, 16);
  }
}
