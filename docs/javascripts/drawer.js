// On a screen narrower than Material's two sidebars, its navigation is a drawer that waits
// closed, off screen, and the Tab key still reaches its links: a keyboard reader's focus went
// out of sight for twenty stops between the header and the text. So the keyboard's focus opens
// the drawer, and the level of it that holds the focus (the page's table of contents slides in
// over the list of pages); when the focus moves on to an element outside, the drawer closes
// (else its shade would cover that element), as it does on Escape. Taps and clicks are left to
// Material. On a wide screen the navigation is a sidebar, on screen: nothing changes.

(() => {
  const drawer_toggle = document.getElementById("__drawer")
  const drawer = document.querySelector(".md-sidebar--primary")
  if (drawer_toggle === null || drawer === null) return
  // Material's width below which the primary sidebar is a drawer (its stylesheet's breakpoint).
  const narrow = window.matchMedia("(max-width: 76.234375em)")
  const opened = new Set()  // the levels the focus opened

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

  const close = () => {
    drawer_toggle.checked = false
    for (const toggle of opened) toggle.checked = false
    opened.clear()
  }

  drawer.addEventListener("focusin", (event) => {
    if (!narrow.matches || !event.target.matches(":focus-visible")) return  // a click: Material's
    drawer_toggle.checked = true
    const wanted = levels(event.target)
    for (const toggle of opened) {
      if (!wanted.includes(toggle)) toggle.checked = false, opened.delete(toggle)
    }
    for (const toggle of wanted) {
      if (!toggle.checked) toggle.checked = true, opened.add(toggle)
    }
    // Chromium scrolled the drawer sideways to show a link that was still off screen: undo it.
    for (const wrap of drawer.querySelectorAll(".md-sidebar__scrollwrap")) wrap.scrollLeft = 0
  })

  drawer.addEventListener("focusout", (event) => {
    // To nothing (a click on the shade or on blank space): the click decides, not the focus.
    if (!narrow.matches || event.relatedTarget === null || drawer.contains(event.relatedTarget)) return
    close()
  })

  drawer.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !narrow.matches || !drawer_toggle.checked) return
    close()
    // The text takes the focus (the menu button that opened the drawer is a label, not a stop).
    const article = document.querySelector("article")
    if (article === null) return
    if (!article.hasAttribute("tabindex")) article.setAttribute("tabindex", "-1")
    article.focus({preventScroll: true})
  })
})()
