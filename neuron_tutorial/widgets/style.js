// Helpers shared by every figure's callback (prepended to <name>.js by style.read_js).

// The current scheme ("light" or "dark"), kept on <html> by theme.js.
function scheme() {
  return document.documentElement.dataset.ntScheme === "dark" ? "dark" : "light"
}

// Colour of a sign: +1 positive (or high), -1 negative (or not high), 0 zero.
function sign_colour(sign, colours) {
  const pair = colours[scheme()]
  return sign > 0 ? pair.positive : sign < 0 ? pair.negative : pair.zero
}

// A number as the page writes it: fixed decimals and a real minus sign.
function fmt(x, digits = 2) {
  const text = Math.abs(x) < 0.5 * 10 ** -digits ? (0).toFixed(digits) : x.toFixed(digits)
  return text.replace("-", "\u2212")
}

// "1.20·F − 0.35": the formula of a line with weight w and bias b.
function formula(w, b, input = "F") {
  return `${fmt(w)}\u00b7${input} ${b < 0 ? "\u2212" : "+"} ${fmt(Math.abs(b))}`
}
