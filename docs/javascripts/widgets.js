// Size every figure's iframe to the figure inside it, and keep following it.
// The iframe is same-origin, so we can measure the Bokeh root elements directly;
// document.body.scrollHeight is useless there (Bokeh's page sets body height 100%).
// Material's instant navigation swaps page content, so this runs on every page load.

// Bokeh renders each root of the document inside its placeholder <div data-root-id>.
const ROOTS = "[data-root-id] > *"

function fitFrame(frame) {
  const doc = frame.contentDocument
  if (!doc || !doc.body) return
  const roots = doc.querySelectorAll(ROOTS)
  let bottom = 0
  for (const el of roots) bottom = Math.max(bottom, el.getBoundingClientRect().bottom)
  if (bottom > 0) frame.style.height = `${Math.ceil(bottom) + 2}px`
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
      for (const el of doc.querySelectorAll(ROOTS)) {
        observer.observe(el)
      }
    }
    // Bokeh renders after its scripts load: look again as its elements appear.
    new MutationObserver(attach).observe(doc.body, {childList: true, subtree: true})
    attach()
  }
  frame.addEventListener("load", start)
  if (frame.contentDocument && frame.contentDocument.readyState === "complete") start()
}

function watchFrames() {
  document.querySelectorAll("iframe.nt-widget").forEach(watchFrame)
}

if (typeof document$ !== "undefined") {
  document$.subscribe(watchFrames)   // Material: every page, including instant navigation
} else {
  document.addEventListener("DOMContentLoaded", watchFrames)
}
