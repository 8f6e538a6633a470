// format: how numbers, formulas, sign patterns and sign colours are written on every figure.
// The Python side formats nothing for the browser: what the reader reads comes from here.

// The current scheme ("light" or "dark"), kept on <html> by theme.js.
export function scheme() {
  return globalThis.document?.documentElement.dataset.ntScheme === "dark" ? "dark" : "light"
}

// The role of a sign, the name the theme colours by: +1 positive (or high), -1 negative, 0 zero.
export function sign_role(sign) {
  return sign > 0 ? "positive" : sign < 0 ? "negative" : "zero"
}

// Colour of a sign in the current scheme, from the theme's palette of roles.
export function sign_colour(sign, colours) {
  return colours[scheme()][sign_role(sign)]
}

// A number as the page writes it: fixed decimals and a real minus sign (no "−0.00").
export function fmt(x, digits = 2) {
  const text = Math.abs(x) < 0.5 * 10 ** -digits ? (0).toFixed(digits) : x.toFixed(digits)
  return text.replace("-", "\u2212")
}

// "+ 0.35" or "− 0.35": a term after the first one of a sum.
export function signed(x, digits = 2) {
  const text = fmt(x, digits)
  return text.startsWith("\u2212") ? `\u2212 ${text.slice(1)}` : `+ ${text}`
}

// "1.20·F − 0.35": the formula of a neuron with weight w and bias b.
export function formula(w, b, input = "F") {
  return `${fmt(w)}\u00b7${input} ${signed(b)}`
}

// One decimal, halves rounded up, as a readout of a mean or a spread.
export function one_decimal(x) {
  return (Math.floor(x * 10 + 0.5) / 10).toFixed(1)
}

// The sign pattern as text, one character per neuron, as Region.pattern: "+", "−" or "0".
export function pattern_text(signs) {
  let text = ""
  for (let k = 0; k < signs.length; k++) text += signs[k] > 0 ? "+" : signs[k] < 0 ? "\u2212" : "0"
  return text
}

// "1 region" or "3 regions".
export function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`
}
