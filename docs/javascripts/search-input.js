// The theme's search reads the box on a key press (keyup). A pasted query, a word chosen from an
// input method's candidates or an autofilled one changes the box without one, and the results
// stayed at "Type to start searching" (键入以开始搜索). Every change to the box now counts as one.
document.addEventListener("input", event => {
  const box = event.target
  if (box instanceof HTMLInputElement && box.classList.contains("md-search__input"))
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
})
