// On a screen narrower than Material's two sidebars, its navigation is a drawer that waits
// closed, off screen, and the Tab key still reaches its links: a keyboard reader's focus went
// out of sight for twenty stops between the header and the text. So the drawer opens while the
// focus is inside it, and so does a level of it (the page's table of contents slides in over
// the list of pages); each closes when the focus leaves it. A drawer the reader opened with the
// menu button stays theirs to close. On a wide screen the links are on screen: nothing changes.

(() => {
  const drawer_toggle = document.getElementById("__drawer")
  const drawer = document.querySelector(".md-sidebar--primary")
  if (drawer_toggle === null || drawer === null) return
  const opened = new Set()  // the toggles the focus opened, the drawer's included

  const set = (toggle, open) => {
    toggle.checked = open
    toggle.dispatchEvent(new Event("change"))  // Material watches the drawer's for its scroll lock
  }

  // The nested levels that hold `element`: each item's toggle, when `element` is in its nav.
  const levels = (element) => {
    const toggles = []
    for (let item = element.closest(".md-nav__item"); item !== null;
      item = item.parentElement.closest(".md-nav__item")) {
      const toggle = item.querySelector(":scope > .md-nav__toggle")
      const nested = item.querySelector(":scope > nav.md-nav")
      if (toggle !== null && nested?.contains(element)) toggles.push(toggle)
    }
    return toggles
  }

  drawer.addEventListener("focusin", (event) => {
    if (!drawer_toggle.checked) {
      const box = event.target.getBoundingClientRect()
      if (box.right > 0 && box.left < window.innerWidth) return  // in view: no drawer at this width
      opened.add(drawer_toggle)
      set(drawer_toggle, true)
    }
    const wanted = levels(event.target)
    for (const toggle of opened) {
      if (toggle !== drawer_toggle && !wanted.includes(toggle)) set(toggle, false), opened.delete(toggle)
    }
    for (const toggle of wanted) {
      if (!toggle.checked) set(toggle, true), opened.add(toggle)
    }
  })

  drawer.addEventListener("focusout", (event) => {
    if (drawer.contains(event.relatedTarget)) return
    for (const toggle of opened) set(toggle, false)
    opened.clear()
  })
})()
