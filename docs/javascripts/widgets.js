// The figures' iframes: load each when it comes near the screen, size it to the figure
// inside it, and keep following the figure.
//
// Loading: every iframe starts without a src (docs/hooks/widgets.py writes data-src), as a
// placeholder of the figure's measured height at its width (data-heights, [width, height]
// rows), so nothing moves when it loads. An IntersectionObserver gives it its src once it is
// on screen; from the reader's first scroll on, once it is within a screen of the viewport.
// (A figure a screen and a half down would otherwise run BokehJS, seconds of a phone's main
// thread, while the page is still loading and before the reader has moved at all.) Frames
// load one after the other: each runs its own BokehJS, and two at once would block the page
// twice as long.
// On a desktop (a wide screen and a mouse: cores and memory to spare) every figure of the page
// loads, one after the other, as soon as the page is idle: a figure takes half a second to a
// second from its src to its first draw, longer than a reader takes to scroll to it. Whichever
// frame is nearest the screen loads next.
// Sizing: the iframe is same-origin, so we measure the Bokeh root elements directly
// (document.body.scrollHeight is useless there: Bokeh's page sets body height 100%). While a
// pointer is down in a figure (a drag), the frame may grow but not shrink, so the page does
// not jump back and forth under the reader's hand; it settles when the pointer is released.
// Every chapter is a page load of its own (no Material instant navigation: its set-up alone
// cost a phone ~90 ms of blocked main thread per page, measured with Lighthouse).

// Bokeh renders each root of the document inside its placeholder <div data-root-id>.
const ROOTS = "[data-root-id] > *"
const AHEAD = "100% 0px"   // once the reader scrolls, load a figure while it is a screen away
// A desktop: a wide screen and a mouse (a landscape tablet is as wide, with a phone's memory).
const DESKTOP = window.matchMedia("(min-width: 960px) and (hover: hover) and (pointer: fine)")

let ahead = false
let observer = null
let queue = []
let loading = null

function fitFrame(frame) {
  const doc = frame.contentDocument
  if (!doc || !doc.body) return
  let bottom = 0
  for (const el of doc.querySelectorAll(ROOTS)) bottom = Math.max(bottom, el.getBoundingClientRect().bottom)
  if (bottom <= 0) return
  const height = Math.ceil(bottom) + 2
  if (frame.dataset.holding && height < frame.getBoundingClientRect().height) return
  frame.style.height = `${height}px`
  frame.dataset.state = "ready"
}

function watchFrame(frame) {
  if (frame.dataset.watched) return
  frame.dataset.watched = "yes"
  const start = () => {
    const doc = frame.contentDocument
    // Before its page loads an iframe holds an empty about:blank document: wait for the figure.
    if (!doc || !doc.body || doc.location.href === "about:blank") return
    const observer = new ResizeObserver(() => fitFrame(frame))
    const attach = () => {
      fitFrame(frame)
      for (const el of doc.querySelectorAll(ROOTS)) observer.observe(el)
    }
    const release = () => {
      if (!frame.dataset.holding) return
      delete frame.dataset.holding
      fitFrame(frame)
    }
    doc.addEventListener("pointerdown", () => { frame.dataset.holding = "yes" })
    for (const target of [doc, window]) {
      target.addEventListener("pointerup", release)
      target.addEventListener("pointercancel", release)
    }
    // Bokeh renders after its scripts load: look again as its elements appear.
    new MutationObserver(attach).observe(doc.body, {childList: true, subtree: true})
    attach()
  }
  frame.addEventListener("load", start)
  if (frame.contentDocument && frame.contentDocument.readyState === "complete") start()
}

// The figure's height at the frame's width, from the measured rows (linear in between).
function placeholderHeight(frame) {
  let rows
  try { rows = JSON.parse(frame.dataset.heights || "[]") } catch { return null }
  if (!rows.length) return null
  const width = frame.clientWidth
  if (width <= rows[0][0]) return rows[0][1]
  for (let i = 1; i < rows.length; i++) {
    const [w0, h0] = rows[i - 1], [w1, h1] = rows[i]
    if (width <= w1) return Math.round(h0 + (h1 - h0) * (width - w0) / (w1 - w0))
  }
  return rows[rows.length - 1][1]
}

function place(frame) {
  if (frame.src) return
  const height = placeholderHeight(frame)
  if (height) frame.style.height = `${height}px`
}

// Distance in pixels from the viewport (0 when on screen).
function distance(frame) {
  const box = frame.getBoundingClientRect()
  return Math.max(0, box.top - window.innerHeight, -box.bottom)
}

function next() {
  while (!loading && queue.length) {
    queue.sort((a, b) => distance(a) - distance(b))
    const frame = queue.shift()
    loading = frame
    const done = () => {
      if (loading === frame) loading = null
      next()
    }
    frame.addEventListener("load", done, {once: true})
    frame.addEventListener("error", done, {once: true})
    watchFrame(frame)
    frame.src = frame.dataset.src
    frame.dataset.state = "loading"
  }
}

function request(frame) {
  if (frame.src || queue.includes(frame)) return
  queue.push(frame)
  next()
}

function observe() {
  if (observer) observer.disconnect()
  observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue
      observer.unobserve(entry.target)
      request(entry.target)
    }
  }, {rootMargin: ahead ? AHEAD : "0px"})
  for (const frame of document.querySelectorAll("iframe.nt-widget")) {
    if (frame.dataset.src && !frame.src) observer.observe(frame)
    else watchFrame(frame)   // an iframe written with its src: size it all the same
  }
}

function setUp() {
  document.querySelectorAll("iframe.nt-widget").forEach(place)
  observe()
  if (!DESKTOP.matches) return
  if ("requestIdleCallback" in window) requestIdleCallback(loadAll, {timeout: 1500})
  else setTimeout(loadAll, 500)
}

function lookAhead() {
  if (ahead) return
  ahead = true
  observe()
}

function loadAll() {
  lookAhead()
  document.querySelectorAll("iframe.nt-widget").forEach((frame) => {
    if (frame.dataset.src && !frame.src) request(frame)
  })
}

if (typeof document$ !== "undefined") {
  document$.subscribe(setUp)   // Material's signal that the page and its components are ready
} else {
  document.addEventListener("DOMContentLoaded", setUp)
}
window.addEventListener("resize", () => document.querySelectorAll("iframe.nt-widget").forEach(place))
window.addEventListener("scroll", lookAhead, {passive: true})
