import TablemendModel

/// `text` without any white space or layout padding: web pages space labels out (`产 出 指 标`)
/// and layout text pads display columns.
func squeezed<S: StringProtocol>(_ text: S) -> String {
  // Most cells hold no space: checked scalar by scalar, without grapheme breaking.
  let spaced = text.unicodeScalars.contains { $0.isSpaceLike || $0 == "\u{F8FF}" }
  if !spaced { return String(text) }
  return String(text.filter { !$0.isWhitespace && $0 != LayoutLine.pad })
}

/// True for a CJK unified ideograph (the basic block or extension A).
func isCJK(_ c: Character) -> Bool {
  guard let v = c.unicodeScalars.first?.value else { return false }
  return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
}
